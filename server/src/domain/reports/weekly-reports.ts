import { sql } from 'kysely';
import { AppError, type TCsvTable, type TReportFigures, type TSessionUser, type TWeeklyReport, type TWeeklyReportSummary } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { WeeklyReportRowsTable } from '../../db/schema.js';
import { policy } from '../../policy.js';

function assertCanRead(actor: TSessionUser): void {
  if (!policy.canReadWeeklyReports(actor)) throw AppError.notFound('Weekly report');
}

const summaries = (ctx: AppContext) =>
  ctx.db.selectFrom('weekly_reports').select(['id', sql<string>`to_char(week_start, 'YYYY-MM-DD')`.as('week_start'), 'generated_at']);

const toSummary = (r: { id: string; week_start: string; generated_at: Date }): TWeeklyReportSummary => ({ id: r.id, weekStart: r.week_start, generatedAt: r.generated_at.toISOString() });

export async function listWeeklyReports(ctx: AppContext, actor: TSessionUser): Promise<TWeeklyReportSummary[]> {
  assertCanRead(actor);
  return (await summaries(ctx).orderBy('week_start', 'desc').limit(520).execute()).map(toSummary);
}

const toFigures = (r: WeeklyReportRowsTable): TReportFigures => ({
  registered: r.registered,
  contacted: r.contacted,
  served: r.served,
  employed: r.employed,
  subsidiesPaid: r.subsidies_paid,
  subsidiesPaidYuan: r.subsidies_paid_yuan,
});

const rowKey = (r: Pick<WeeklyReportRowsTable, 'scope' | 'scope_id' | 'group'>) => `${r.scope}:${r.scope_id ?? ''}:${r.group}`;
const SCOPE_ORDER = { district: 0, region: 1, town: 2 } as const;
const GROUP_ORDER = { all: 0, local: 1, low_income: 2 } as const;

/** One report with every row's change against the previous stored report (the latest earlier week). */
export async function getWeeklyReport(ctx: AppContext, actor: TSessionUser, id: string): Promise<TWeeklyReport> {
  assertCanRead(actor);
  const report = await summaries(ctx).where('id', '=', id).executeTakeFirst();
  if (!report) throw AppError.notFound('Weekly report');
  const previous = await summaries(ctx).where('week_start', '<', report.week_start).orderBy('week_start', 'desc').executeTakeFirst();
  const [rows, previousRows] = await Promise.all([
    ctx.db.selectFrom('weekly_report_rows').selectAll().where('report_id', '=', id).execute(),
    previous ? ctx.db.selectFrom('weekly_report_rows').selectAll().where('report_id', '=', previous.id).execute() : Promise.resolve([]),
  ]);
  const before = new Map(previousRows.map((r) => [rowKey(r), toFigures(r)]));
  rows.sort((a, b) => SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] || a.scope_name.localeCompare(b.scope_name, 'zh-CN') || GROUP_ORDER[a.group] - GROUP_ORDER[b.group]);
  return {
    ...toSummary(report),
    previousWeekStart: previous?.week_start ?? null,
    rows: rows.map((r) => {
      const figures = toFigures(r);
      const prior = before.get(rowKey(r));
      const change = prior ? (Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, v - prior[k as keyof TReportFigures]])) as TReportFigures) : null;
      return { scope: r.scope, scopeId: r.scope_id, scopeName: r.scope_name, group: r.group, figures, change };
    }),
  };
}

export async function exportWeeklyReports(ctx: AppContext, actor: TSessionUser): Promise<TCsvTable> {
  const items = await listWeeklyReports(ctx, actor);
  return { filename: 'weekly-reports.csv', columns: ['周起始 Week starting', '生成时间 Generated at'], rows: items.map((r) => [r.weekStart, r.generatedAt]) };
}
