import { sql } from 'kysely';
import { AppError, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { districtToday } from '../jobs/load-job.js';
import { requireRateSetter } from './schedule-subsidy-rate.js';
import { rateInEffect } from './subsidy-rates.js';

export interface DeleteSubsidyRateOptions {
  actor: TSessionUser;
  id: string;
  meta: RequestMeta;
}

/**
 * Withdraws a scheduled rate. A rate in effect or past is history and stays (a new rate replaces it);
 * so does any rate a claim was made on or after the date of (a claim's date is its day in Asia/Shanghai).
 */
export async function deleteSubsidyRate(ctx: AppContext, { actor, id, meta }: DeleteSubsidyRateOptions): Promise<void> {
  requireRateSetter(actor);
  const today = districtToday(ctx.clock());
  await ctx.db.transaction().execute(async (trx) => {
    const rate = await trx
      .selectFrom('subsidy_rates')
      .select(['id', 'kind', sql<string>`to_char(effective_from, 'YYYY-MM-DD')`.as('effective_from'), 'amount_yuan'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!rate) throw AppError.notFound('Subsidy rate');
    if (rate.effective_from <= today) throw AppError.conflict('Only a rate not yet in effect can be deleted; schedule a new rate to replace this one');
    const used = await trx
      .selectFrom('subsidy_claims')
      .select('id')
      .where('kind', '=', rate.kind)
      .where(sql<string>`(created_at at time zone 'Asia/Shanghai')::date`, '>=', rate.effective_from)
      .limit(1)
      .executeTakeFirst();
    if (used) throw AppError.conflict('A claim has been made at this rate, so it stays');
    await trx.deleteFrom('subsidy_rates').where('id', '=', id).execute();
    const restored = await rateInEffect(trx, rate.kind, rate.effective_from);
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'subsidy_rate.deleted',
      entityType: 'subsidy_rate',
      entityId: id,
      detail: { kind: rate.kind, effectiveFrom: rate.effective_from, oldAmountYuan: rate.amount_yuan, newAmountYuan: restored?.amount_yuan ?? null },
      ip: meta.ip,
    });
  });
}
