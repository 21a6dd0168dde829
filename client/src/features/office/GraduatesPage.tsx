import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TGraduateProfile } from '@yunpin/shared';
import { PagedTable } from '../../app/ui/PagedTable';
import { usePagedList } from '../../lib/use-paged-list';
import { GRADUATES_KEY } from '../graduate/graduate-api';
import { ExportCsvButton } from './ExportCsvButton';
import { GraduateFilters } from './GraduateFilters';
import type { TGraduateFilters } from './graduate-filters';
import { useGraduateColumns } from './use-graduate-columns';
import { useGraduateExport } from './use-graduate-export';

export function GraduatesPage() {
  const { t } = useTranslation();
  const list = usePagedList<TGraduateProfile, TGraduateFilters>(GRADUATES_KEY, '/graduates', {});
  const columns = useGraduateColumns();
  const exportCsv = useGraduateExport(list.filters);

  return (
    <Card title={t('nav.graduates')} extra={<ExportCsvButton run={exportCsv} />}>
      <Flex vertical gap={16}>
        <GraduateFilters value={list.filters} onChange={list.setFilters} />
        <PagedTable list={list} columns={columns} />
      </Flex>
    </Card>
  );
}
