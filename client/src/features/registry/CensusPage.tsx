import { useState } from 'react';
import { App, Button, Card, Checkbox, Flex, Progress, Select, Statistic, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { CENSUS_FIELDS, type TCensusEntry, type TCensusField, type TCensusPage } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { PagedTable } from '../../app/ui/PagedTable';
import { apiDownload } from '../../lib/api';
import { downloadBlob } from '../../lib/csv';
import { fileStamp } from '../../lib/format';
import { townScope } from '../../lib/permissions';
import { usePagedList } from '../../lib/use-paged-list';
import { useErrorText } from '../../lib/use-error-text';
import { TownSelect } from '../district/TownSelect';
import { EmploymentStatusTag } from '../graduate/EmploymentStatusTag';
import { ServerCsvButton } from '../jobs/ServerCsvButton';
import { GraduateRegistryDrawer } from './GraduateRegistryDrawer';
import { REGISTRY_KEY } from './registry-api';
import { useRegistryTexts } from './registry-texts';

type TCensusFilters = { townId?: string; missingField?: TCensusField; isIncomplete?: 'true' };

function exportQuery(filters: TCensusFilters): string {
  const params = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** 摸排名册: who is missing what, by town and field, with completeness and exports. */
export function CensusPage() {
  const { t } = useTranslation();
  const r = useRegistryTexts();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const list = usePagedList<TCensusEntry, TCensusFilters>([...REGISTRY_KEY, 'census'], '/registry/census', {});
  const summary = (list.query.data as TCensusPage | undefined)?.summary;
  const [openId, setOpenId] = useState<TCensusEntry | null>(null);
  const fieldOptions = CENSUS_FIELDS.map((f) => ({ value: f, label: r.fields[f] }));

  const columns: TableColumnsType<TCensusEntry> = [
    { key: 'name', title: t('graduate.name'), render: (_, row) => <Button type="link" onClick={() => setOpenId(row)}>{row.name}</Button> },
    { key: 'town', title: r.town, render: (_, row) => row.townName ?? t('common.empty') },
    { key: 'nationalId', title: r.nationalId, render: (_, row) => row.nationalIdMasked ?? r.notRecorded },
    { key: 'local', title: r.registeredLocal, render: (_, row) => (row.isRegisteredLocal ? t('common.yes') : t('common.no')) },
    { key: 'status', title: t('graduate.employmentStatus'), render: (_, row) => <EmploymentStatusTag status={row.employmentStatus} /> },
    { key: 'completeness', title: r.completeness, render: (_, row) => <Progress percent={row.completeness} size="small" style={{ width: 120 }} /> },
    {
      key: 'missing',
      title: r.missing,
      render: (_, row) => (
        <Flex gap={4} wrap>
          {row.missingFields.map((f) => (
            <Tag key={f} color="orange">
              {r.fields[f]}
            </Tag>
          ))}
        </Flex>
      ),
    },
  ];

  const exportXlsx = async () => {
    try {
      downloadBlob(`${r.censusTitle}-${fileStamp()}.xlsx`, await apiDownload(`/registry/census.xlsx${exportQuery(list.filters)}`));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Card
      title={r.censusTitle}
      extra={
        <Flex gap={8}>
          <ServerCsvButton path={`/registry/census.csv${exportQuery(list.filters)}`} name={r.censusTitle} testId="census-export-csv" />
          <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} data-testid="census-export-xlsx">
            {r.exportXlsx}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        {summary && (
          <Flex gap={32} wrap>
            <Statistic title={r.files} value={summary.files} />
            <Statistic title={r.complete} value={summary.complete} />
            <Statistic title={r.averageCompleteness} value={summary.averageCompleteness} suffix="%" />
          </Flex>
        )}
        <Flex gap={12} wrap align="center">
          <TownSelect
            allowClear
            value={list.filters.townId}
            onlyTownIds={townScope(user)}
            placeholder={r.town}
            aria-label={r.town}
            style={{ width: 180 }}
            onChange={(townId) => list.setFilters({ ...list.filters, townId })}
          />
          <Select
            allowClear
            value={list.filters.missingField}
            options={fieldOptions}
            placeholder={r.missingField}
            aria-label={r.missingField}
            style={{ width: 180 }}
            onChange={(missingField) => list.setFilters({ ...list.filters, missingField })}
          />
          <Checkbox checked={list.filters.isIncomplete === 'true'} onChange={(e) => list.setFilters({ ...list.filters, isIncomplete: e.target.checked ? 'true' : undefined })}>
            {r.incompleteOnly}
          </Checkbox>
        </Flex>
        <PagedTable list={list} columns={columns} />
      </Flex>
      {openId && <GraduateRegistryDrawer entry={openId} onClose={() => setOpenId(null)} />}
    </Card>
  );
}
