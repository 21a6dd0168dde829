import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TOrganisation } from '@yunpin/shared';
import { PagedTable } from '../../app/ui/PagedTable';
import { usePagedList } from '../../lib/use-paged-list';
import { ORGANISATIONS_KEY } from '../employer/organisation-api';
import { ExportCsvButton } from './ExportCsvButton';
import { OrganisationFilters } from './OrganisationFilters';
import type { TOrganisationFilters } from './organisation-filters';
import { useOrganisationColumns } from './use-organisation-columns';
import { useOrganisationExport } from './use-organisation-export';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const list = usePagedList<TOrganisation, TOrganisationFilters>(ORGANISATIONS_KEY, '/organisations', {});
  const columns = useOrganisationColumns();
  const exportCsv = useOrganisationExport(list.filters);

  return (
    <Card title={t('nav.organisations')} extra={<ExportCsvButton run={exportCsv} />}>
      <Flex vertical gap={16}>
        <OrganisationFilters value={list.filters} onChange={list.setFilters} />
        <PagedTable list={list} columns={columns} />
      </Flex>
    </Card>
  );
}
