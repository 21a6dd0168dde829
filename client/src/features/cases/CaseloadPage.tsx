import { Card, Checkbox, Flex, Input, Select, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TCaseloadItem } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { PagedTable } from '../../app/ui/PagedTable';
import { formatDateTime } from '../../lib/format';
import { isStaff, townScope } from '../../lib/permissions';
import { usePagedList } from '../../lib/use-paged-list';
import { TownSelect } from '../district/TownSelect';
import { EmploymentStatusTag } from '../graduate/EmploymentStatusTag';
import { useEmploymentStatusOptions } from '../graduate/options';
import { ServerCsvButton } from '../jobs/ServerCsvButton';
import { CASES_KEY, exportPath } from './cases-api';

interface TCaseloadFilters extends Record<string, string | undefined> {
  q?: string;
  townId?: string;
  employmentStatus?: string;
  noContact?: '14d';
  priority?: 'local' | 'hardship';
}

/** A caseworker's caseload: the graduates of their towns, with filters, progress, last contact and export. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = usePagedList<TCaseloadItem, TCaseloadFilters>([...CASES_KEY, 'caseload'], '/caseload', {});
  const statusOptions = useEmploymentStatusOptions();
  const filters = list.filters;
  const set = (patch: Partial<TCaseloadFilters>) => list.setFilters({ ...filters, ...patch });
  // Hardship is sensitive: the filter is offered only to those the server lets see it.
  const priorityOptions = [{ value: 'local', label: t('cases.filters.local') }, ...(isStaff(user) ? [{ value: 'hardship', label: t('cases.filters.hardship') }] : [])];
  const columns: TableColumnsType<TCaseloadItem> = [
    {
      key: 'name',
      title: t('cases.columns.name'),
      render: (_, row) => (
        <Flex gap={8} align="center" wrap>
          <Link to={`/office/cases/${row.id}`}>{row.name}</Link>
          {row.isHardship === true && <Tag color="red">{t('cases.filters.hardship')}</Tag>}
        </Flex>
      ),
    },
    { key: 'town', title: t('cases.columns.town'), render: (_, row) => row.townName ?? t('common.empty') },
    { key: 'status', title: t('cases.columns.status'), render: (_, row) => <EmploymentStatusTag status={row.employmentStatus} /> },
    { key: 'lastContact', title: t('cases.columns.lastContact'), render: (_, row) => (row.lastContactAt ? formatDateTime(row.lastContactAt) : <Tag color="orange">{t('cases.neverContacted')}</Tag>) },
    { key: 'progress', title: t('cases.columns.progress'), render: (_, row) => t('cases.progress', { crossed: row.crossed, total: row.total }) },
    { key: 'services', title: t('cases.columns.services'), dataIndex: 'services' },
  ];
  return (
    <Card title={t('nav.caseload')} extra={<ServerCsvButton path={exportPath('/caseload.csv', filters)} name={t('nav.caseload')} testId="caseload-export" />}>
      <Flex vertical gap={16}>
        <Flex gap={12} wrap align="center">
          <Input.Search allowClear placeholder={t('cases.filters.search')} aria-label={t('cases.filters.search')} style={{ width: 240 }} onSearch={(q) => set({ q: q.trim() || undefined })} />
          <TownSelect allowClear value={filters.townId} onlyTownIds={townScope(user)} placeholder={t('cases.filters.town')} aria-label={t('cases.filters.town')} style={{ width: 160 }} onChange={(townId) => set({ townId })} />
          <Select allowClear value={filters.employmentStatus} options={statusOptions} placeholder={t('cases.filters.status')} aria-label={t('cases.filters.status')} style={{ width: 140 }} onChange={(employmentStatus?: string) => set({ employmentStatus })} />
          <Select allowClear value={filters.priority} options={priorityOptions} placeholder={t('cases.filters.priority')} aria-label={t('cases.filters.priority')} style={{ width: 140 }} onChange={(priority?: 'local' | 'hardship') => set({ priority })} />
          <Checkbox checked={filters.noContact === '14d'} onChange={(e) => set({ noContact: e.target.checked ? '14d' : undefined })}>
            {t('cases.filters.noContact')}
          </Checkbox>
        </Flex>
        <PagedTable list={list} columns={columns} />
      </Flex>
    </Card>
  );
}
