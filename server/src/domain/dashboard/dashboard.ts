import { sql } from 'kysely';
import {
  AppError,
  CENSUS_FIELDS,
  CENSUS_FIELD_LABELS,
  type TAreaGoals,
  type TBalance,
  type TCsvTable,
  type TDashboard,
  type TGoal,
  type TGoalListItem,
  type TGoalListQuery,
  type TSessionUser,
} from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { isStaff, policy, townScope } from '../../policy.js';
import { MISSING_SQL } from '../registry/census-fields.js';
import { logHardshipRead } from '../registry/hardship.js';
import { districtToday } from '../jobs/load-job.js';
import { GOAL_SQL, IS_FILE, goalCountsByTown, groupCondition, sumCounts, type TownCounts } from './goal-counts.js';

interface TownInfo {
  id: string;
  name: string;
  region_id: string | null;
  is_dev_zone: boolean;
}

/** The towns the viewer covers (all for district staff), with their regions; office staff only. */
async function viewerTowns(ctx: AppContext, actor: TSessionUser): Promise<{ scope: string[] | null; towns: TownInfo[]; regions: { id: string; name: string }[] }> {
  if (!isStaff(actor)) throw AppError.forbidden('The dashboard is for the district and town offices');
  const scope = townScope(actor);
  let q = ctx.db.selectFrom('towns').select(['id', 'name', 'region_id', 'is_dev_zone']).orderBy('name');
  if (scope !== null) q = scope.length ? q.where('id', 'in', scope) : q.where(sql<boolean>`false`);
  const towns = await q.execute();
  const regionIds = [...new Set(towns.map((t) => t.region_id).filter((id): id is string => id !== null))];
  const regions = regionIds.length ? await ctx.db.selectFrom('regions').select(['id', 'name']).where('id', 'in', regionIds).orderBy('code').execute() : [];
  return { scope, towns, regions };
}

function area(id: string | null, name: string, counts: TownCounts[], showLowIncome: boolean): TAreaGoals {
  return {
    id,
    name,
    registered: counts.reduce((s, c) => s + c.registered, 0),
    all: sumCounts(counts.map((c) => c.groups.all)),
    local: sumCounts(counts.map((c) => c.groups.local)),
    ...(showLowIncome ? { lowIncome: sumCounts(counts.map((c) => c.groups.low_income)) } : {}),
  };
}

/**
 * The four goals for what the viewer covers, each region in it and each town in it. Files with no
 * town count in the district's figures only. The low-income group's counts show to office staff;
 * the lists behind them name people, so only roles allowed to see hardship open them.
 */
export async function getDashboard(ctx: AppContext, actor: TSessionUser): Promise<TDashboard> {
  const { scope, towns, regions } = await viewerTowns(ctx, actor);
  const counts = await goalCountsByTown(ctx, scope);
  const byTown = new Map(counts.map((c) => [c.townId, c]));
  const showLowIncome = policy.canSeeHardshipCounts(actor);
  const of = (townIds: string[]) => townIds.map((id) => byTown.get(id)).filter((c): c is TownCounts => c !== undefined);
  return {
    scope: area(null, scope === null ? '全区 District' : '我负责的镇 My towns', counts, showLowIncome),
    regions: regions.map((r) => {
      const townIds = towns.filter((t) => t.region_id === r.id).map((t) => t.id);
      return { ...area(r.id, r.name, of(townIds), showLowIncome), townIds };
    }),
    towns: towns.map((t) => ({ ...area(t.id, t.name, of([t.id]), showLowIncome), regionId: t.region_id, isDevZone: t.is_dev_zone })),
    lowIncomeListable: policy.canSeeHardship(actor),
    generatedAt: ctx.clock().toISOString(),
  };
}

const STATUS_TEXT: Record<string, string> = { unemployed: '未就业', employed: '已就业', further_study: '升学', not_seeking: '暂不就业' };
const KIND_TEXT: Record<string, string> = { hiring: '吸纳就业补贴', job_search: '求职补贴', internship: '见习补贴' };

