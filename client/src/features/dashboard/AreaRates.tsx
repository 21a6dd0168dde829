import { useCallback, useMemo, useState } from 'react';
import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ECElementEvent } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import { GOALS, type TAreaGoals, type TDashboard, type TGoal } from '@yunpin/shared';
import { ExportCsvButton } from '../office/ExportCsvButton';
import { ratePercent, type TGoalListTarget } from './dashboard-api';
import { EChart, type TChartOption } from './EChart';
import { LevelSwitch, saveTableCsv, type TLevel } from './LevelSwitch';

interface TAreaRow {
  id: string;
  name: string;
  level: TLevel;
  goals: TAreaGoals;
}

interface TAreaRatesProps {
  dashboard: TDashboard;
  onOpen: (target: TGoalListTarget) => void;
}

function rowsOf(dashboard: TDashboard, level: TLevel, regionId: string | undefined): TAreaRow[] {
  if (level === 'regions') return dashboard.regions.map((r) => ({ id: r.id ?? '', name: r.name, level, goals: r }));
  return dashboard.towns.filter((town) => regionId === undefined || town.regionId === regionId).map((town) => ({ id: town.id ?? '', name: town.name, level, goals: town }));
}

function targetOf(row: TAreaRow, goal: TGoal): TGoalListTarget {
  return { goal, areaName: row.name, state: 'pending', group: 'all', ...(row.level === 'regions' ? { regionId: row.id } : { townId: row.id }) };
}

/** The four rates per region or per town as grouped bars and a table; a bar or a number opens the list behind it. */
export function AreaRates({ dashboard, onOpen }: TAreaRatesProps) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<TLevel>(dashboard.regions.length > 1 ? 'regions' : 'towns');
  const [regionId, setRegionId] = useState<string | undefined>();
  const rows = useMemo(() => rowsOf(dashboard, level, regionId), [dashboard, level, regionId]);
  const rateText = (row: TAreaRow, goal: TGoal) => {
    const rate = ratePercent(row.goals.all[goal]);
    return rate === null ? t('dashboard.noData') : `${rate}%`;
  };

  const option = useMemo<TChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? `${value}%` : '') },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 64 },
      xAxis: { type: 'category', data: rows.map((row) => row.name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: GOALS.map((goal) => ({ type: 'bar' as const, name: t(`dashboard.goalShort.${goal}`), data: rows.map((row) => ratePercent(row.goals.all[goal]) ?? 0), cursor: 'pointer' })),
    }),
    [rows, t],
  );
  const onBarClick = useCallback(
    (event: ECElementEvent) => {
      const row = rows[event.dataIndex];
      const goal = GOALS[event.seriesIndex ?? -1];
      if (row && goal) onOpen(targetOf(row, goal));
    },
    [rows, onOpen],
  );

  const columns: TableColumnsType<TAreaRow> = [
    { key: 'name', title: t('dashboard.columns.area'), dataIndex: 'name', fixed: 'left' },
    { key: 'registered', title: t('dashboard.columns.registered'), render: (_, row) => row.goals.registered },
    ...GOALS.map((goal) => ({
      key: goal,
      title: t(`dashboard.goalShort.${goal}`),
      render: (_: unknown, row: TAreaRow) => {
        const count = row.goals.all[goal];
        return (
          <Flex gap={6} align="baseline" data-testid={`area-${row.id}-${goal}`} data-done={count.done} data-total={count.total}>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(targetOf(row, goal))}>
              {count.done} / {count.total}
            </Button>
            <Typography.Text type="secondary">{rateText(row, goal)}</Typography.Text>
          </Flex>
        );
      },
    })),
  ];

  const exportCsv = () => {
    const header = [t('dashboard.columns.area'), t('dashboard.columns.registered'), ...GOALS.flatMap((goal) => [`${t(`dashboard.goalShort.${goal}`)} ${t('dashboard.done')}`, `${t(`dashboard.goalShort.${goal}`)} ${t('dashboard.total')}`, `${t(`dashboard.goalShort.${goal}`)} ${t('dashboard.rate')}`])];
    const body = rows.map((row) => [row.name, String(row.goals.registered), ...GOALS.flatMap((goal) => [String(row.goals.all[goal].done), String(row.goals.all[goal].total), rateText(row, goal)])]);
    return saveTableCsv(t('dashboard.byArea'), header, body);
  };

  return (
    <Card
      title={t('dashboard.byArea')}
      extra={
        <Flex wrap gap={8} align="center">
          <LevelSwitch value={level} onChange={setLevel} testId="area-level" />
          {level === 'towns' && dashboard.regions.length > 1 && (
            <Select allowClear value={regionId} onChange={setRegionId} placeholder={t('dashboard.allRegions')} aria-label={t('dashboard.regionFilter')} style={{ width: 160 }} options={dashboard.regions.map((r) => ({ value: r.id ?? '', label: r.name }))} />
          )}
          <ExportCsvButton run={exportCsv} />
        </Flex>
      }
    >
      <EChart option={option} height={320} onItemClick={onBarClick} testId="area-chart" />
      <Table<TAreaRow> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} data-testid="area-table" />
    </Card>
  );
}
