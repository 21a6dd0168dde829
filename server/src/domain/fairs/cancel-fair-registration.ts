import { AppError, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { deleteRegistration } from '../../db/repositories/fairs.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { loadReadableFair } from './get-fair.js';

export interface CancelFairRegistrationOptions {
  actor: TSessionUser;
  fairId: string;
  meta: RequestMeta;
}

/** A graduate withdraws from a published or live fair; withdrawing when not registered changes nothing. */
export async function cancelFairRegistration(ctx: AppContext, { actor, fairId, meta }: CancelFairRegistrationOptions): Promise<void> {
  const { fair } = await loadReadableFair(ctx, actor, fairId);
  if (!policy.canRegisterForFair(actor)) throw AppError.forbidden('Only graduates register for fairs');
  if (fair.status !== 'published' && fair.status !== 'live') throw AppError.conflict(`This fair is ${fair.status}; its registrations are final`);
  await ctx.db.transaction().execute(async (trx) => {
    if (await deleteRegistration(trx, fairId, actor.id)) {
      await appendAudit(trx, { actorId: actor.id, action: 'fair.registration_cancelled', entityType: 'fair', entityId: fairId, ip: meta.ip });
    }
  });
}