/**
 * The list behind one number: the files (or, for subsidies, the approved claims) that count
 * towards the goal ('done') or keep it from 100% ('pending'), in the viewer's towns, optionally one
 * town or region and one priority group. A low-income list names people with hardship status:
 * only roles allowed to see it open one, and the read is logged.
 */
export async function listGoal(ctx: AppContext, actor: TSessionUser, goal: TGoal, query: TGoalListQuery, meta: RequestMeta): Promise<TGoalListItem[]> {
  const items = await goalItems(ctx, actor, goal, query);
  if (query.group === 'low_income') await logHardshipRead(ctx, actor, [...new Set(items.map((i) => i.graduateId))], meta);
  return items;
}

async function goalItems(ctx: AppContext, actor: TSessionUser, goal: TGoal, query: TGoalListQuery): Promise<TGoalListItem[]> {
  const { towns } = await viewerTowns(ctx, actor);
  if (query.group === 'low_income' && !policy.canSeeHardship(actor)) throw AppError.forbidden('困难家庭名单仅限个案员查看 / Low-income lists are for caseworkers and admins only');
  let townIds = towns.map((t) => t.id);
  if (query.townId) {
    if (!townIds.includes(query.townId)) throw AppError.notFound('Town');
    townIds = [query.townId];
  } else if (query.regionId) {
    townIds = towns.filter((t) => t.region_id === query.regionId).map((t) => t.id);
    if (townIds.length === 0) throw AppError.notFound('Region');
  }
  const district = townScope(actor) === null && !query.townId && !query.regionId;
  // District staff see files without a town too; everyone else only their towns' files.
  const inTowns = district ? sql<boolean>`true` : townIds.length ? sql<boolean>`graduate_profiles.hukou_town_id in (${sql.join(townIds)})` : sql<boolean>`false`;
  const pending = query.state === 'pending';
  const base = ctx.db
    .selectFrom('graduate_profiles')
    .leftJoin('towns', 'towns.id', 'graduate_profiles.hukou_town_id')
    .where(IS_FILE)
    .where(inTowns)
    .where(await groupCondition(ctx, query.group, district ? null : townIds))
    .orderBy('towns.name')
    .orderBy('graduate_profiles.name')
    .limit(5000);
  if (goal === 'subsidies') {
    const rows = await base
      .innerJoin('subsidy_claims as c', 'c.graduate_id', 'graduate_profiles.id')
      .where('c.approved_at', 'is not', null)
      .where(pending ? sql<boolean>`c.status <> 'paid'` : sql<boolean>`c.status = 'paid'`)
      .select(['graduate_profiles.id', 'graduate_profiles.name', 'towns.name as town_name', 'graduate_profiles.employment_status', 'c.kind', 'c.amount_yuan', 'c.approved_at'])
      .execute();
    const now = ctx.clock().getTime();
    return rows.map((r) => ({
      graduateId: r.id,
      name: r.name,
      townName: r.town_name,
      employmentStatus: STATUS_TEXT[r.employment_status] ?? r.employment_status,
      detail: `${KIND_TEXT[r.kind] ?? r.kind} ¥${r.amount_yuan}${pending ? `，已批准 ${Math.floor((now - r.approved_at!.getTime()) / 86_400_000)} 天未支付` : ''}`,
    }));
  }
  const condition = {
    census: pending ? sql<boolean>`not ${GOAL_SQL.censusClear}` : GOAL_SQL.censusClear,
    services: pending ? sql<boolean>`${GOAL_SQL.unemployed} and not ${GOAL_SQL.served}` : sql<boolean>`${GOAL_SQL.unemployed} and ${GOAL_SQL.served}`,
    employment: pending ? GOAL_SQL.unemployed : GOAL_SQL.employed,
  }[goal];
  const missing = CENSUS_FIELDS.map((f) => sql<boolean>`${MISSING_SQL[f]}`.as(`missing_${f}`));
  const rows = await base
    .where(condition)
    .select(['graduate_profiles.id', 'graduate_profiles.name', 'towns.name as town_name', 'graduate_profiles.employment_status', ...missing])
    .execute();
  return rows.map((r) => {
    const row = r as typeof r & Record<string, unknown>;
    const gaps = CENSUS_FIELDS.filter((f) => row[`missing_${f}`] === true).map((f) => CENSUS_FIELD_LABELS[f].zh);
    return {
      graduateId: r.id,
      name: r.name,
      townName: r.town_name,
      employmentStatus: STATUS_TEXT[r.employment_status] ?? r.employment_status,
      detail: goal === 'census' ? (gaps.length ? `缺：${gaps.join('、')}` : '完整') : goal === 'services' ? (pending ? '尚未提供服务' : '已服务') : '',
    };
  });
}

