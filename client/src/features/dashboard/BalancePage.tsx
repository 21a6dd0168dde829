import { useMemo, useState } from 'react';
import { Alert, Card, Col, Flex, Row, Statistic, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBalance } from '@yunpin/shared';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { ExportCsvButton } from '../office/ExportCsvButton';
import { useBalance } from './dashboard-api';
import { EChart, type TChartOption } from './EChart';
import { LevelSwitch, saveTableCsv, type TLevel } from './LevelSwitch';

type TBalanceRow = TBalance['rows'][number];

const DEV_ZONE_COLOR = '#fa8c16';
const FIGURES = ['openJobs', 'openPositions', 'seekingGraduates'] as const;

function positionsPerGraduate(row: TBalanceRow): string {
  return row.seekingGraduates === 0 ? '—' : (row.openPositions / row.seekingGraduates).toFixed(2);
}

/** The development zone first (the "1"), then regions or towns as they come. */
function rowsAt(balance: TBalance, level: TLevel): TBalanceRow[] {
  const devZones = balance.rows.filter((row) => row.isDevZone);
  const others = balance.rows.filter((row) => !row.isDevZone && row.kind === (level === 'regions' ? 'region' : 'town'));
  return [...devZones, ...others];
}

/** The "1+5" view: open jobs and positions against graduates looking for work, the development zone paired with every town. */
export function BalancePage() {
  const { t } = useTranslation();
  const balance = useBalance();
  const [level, setLevel] = useState<TLevel>('regions');
  const rows = useMemo(() => (balance.data ? rowsAt(balance.data, level) : []), [balance.data, level]);
  const townTotals = useMemo(() => {
    const towns = (balance.data?.rows ?? []).filter((row) => row.kind === 'town' && !row.isDevZone);
    return { positions: towns.reduce((s, row) => s + row.openPositions, 0), seeking: towns.reduce((s, row) => s + row.seekingGraduates, 0) };
  }, [balance.data]);

  const option = useMemo<TChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 72 },
      xAxis: { type: 'category', data: rows.map((row) => (row.isDevZone ? t('dashboard.balance.devZone') : row.name)), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: FIGURES.map((figure) => ({
        type: 'bar' as const,
        name: t(`dashboard.balance.${figure}`),
        data: rows.map((row) => (row.isDevZone ? { value: row[figure], itemStyle: { borderColor: DEV_ZONE_COLOR, borderWidth: 2 } } : row[figure])),
      })),
    }),
    [rows, t],
  );

  if (balance.isError) return <QueryError error={balance.error} onRetry={() => void balance.refetch()} />;
  if (!balance.data) return <PageLoading />;
  const devZone = balance.data.rows.find((row) => row.isDevZone);

  const columns: TableColumnsType<TBalanceRow> = [
    {
      key: 'name',
      title: t('dashboard.columns.area'),
      render: (_, row) => (row.isDevZone ? <Flex gap={6}><Tag color="orange">1</Tag>{row.name}</Flex> : row.name),
    },
    { key: 'kind', title: t('dashboard.balance.kind'), render: (_, row) => (row.isDevZone ? t('dashboard.balance.pairedWithAll') : t(`dashboard.balance.${row.kind}`)) },
    ...FIGURES.map((figure) => ({ key: figure, title: t(`dashboard.balance.${figure}`), dataIndex: figure, sorter: (a: TBalanceRow, b: TBalanceRow) => a[figure] - b[figure] })),
    { key: 'ratio', title: t('dashboard.balance.positionsPerGraduate'), render: (_, row) => positionsPerGraduate(row) },
  ];

  const exportCsv = () => {
    const header = [t('dashboard.columns.area'), t('dashboard.balance.kind'), ...FIGURES.map((figure) => t(`dashboard.balance.${figure}`)), t('dashboard.balance.positionsPerGraduate')];
    const body = rows.map((row) => [row.name, row.isDevZone ? t('dashboard.balance.pairedWithAll') : t(`dashboard.balance.${row.kind}`), ...FIGURES.map((figure) => String(row[figure])), positionsPerGraduate(row)]);
    return saveTableCsv(t('dashboard.balance.title'), header, body);
  };

  return (
    <Card
      title={t('dashboard.balance.title')}
      extra={
        <Flex gap={8} align="center">
          <LevelSwitch value={level} onChange={setLevel} testId="balance-level" />
          <ExportCsvButton run={exportCsv} />
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Alert type="info" showIcon title={t('dashboard.balance.intro')} />
        {devZone && (
          <Card size="small" style={{ borderColor: DEV_ZONE_COLOR }} data-testid="balance-dev-zone" data-open-jobs={devZone.openJobs} data-open-positions={devZone.openPositions}>
            <Row gutter={16} align="middle">
              <Col xs={24} md={6}>
                <Tag color="orange">1</Tag> {devZone.name}
              </Col>
              {FIGURES.map((figure) => (
                <Col key={figure} xs={8} md={4}>
                  <Statistic title={t(`dashboard.balance.${figure}`)} value={devZone[figure]} />
                </Col>
              ))}
              <Col xs={24} md={6}>
                <Statistic title={`${t('dashboard.balance.pairedWithAll')} · ${t('dashboard.balance.positionsPerGraduate')}`} value={townTotals.seeking === 0 ? '—' : ((devZone.openPositions + townTotals.positions) / townTotals.seeking).toFixed(2)} />
              </Col>
            </Row>
          </Card>
        )}
        <EChart option={option} height={340} testId="balance-chart" />
        <Table<TBalanceRow> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} data-testid="balance-table" />
      </Flex>
    </Card>
  );
}
