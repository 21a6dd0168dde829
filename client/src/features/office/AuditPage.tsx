import { Card, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from '@yunpin/shared';
import { PagedTable } from '../../app/ui/PagedTable';
import { formatDateTime } from '../../lib/format';
import { usePagedList, type TNoFilters } from '../../lib/use-paged-list';

function useAuditColumns(): TableColumnsType<TAuditEntry> {
  const { t } = useTranslation();
  const empty = t('common.empty');
  return [
    { key: 'at', title: t('office.audit.at'), render: (_, row) => formatDateTime(row.at) },
    {
      key: 'actor',
      title: t('office.audit.actor'),
      render: (_, row) =>
        row.actorId ? <Typography.Text copyable={{ text: row.actorId }}>{row.actorId.slice(0, 8)}</Typography.Text> : t('office.audit.system'),
    },
    { key: 'action', title: t('office.audit.action'), render: (_, row) => <Typography.Text code>{row.action}</Typography.Text> },
    {
      key: 'entity',
      title: t('office.audit.entity'),
      render: (_, row) => (row.entityId ? `${row.entityType} ${row.entityId.slice(0, 8)}` : row.entityType),
    },
    { key: 'ip', title: t('office.audit.ip'), render: (_, row) => row.ip ?? empty },
    {
      key: 'detail',
      title: t('office.audit.detail'),
      render: (_, row) =>
        Object.keys(row.detail).length === 0 ? empty : (
          <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 320 }}>
            {JSON.stringify(row.detail)}
          </Typography.Text>
        ),
    },
  ];
}

export function AuditPage() {
  const { t } = useTranslation();
  const list = usePagedList<TAuditEntry, TNoFilters>(['audit'], '/audit', {});
  const columns = useAuditColumns();
  return (
    <Card title={t('nav.audit')}>
      <PagedTable list={list} columns={columns} size="small" />
    </Card>
  );
}
