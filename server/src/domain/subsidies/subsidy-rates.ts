import { sql, type Kysely } from 'kysely';
import { AppError, type TCsvTable, type TSessionUser, type TSubsidyKind, type TSubsidyRate, type TSubsidyRateList, type TSubsidyRateListQuery } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { policy } from '../../policy.js';
import { districtToday } from '../jobs/load-job.js';
import { shanghaiDateTime } from '../fairs/export-fair-registrations.js';
import { KIND_LABEL } from './list-claims.js';

/** The rate of a kind in effect on a date (Asia/Shanghai): the one with the latest effective date not after it. */
export async function rateInEffect(db: Kysely<Database>, kind: TSubsidyKind, date: string): Promise<{ id: string; amount_yuan: number } | undefined> {
  return db
    .selectFrom('subsidy_rates')
    .select(['id', 'amount_yuan'])
    .where('kind', '=', kind)
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Rates with the name of whoever set them. */
export function rateViews(db: Kysely<Database>) {
  return db
    .selectFrom('subsidy_rates as r')
    .leftJoin('users as u', 'u.id', 'r.set_by')
    .select(['r.id', 'r.kind', sql<string>`to_char(r.effective_from, 'YYYY-MM-DD')`.as('effective_from'), 'r.amount_yuan', 'r.note', 'r.set_by', 'u.name as set_by_name', 'r.set_at']);
}

type RateView = Awaited<ReturnType<ReturnType<typeof rateViews>['executeTakeFirstOrThrow']>>;

/** Each kind's rates from the latest effective date down: after today scheduled, then the current one, then past ones. */
export function toRates(views: RateView[], today: string): TSubsidyRate[] {
  const sorted = [...views].sort((a, b) => b.effective_from.localeCompare(a.effective_from) || a.kind.localeCompare(b.kind));
  const hasCurrent = new Set<TSubsidyKind>();
  return sorted.map((r) => {
    let state: TSubsidyRate['state'] = 'scheduled';
    if (r.effective_from <= today) {
      state = hasCurrent.has(r.kind) ? 'past' : 'current';
      hasCurrent.add(r.kind);
    }
    return {
      id: r.id,
      kind: r.kind,
      effectiveFrom: r.effective_from,
      amountYuan: r.amount_yuan,
      note: r.note,
      setBy: r.set_by !== null ? { id: r.set_by, name: r.set_by_name ?? '' } : null,
      setAt: r.set_at.toISOString(),
      state,
    };
  });
}

function requireReader(actor: TSessionUser): void {
  if (!policy.canReadSubsidyRates(actor)) throw AppError.forbidden('Subsidy rates are the office’s');
}

/** Every rate (of one kind, if asked), latest effective date first, each with its state today. */
export async function listSubsidyRates(ctx: AppContext, actor: TSessionUser, query: TSubsidyRateListQuery): Promise<TSubsidyRateList> {
  requireReader(actor);
  const today = districtToday(ctx.clock());
  let q = rateViews(ctx.db);
  if (query.kind) q = q.where('r.kind', '=', query.kind);
  return { today, items: toRates(await q.execute(), today) };
}

const STATE_LABEL = { scheduled: '待生效 Scheduled', current: '现行 Current', past: '已替换 Replaced' } as const;

/** The rate history as a spreadsheet. */
export async function exportSubsidyRates(ctx: AppContext, actor: TSessionUser, query: TSubsidyRateListQuery): Promise<TCsvTable> {
  const { items } = await listSubsidyRates(ctx, actor, query);
  return {
    filename: 'subsidy-rates.csv',
    columns: ['类型 Kind', '生效日期 Effective from', '金额(元) Amount (CNY)', '状态 State', '设置人 Set by', '设置时间 Set at', '备注 Note'],
    rows: items.map((r) => [KIND_LABEL[r.kind], r.effectiveFrom, r.amountYuan, STATE_LABEL[r.state], r.setBy?.name ?? '平台初始 Platform', shanghaiDateTime(r.setAt), r.note]),
  };
}
