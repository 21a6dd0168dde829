import { AppError, type TBooth, type TReviewBooth, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { updateBooth } from '../../db/repositories/booths.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { loadReadableBooth, reloadBooth } from './get-booth.js';
import { bumpStaffAccessGeneration } from '../live-fair/queue-store.js';

export interface ReviewBoothOptions {
  actor: TSessionUser;
  id: string;
  input: TReviewBooth;
  meta: RequestMeta;
}

/** The fair's organisers approve or reject a booth application (and may revisit the decision until the fair ends). */
export async function reviewBooth(ctx: AppContext, { actor, id, input, meta }: ReviewBoothOptions): Promise<TBooth> {
  const { booth, fair, hosts } = await loadReadableBooth(ctx, actor, id);
  if (!policy.canReviewBooth(actor, fair, hosts)) throw AppError.forbidden("Only this fair's organisers may review its booths");
  if (fair.status === 'ended') throw AppError.conflict('This fair has ended');
  await ctx.db.transaction().execute(async (trx) => {
    await updateBooth(trx, id, { status: input.decision, review_reason: input.reason ?? null });
    await appendAudit(trx, {
      actorId: actor.id,
      action: input.decision === 'approved' ? 'booth.approved' : 'booth.rejected',
      entityType: 'booth',
      entityId: id,
      detail: { from: booth.status, to: input.decision, fairId: fair.id },
      ip: meta.ip,
    });
  });
  // Booth access cached by the live fair is read afresh from here on, on every node.
  await bumpStaffAccessGeneration(ctx);
  return reloadBooth(ctx, id);
}
