import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TBalance, TDashboard, TGoal, TGoalCount, TGoalListItem, TGoalListQuery } from '@yunpin/shared';
import { api } from '../../lib/api';
import { exportPath } from '../cases/cases-api';

const DASHBOARD_KEY = ['dashboard'] as const;
/** Imports, services and payments elsewhere move the figures: they load again whenever a page opens. */
const ALWAYS_FRESH = { refetchOnMount: 'always' } as const;

/** What a drill-down lists: one goal's files for an area (none: the viewer's whole scope), done or pending, in one group. */
export interface TGoalListTarget extends TGoalListQuery {
  goal: TGoal;
  areaName: string;
}

export function useDashboard() {
  return useQuery({ queryKey: [...DASHBOARD_KEY, 'goals'], queryFn: ({ signal }) => api.get<TDashboard>('/dashboard/goals', undefined, signal), ...ALWAYS_FRESH });
}

export function useBalance() {
  return useQuery({ queryKey: [...DASHBOARD_KEY, 'balance'], queryFn: ({ signal }) => api.get<TBalance>('/dashboard/balance', undefined, signal), ...ALWAYS_FRESH });
}

function listQuery({ townId, regionId, state, group }: TGoalListTarget): TGoalListQuery {
  return { ...(townId ? { townId } : {}), ...(regionId ? { regionId } : {}), state, group };
}

export function useGoalList(target: TGoalListTarget) {
  const query = listQuery(target);
  return useQuery<TGoalListItem[]>({
    queryKey: [...DASHBOARD_KEY, 'list', target.goal, query],
    queryFn: ({ signal }) => api.get<{ items: TGoalListItem[] }>(`/dashboard/goals/${target.goal}/graduates`, { ...query }, signal).then((r) => r.items),
    placeholderData: keepPreviousData,
    ...ALWAYS_FRESH,
  });
}

export function goalListCsvPath(target: TGoalListTarget): string {
  return exportPath(`/dashboard/goals/${target.goal}/graduates.csv`, { ...listQuery(target) });
}

/** The share done in percent, rounded down to one decimal (so 100 means all done), or null when there is nothing to count yet. */
export function ratePercent(count: TGoalCount): number | null {
  return count.total === 0 ? null : Math.floor((count.done / count.total) * 1000) / 10;
}
