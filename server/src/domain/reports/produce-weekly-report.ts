import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { TReportGroup } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { WeeklyReportRowsTable } from '../../db/schema.js';
import { contactedGraduates, employedGraduates, registeredGraduates, servedGraduates, subsidiesPaid } from './report-metrics.js';
import { reportWeekAt, reportWeekOf } from './report-week.js';

type Figures = Pick<WeeklyReportRowsTable, 'registered' | 'contacted' | 'served' | 'employed' | 'subsidies_paid' | 'subsidies_paid_yuan'>;
type Scope = Pick<WeeklyReportRowsTable, 'scope' | 'scope_id' | 'scope_name'>;

const GROUPS: TReportGroup[] = ['all', 'local', 'low_income'];
const empty = (): Figures => ({ registered: 0, contacted: 0, served: 0, employed: 0, subsidies_paid: 0, subsidies_paid_yuan: 0 });

/**
 * Produces the report for a week (by default the last full week before now) and stores it with its
 * figures as rows: per town, per region and for the district, each for all graduates, local ones and
 * low-income ones. A week has one report: producing it again keeps the first and returns its id.
 */
export async function produceWeeklyReport(ctx: AppContext, options: { weekStart?: string } = {}): Promise<{ id: string; isNew: boolean; weekStart: string }> {
  const week = options.weekStart ? reportWeekOf(options.weekStart) : reportWeekAt(ctx.clock());
  const existing = await ctx.db.selectFrom('weekly_reports').select('id').where('week_start', '=', week.weekStart).executeTakeFirst();
  if (existing) return { id: existing.id, isNew: false, weekStart: week.weekStart };

  const [graduates, contacted, served, employed, paid, towns, regions] = await Promise.all([
    registeredGraduates(ctx.db, week.cutoff, ctx.fieldCrypto),
    contactedGraduates(ctx.db, week.cutoff),
    servedGraduates(ctx.db, week.cutoff),
    employedGraduates(ctx.db),
    subsidiesPaid(ctx.db, week.cutoff),
    ctx.db.selectFrom('towns').select(['id', 'name', 'region_id']).orderBy('name').execute(),
    ctx.db.selectFrom('regions').select(['id', 'name']).orderBy('code').execute(),
  ]);
  const rows = new Map<string, Scope & { group: TReportGroup; figures: Figures }>();
  const scopes: Scope[] = [
    ...towns.map((t) => ({ scope: 'town' as const, scope_id: t.id, scope_name: t.name })),
    ...regions.map((r) => ({ scope: 'region' as const, scope_id: r.id, scope_name: r.name })),
    { scope: 'district', scope_id: null, scope_name: '全区 District' },
  ];
  for (const s of scopes) for (const group of GROUPS) rows.set(`${s.scope}:${s.scope_id ?? ''}:${group}`, { ...s, group, figures: empty() });
  const regionOf = new Map(towns.map((t) => [t.id, t.region_id]));
  for (const g of graduates) {
    const groups = GROUPS.filter((group) => group === 'all' || (group === 'local' ? g.isLocal : g.isLowIncome));
    const keys = [g.townId ? `town:${g.townId}` : undefined, g.townId && regionOf.get(g.townId) ? `region:${regionOf.get(g.townId)}` : undefined, 'district:'].filter((k) => k !== undefined);
    const money = paid.get(g.id);
    for (const key of keys) {
      for (const group of groups) {
        const f = rows.get(`${key}:${group}`)?.figures;
        if (!f) continue;
        f.registered += 1;
        if (contacted.has(g.id)) f.contacted += 1;
        if (served.has(g.id)) f.served += 1;
        if (employed.has(g.id)) f.employed += 1;
        f.subsidies_paid += money?.count ?? 0;
        f.subsidies_paid_yuan += money?.yuan ?? 0;
      }
    }
  }
  const id = randomUUID();
  const stored = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('weekly_reports')
      .values({ id, week_start: week.weekStart, generated_at: ctx.clock() })
      .onConflict((oc) => oc.column('week_start').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return false; // another node stored this week's report meanwhile
    const values: Insertable<WeeklyReportRowsTable>[] = [...rows.values()].map((r) => ({ report_id: id, scope: r.scope, scope_id: r.scope_id, scope_name: r.scope_name, group: r.group, ...r.figures }));
    for (let i = 0; i < values.length; i += 500) await trx.insertInto('weekly_report_rows').values(values.slice(i, i + 500)).execute();
    return true;
  });
  if (!stored) {
    const winner = await ctx.db.selectFrom('weekly_reports').select('id').where('week_start', '=', week.weekStart).executeTakeFirstOrThrow();
    return { id: winner.id, isNew: false, weekStart: week.weekStart };
  }
  ctx.logger.info({ reportId: id, weekStart: week.weekStart }, 'weekly report stored');
  return { id, isNew: true, weekStart: week.weekStart };
}
