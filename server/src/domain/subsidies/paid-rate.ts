import type { TSessionUser, TSubsidyPaidRate } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { isAgeing, scopedClaims } from './claim-views.js';

const rate = (paid: number, approved: number) => (approved === 0 ? null : Math.round((paid / approved) * 1000) / 1000);

/** "100% paid" per town: of the claims ever approved (paid ones included), how many are paid. */
export async function subsidyPaidRate(ctx: AppContext, actor: TSessionUser): Promise<TSubsidyPaidRate> {
  const now = ctx.clock();
  const rows = await scopedClaims(ctx.db, actor).where('c.status', 'in', ['approved', 'paid']).execute();
  const towns = new Map<string, { townId: string | null; townName: string; approved: number; paid: number; ageing: number }>();
  for (const r of rows) {
    const key = r.hukou_town_id ?? '';
    const town = towns.get(key) ?? { townId: r.hukou_town_id, townName: r.town_name ?? '未登记 Not registered', approved: 0, paid: 0, ageing: 0 };
    town.approved += 1;
    if (r.status === 'paid') town.paid += 1;
    if (isAgeing(r, now)) town.ageing += 1;
    towns.set(key, town);
  }
  const list = [...towns.values()].sort((a, b) => a.townName.localeCompare(b.townName, 'zh-CN'));
  const sum = (k: 'approved' | 'paid' | 'ageing') => list.reduce((n, t) => n + t[k], 0);
  return {
    towns: list.map((t) => ({ ...t, rate: rate(t.paid, t.approved) })),
    district: { approved: sum('approved'), paid: sum('paid'), ageing: sum('ageing'), rate: rate(sum('paid'), sum('approved')) },
  };
}
