import { randomUUID } from 'node:crypto';
import { FOLLOW_UP_MONTHS } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { findOfferView } from '../offers/offer-views.js';

/** How long "a month" is when follow-ups are scheduled: the calendar by default, a fixed span when given (tests). */
export interface FollowUpTiming {
  monthMs?: number;
}

/** When the follow-up `month` months after `from` falls due: the same day of a later calendar month, or `month × monthMs`. */
export function followUpDueAt(from: Date, month: number, timing: FollowUpTiming = {}): Date {
  if (timing.monthMs !== undefined) return new Date(from.getTime() + month * timing.monthMs);
  const due = new Date(from);
  due.setUTCMonth(due.getUTCMonth() + month);
  return due;
}

/**
 * A countersigned offer is a placement: records it once and schedules its follow-ups at 1, 3, 6 and 12
 * months as delayed jobs (ids only). Running it twice records and schedules nothing more.
 */
export async function recordPlacementFromOffer(ctx: AppContext, offerId: string, timing: FollowUpTiming = {}): Promise<string | undefined> {
  const offer = await findOfferView(ctx.db, offerId);
  if (offer?.status !== 'completed') return undefined;
  const graduate = await ctx.db.selectFrom('applications').select('graduate_id').where('id', '=', offer.application_id).executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('placements')
    .values({ id: randomUUID(), graduate_id: graduate.graduate_id, organisation_id: offer.organisation_id, employer_name: offer.organisation_name, position: offer.position, start_date: offer.start_date, offer_id: offer.id, created_at: ctx.clock() })
    .onConflict((oc) => oc.column('offer_id').doNothing())
    .execute();
  const placement = await ctx.db.selectFrom('placements').select(['id', 'created_at']).where('offer_id', '=', offer.id).executeTakeFirstOrThrow();
  await scheduleFollowUps(ctx, placement.id, placement.created_at, timing);
  return placement.id;
}

/** One delayed job per follow-up month, counted from `from`; job ids make a repeat add nothing. */
export async function scheduleFollowUps(ctx: AppContext, placementId: string, from: Date, timing: FollowUpTiming = {}): Promise<void> {
  const now = ctx.clock().getTime();
  for (const month of FOLLOW_UP_MONTHS) {
    await ctx.jobs.scheduleFollowUp({ placementId, month }, Math.max(0, followUpDueAt(from, month, timing).getTime() - now));
  }
}
