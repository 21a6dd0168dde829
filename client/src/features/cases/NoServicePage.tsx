import { Card, Flex } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TNoServiceItem } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { PagedTable } from '../../app/ui/PagedTable';
import { formatDateTime } from '../../lib/format';
import { townScope } from '../../lib/permissions';
import { usePagedList } from '../../lib/use-paged-list';
import { TownSelect } from '../district/TownSelect';
import { ServerCsvButton } from '../jobs/ServerCsvButton';
import { CASES_KEY, exportPath } from './cases-api';

/** Unemployed graduates who have had no service yet, by town, exportable. */
export function NoServicePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = usePagedList<TNoServiceItem, { townId?: string }>([...CASES_KEY, 'no-service'], '/caseload/no-service', {});
  const empty = t('common.empty');
  const columns: TableColumnsType<TNoServiceItem> = [
    { key: 'town', title: t('cases.columns.town'), render: (_, row) => row.townName ?? empty },
    { key: 'name', title: t('cases.columns.name'), render: (_, row) => <Link to={`/office/cases/${row.id}`}>{row.name}</Link> },
    { key: 'school', title: t('cases.columns.school'), render: (_, row) => row.school ?? empty },
    { key: 'major', title: t('cases.columns.major'), render: (_, row) => row.major ?? empty },
    { key: 'jobIntention', title: t('cases.columns.jobIntention'), render: (_, row) => row.jobIntention ?? empty },
    { key: 'trainingNeeds', title: t('cases.columns.trainingNeeds'), render: (_, row) => row.trainingNeeds ?? empty },
    { key: 'lastContact', title: t('cases.columns.lastContact'), render: (_, row) => (row.lastContactAt ? formatDateTime(row.lastContactAt) : t('cases.neverContacted')) },
  ];
  return (
    <Card title={t('nav.noService')} extra={<ServerCsvButton path={exportPath('/caseload/no-service.csv', list.filters)} name={t('nav.noService')} testId="no-service-export" />}>
      <Flex vertical gap={16}>
        <TownSelect allowClear value={list.filters.townId} onlyTownIds={townScope(user)} placeholder={t('cases.filters.town')} aria-label={t('cases.filters.town')} style={{ width: 180 }} onChange={(townId) => list.setFilters({ townId })} />
        <PagedTable list={list} columns={columns} />
      </Flex>
    </Card>
  );
}
