import { sql } from 'kysely';
import { AppError, type TCsvTable, type TSessionUser, type TWorkload } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { policy, townScope } from '../../policy.js';
import { noContactCutoff, noContactSinceSql } from './case-scope.js';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** Monday of this week and the first of this month in Asia/Shanghai (no daylight saving), as dates and instants. */
export function workloadPeriods(now: Date): { weekStart: string; monthStart: string; weekFrom: Date; monthFrom: Date } {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const dayIndex = (local.getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - dayIndex * DAY_MS);
  const first = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1));
  return {
    weekStart: monday.toISOString().slice(0, 10),
    monthStart: first.toISOString().slice(0, 10),
    weekFrom: new Date(monday.getTime() - SHANGHAI_OFFSET_MS),
    monthFrom: new Date(first.getTime() - SHANGHAI_OFFSET_MS),
  };
}

/**
 * Per caseworker in the organiser's scope: caseload (graduates of their towns), services they
 * recorded this week and month (by service date), notes they wrote and items they crossed off this
 * month, and unemployed graduates of their towns with no contact in 14 days.
 */
export async function caseworkerWorkload(ctx: AppContext, actor: TSessionUser): Promise<TWorkload> {
  if (!policy.canViewWorkload(actor)) throw AppError.notFound('Route');
  const now = ctx.clock();
  const p = workloadPeriods(now);
  const cutoff = noContactCutoff(now);
  const scope = townScope(actor);
  let q = ctx.db
    .selectFrom('users as u')
    .where('u.role', '=', 'caseworker')
    .where('u.is_disabled', '=', false)
    .select([
      'u.id',
      'u.name',
      sql<string[]>`coalesce((select array_agg(t.name order by t.name) from caseworker_towns ct join towns t on t.id = ct.town_id where ct.user_id = u.id), '{}')`.as('town_names'),
      sql<number>`(select count(*)::int from graduate_profiles g where g.hukou_town_id in (select town_id from caseworker_towns where user_id = u.id))`.as('caseload'),
      sql<number>`(select count(*)::int from case_services s where s.caseworker_id = u.id and s.served_on >= ${p.weekStart}::date)`.as('services_week'),
      sql<number>`(select count(*)::int from case_services s where s.caseworker_id = u.id and s.served_on >= ${p.monthStart}::date)`.as('services_month'),
      sql<number>`(select count(*)::int from case_notes n where n.author_id = u.id and n.at >= ${p.monthFrom.toISOString()}::timestamptz)`.as('notes_month'),
      sql<number>`(select count(*)::int from case_checklist_events e where e.actor_id = u.id and e.action = 'crossed' and e.at >= ${p.monthFrom.toISOString()}::timestamptz)`.as('crossed_month'),
      sql<number>`(select count(*)::int from graduate_profiles g
        where g.hukou_town_id in (select town_id from caseworker_towns where user_id = u.id)
          and g.employment_status = 'unemployed'
          and ${noContactSinceSql('g', cutoff)})`.as('no_contact'),
    ])
    .orderBy('u.name')
    .orderBy('u.id');
  if (scope) {
    q = scope.length
      ? q.where(({ exists, selectFrom }) => exists(selectFrom('caseworker_towns as ct').select('ct.town_id').whereRef('ct.user_id', '=', 'u.id').where('ct.town_id', 'in', scope)))
      : q.where(sql<boolean>`false`);
  }
  const rows = await q.execute();
  return {
    weekStart: p.weekStart,
    monthStart: p.monthStart,
    items: rows.map((r) => ({
      caseworkerId: r.id,
      name: r.name,
      townNames: r.town_names,
      caseload: Number(r.caseload),
      servicesThisWeek: Number(r.services_week),
      servicesThisMonth: Number(r.services_month),
      notesThisMonth: Number(r.notes_month),
      itemsCrossedThisMonth: Number(r.crossed_month),
      noContact14d: Number(r.no_contact),
    })),
  };
}

export async function exportWorkload(ctx: AppContext, actor: TSessionUser): Promise<TCsvTable> {
  const workload = await caseworkerWorkload(ctx, actor);
  return {
    filename: `caseworker-workload-${workload.weekStart}.csv`,
    columns: ['社区工作者 Caseworker', '负责镇街 Towns', '服务对象数 Caseload', '本周服务 Services this week', '本月服务 Services this month', '本月记录 Notes this month', '本月销项 Items crossed this month', '14天未联系 No contact in 14 days'],
    rows: workload.items.map((r) => [r.name, r.townNames.join('、'), r.caseload, r.servicesThisWeek, r.servicesThisMonth, r.notesThisMonth, r.itemsCrossedThisMonth, r.noContact14d]),
  };
}
