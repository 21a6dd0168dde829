import { Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TWorkloadRow } from '@yunpin/shared';
import { QueryError } from '../../app/ui/QueryError';
import { ServerCsvButton } from '../jobs/ServerCsvButton';
import { useWorkload } from './cases-api';

/** Organisers' view of caseworkers' workload, exportable. */
export function WorkloadPage() {
  const { t } = useTranslation();
  const workload = useWorkload();
  const columns: TableColumnsType<TWorkloadRow> = [
    { key: 'name', title: t('cases.columns.caseworker'), dataIndex: 'name' },
    { key: 'towns', title: t('cases.columns.towns'), render: (_, row) => row.townNames.join('、') },
    { key: 'caseload', title: t('cases.columns.caseloadSize'), dataIndex: 'caseload', sorter: (a, b) => a.caseload - b.caseload },
    { key: 'week', title: t('cases.columns.servicesThisWeek'), dataIndex: 'servicesThisWeek', sorter: (a, b) => a.servicesThisWeek - b.servicesThisWeek },
    { key: 'month', title: t('cases.columns.servicesThisMonth'), dataIndex: 'servicesThisMonth', sorter: (a, b) => a.servicesThisMonth - b.servicesThisMonth },
    { key: 'notes', title: t('cases.columns.notesThisMonth'), dataIndex: 'notesThisMonth' },
    { key: 'crossed', title: t('cases.columns.itemsCrossedThisMonth'), dataIndex: 'itemsCrossedThisMonth' },
    { key: 'noContact', title: t('cases.columns.noContact14d'), dataIndex: 'noContact14d', sorter: (a, b) => a.noContact14d - b.noContact14d },
  ];
  return (
    <Card title={t('nav.workload')} extra={<ServerCsvButton path="/caseworkers/workload.csv" name={t('nav.workload')} testId="workload-export" />}>
      {workload.isError ? (
        <QueryError error={workload.error} onRetry={() => void workload.refetch()} />
      ) : (
        <>
          {workload.data && <Typography.Paragraph type="secondary">{t('cases.weekOf', { week: workload.data.weekStart, month: workload.data.monthStart })}</Typography.Paragraph>}
          <Table<TWorkloadRow> rowKey="caseworkerId" columns={columns} dataSource={workload.data?.items} loading={workload.isFetching} pagination={false} scroll={{ x: 'max-content' }} />
        </>
      )}
    </Card>
  );
}
