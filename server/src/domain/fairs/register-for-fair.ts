import { AppError, type TFair, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { countRegistrations, findFair, insertRegistration, isRegisteredForFair, lockFair } from '../../db/repositories/fairs.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { recordCaseActivity } from '../cases/activity.js';
import { loadReadableFair, presentFair } from './get-fair.js';

export interface RegisterForFairOptions {
  actor: TSessionUser;
  fairId: string;
  meta: RequestMeta;
}

/**
 * A graduate registers for a published or live fair, up to its capacity. Registering again is
 * harmless: the one registration stays. The fair row is locked while counting, so two last
 * places cannot both be taken.
 */
export async function registerForFair(ctx: AppContext, { actor, fairId, meta }: RegisterForFairOptions): Promise<TFair> {
  await loadReadableFair(ctx, actor, fairId);
  if (!policy.canRegisterForFair(actor)) throw AppError.forbidden('Only graduates register for fairs');
  await ctx.db.transaction().execute(async (trx) => {
    const fair = await lockFair(trx, fairId);
    if (!fair) throw AppError.notFound('Fair');
    if (fair.status !== 'published' && fair.status !== 'live') throw AppError.conflict(`Registration is closed: this fair is ${fair.status}`);
    if (await isRegisteredForFair(trx, fairId, actor.id)) return;
    if ((await countRegistrations(trx, fairId)) >= fair.capacity) {
      throw new AppError('conflict', 'This fair is full', { details: { reason: 'full', capacity: fair.capacity } });
    }
    if (await insertRegistration(trx, fairId, actor.id)) {
      await appendAudit(trx, { actorId: actor.id, action: 'fair.registered', entityType: 'fair', entityId: fairId, ip: meta.ip });
      await recordCaseActivity(trx, { graduateUserId: actor.id }, { kind: 'fair_registered', refId: fairId, summary: `报名招聘会 Registered for fair: ${fair.title}`, at: ctx.clock() });
    }
  });
  const updated = await findFair(ctx.db, fairId);
  if (!updated) throw AppError.notFound('Fair');
  return presentFair(ctx, actor, updated);
}
