import { useState } from 'react';
import { Drawer, Flex, Segmented, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TGoalListItem, TGoalListQuery } from '@yunpin/shared';
import { QueryError } from '../../app/ui/QueryError';
import { ServerCsvButton } from '../jobs/ServerCsvButton';
import { goalListCsvPath, useGoalList, type TGoalListTarget } from './dashboard-api';

interface TGoalListDrawerProps {
  target: TGoalListTarget | null;
  /** Whether the low-income group may be chosen (present in the dashboard only for roles allowed to see hardship). */
  hasLowIncome: boolean;
  onClose: () => void;
}

/** The graduates behind a number, pending or done, by priority group, with a link to each case file and a CSV export. */
export function GoalListDrawer({ target, hasLowIncome, onClose }: TGoalListDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer open={target !== null} onClose={onClose} size={720} destroyOnHidden data-testid="goal-drawer" title={target ? t('dashboard.drawerTitle', { goal: t(`dashboard.goals.${target.goal}`), area: target.areaName }) : null}>
      {target && <GoalList key={JSON.stringify(target)} initial={target} hasLowIncome={hasLowIncome} />}
    </Drawer>
  );
}

function GoalList({ initial, hasLowIncome }: { initial: TGoalListTarget; hasLowIncome: boolean }) {
  const { t } = useTranslation();
  const [state, setState] = useState<TGoalListQuery['state']>(initial.state);
  const [group, setGroup] = useState<TGoalListQuery['group']>(initial.group);
  const target = { ...initial, state, group };
  const list = useGoalList(target);
  const empty = t('common.empty');
  const columns: TableColumnsType<TGoalListItem> = [
    { key: 'name', title: t('dashboard.columns.name'), render: (_, row) => <Link to={`/office/cases/${row.graduateId}`} title={t('dashboard.openCaseFile')} data-testid="goal-list-case-link">{row.name}</Link> },
    { key: 'town', title: t('dashboard.columns.town'), render: (_, row) => row.townName ?? empty },
    { key: 'status', title: t('dashboard.columns.status'), dataIndex: 'employmentStatus' },
    { key: 'detail', title: t('dashboard.columns.detail'), render: (_, row) => row.detail || empty },
  ];
  const groups = (['all', 'local', ...(hasLowIncome ? ['low_income' as const] : [])] as const).map((value) => ({ value, label: t(`dashboard.groups.${value}`) }));
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Flex wrap gap={12}>
          <Segmented<TGoalListQuery['state']>
            value={state}
            onChange={setState}
            options={[
              { value: 'pending', label: t('dashboard.pending') },
              { value: 'done', label: t('dashboard.done') },
            ]}
            data-testid="goal-list-state"
          />
          <Segmented<TGoalListQuery['group']> value={group} onChange={setGroup} options={groups} data-testid="goal-list-group" />
        </Flex>
        <ServerCsvButton path={goalListCsvPath(target)} name={`${t(`dashboard.goalShort.${target.goal}`)}-${target.areaName}`} testId="goal-list-export" />
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="goal-list-count" data-count={list.data?.length ?? ''}>
            {t('dashboard.listCount', { count: list.data?.length ?? 0 })}
          </Typography.Text>
          <Table<TGoalListItem> rowKey={(row) => `${row.graduateId}-${row.detail}`} size="small" columns={columns} dataSource={list.data} loading={list.isFetching} pagination={{ pageSize: 50, showSizeChanger: false }} scroll={{ x: 'max-content' }} data-testid="goal-list" />
        </>
      )}
    </Flex>
  );
}
