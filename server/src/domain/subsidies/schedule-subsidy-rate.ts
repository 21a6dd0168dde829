import { randomUUID } from 'node:crypto';
import { AppError, SUBSIDY_RATE_MAX_DAYS_AHEAD, type TCreateSubsidyRate, type TSessionUser, type TSubsidyRate } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { districtToday } from '../jobs/load-job.js';
import { rateInEffect, rateViews, toRates } from './subsidy-rates.js';

const DAY_MS = 86_400_000;

export interface ScheduleSubsidyRateOptions {
  actor: TSessionUser;
  input: TCreateSubsidyRate;
  meta: RequestMeta;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Only district organisers and admins set the district's amounts. */
export function requireRateSetter(actor: TSessionUser): void {
  if (!policy.canSetSubsidyRates(actor)) throw AppError.forbidden('Subsidy rates are set by district organisers and administrators');
}

/**
 * A new amount for one kind from a date: today (claims made from now on take it) or a later day.
 * Claims already made keep their amounts; the audit entry records the amount it replaces on that date.
 */
export async function scheduleSubsidyRate(ctx: AppContext, { actor, input, meta }: ScheduleSubsidyRateOptions): Promise<TSubsidyRate> {
  requireRateSetter(actor);
  const now = ctx.clock();
  const today = districtToday(now);
  const latest = addDays(today, SUBSIDY_RATE_MAX_DAYS_AHEAD);
  if (input.effectiveFrom < today || input.effectiveFrom > latest) {
    const message = `A rate takes effect from today (${today}) up to ${latest}`;
    throw new AppError('validation_failed', message, { details: [{ path: 'body.effectiveFrom', message }] });
  }
  const id = randomUUID();
  const note = input.note || null;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const replaced = await rateInEffect(trx, input.kind, input.effectiveFrom);
      await trx.insertInto('subsidy_rates').values({ id, kind: input.kind, effective_from: input.effectiveFrom, amount_yuan: input.amountYuan, note, set_by: actor.id, set_at: now }).execute();
      await appendAudit(trx, {
        actorId: actor.id,
        action: 'subsidy_rate.set',
        entityType: 'subsidy_rate',
        entityId: id,
        detail: { kind: input.kind, effectiveFrom: input.effectiveFrom, oldAmountYuan: replaced?.amount_yuan ?? null, newAmountYuan: input.amountYuan, note },
        ip: meta.ip,
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw AppError.conflict(`A rate of this kind already takes effect on ${input.effectiveFrom}; delete it first if it is still scheduled`);
    throw error;
  }
  const view = await rateViews(ctx.db).where('r.id', '=', id).executeTakeFirstOrThrow();
  // The new rate is the latest up to its date, so alone it gets its state right.
  return toRates([view], today)[0]!;
}