const GOAL_TEXT: Record<TGoal, string> = { census: '摸排', services: '服务', subsidies: '补贴', employment: '就业' };

export async function exportGoal(ctx: AppContext, actor: TSessionUser, goal: TGoal, query: TGoalListQuery, meta: RequestMeta): Promise<TCsvTable> {
  const items = await listGoal(ctx, actor, goal, query, meta);
  return {
    filename: `${goal}-${query.state}.csv`,
    columns: ['姓名 Name', '镇 Town', '就业状态 Status', `${GOAL_TEXT[goal]} Detail`],
    rows: items.map((i) => [i.name, i.townName, i.employmentStatus, i.detail]),
  };
}

/**
 * The "1+5" view: open jobs (published, deadline not passed) and their positions against graduates
 * looking for work, per town and per region. The development zone stands on its own row: its jobs
 * are paired with every town.
 */
export async function getBalance(ctx: AppContext, actor: TSessionUser): Promise<TBalance> {
  const { scope, towns, regions } = await viewerTowns(ctx, actor);
  const today = districtToday(ctx.clock());
  const townIds = towns.map((t) => t.id);
  const devZones = scope === null ? [] : await ctx.db.selectFrom('towns').select(['id', 'name', 'region_id', 'is_dev_zone']).where('is_dev_zone', '=', true).execute();
  const all = [...towns, ...devZones.filter((d) => !townIds.includes(d.id))];
  const ids = all.map((t) => t.id);
  if (ids.length === 0) return { rows: [] };
  const [jobs, seeking] = await Promise.all([
    ctx.db
      .selectFrom('jobs')
      .select(['town_id', sql<number>`count(*)::int`.as('jobs'), sql<number>`coalesce(sum(headcount), 0)::int`.as('positions')])
      .where('status', '=', 'published')
      .where('deadline', '>=', today)
      .where('town_id', 'in', ids)
      .groupBy('town_id')
      .execute(),
    ctx.db
      .selectFrom('graduate_profiles')
      .select(['hukou_town_id', sql<number>`count(*)::int`.as('n')])
      .where(IS_FILE)
      .where(GOAL_SQL.unemployed)
      .where('hukou_town_id', 'in', ids)
      .groupBy('hukou_town_id')
      .execute(),
  ]);
  const jobsOf = new Map(jobs.map((j) => [j.town_id, j]));
  const seekingOf = new Map(seeking.map((s) => [s.hukou_town_id, Number(s.n)]));
  const townRows = all.map((t) => ({
    id: t.id,
    name: t.name,
    kind: 'town' as const,
    regionId: t.region_id,
    isDevZone: t.is_dev_zone,
    openJobs: Number(jobsOf.get(t.id)?.jobs ?? 0),
    openPositions: Number(jobsOf.get(t.id)?.positions ?? 0),
    seekingGraduates: seekingOf.get(t.id) ?? 0,
  }));
  const regionRows = regions.map((r) => {
    const inRegion = townRows.filter((t) => t.regionId === r.id);
    return {
      id: r.id,
      name: r.name,
      kind: 'region' as const,
      regionId: r.id,
      isDevZone: false,
      openJobs: inRegion.reduce((s, t) => s + t.openJobs, 0),
      openPositions: inRegion.reduce((s, t) => s + t.openPositions, 0),
      seekingGraduates: inRegion.reduce((s, t) => s + t.seekingGraduates, 0),
    };
  });
  return { rows: [...regionRows, ...townRows] };
}
