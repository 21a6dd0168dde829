import { Badge, Card } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TUserSummary } from '@yunpin/shared';
import { PagedTable } from '../../app/ui/PagedTable';
import { formatDateTime } from '../../lib/format';
import { usePagedList, type TNoFilters } from '../../lib/use-paged-list';

function useUserColumns(): TableColumnsType<TUserSummary> {
  const { t } = useTranslation();
  const empty = t('common.empty');
  return [
    { key: 'name', title: t('office.users.name'), dataIndex: 'name' },
    { key: 'role', title: t('office.users.role'), render: (_, row) => t(`roles.${row.role}`) },
    { key: 'phone', title: t('office.users.phone'), render: (_, row) => row.phone ?? empty },
    { key: 'email', title: t('office.users.email'), render: (_, row) => row.email ?? empty },
    {
      key: 'status',
      title: t('office.users.status'),
      render: (_, row) =>
        row.isDisabled ? (
          <Badge status="default" text={t('office.users.disabled')} />
        ) : (
          <Badge status="success" text={t('office.users.active')} />
        ),
    },
    { key: 'createdAt', title: t('office.users.createdAt'), render: (_, row) => formatDateTime(row.createdAt) },
  ];
}

export function UsersPage() {
  const { t } = useTranslation();
  const list = usePagedList<TUserSummary, TNoFilters>(['users'], '/users', {});
  const columns = useUserColumns();
  return (
    <Card title={t('nav.users')}>
      <PagedTable list={list} columns={columns} />
    </Card>
  );
}
