import { AppError, type TDecideSubsidyClaim, type TSessionUser, type TSubsidyClaim } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { loadDecidableClaim } from './claim-views.js';
import { getClaim } from './list-claims.js';

/** Approves an eligible claim, or rejects any undecided one with a reason. */
export async function decideClaim(ctx: AppContext, { actor, id, input, meta }: { actor: TSessionUser; id: string; input: TDecideSubsidyClaim; meta: RequestMeta }): Promise<TSubsidyClaim> {
  const claim = await loadDecidableClaim(ctx, actor, id);
  const isApproval = input.decision === 'approve';
  if (isApproval && claim.status !== 'eligible') throw AppError.conflict('Only a claim checked as eligible can be approved');
  if (!isApproval && !['submitted', 'eligible', 'ineligible'].includes(claim.status)) throw AppError.conflict(`A claim that is ${claim.status} cannot be rejected`);
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('subsidy_claims')
      .set({ status: isApproval ? 'approved' : 'rejected', decided_by: actor.id, decided_at: now, reason: input.reason ?? null, ...(isApproval ? { approved_at: now } : {}) })
      .where('id', '=', id)
      .where('status', '=', claim.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw AppError.conflict('The claim changed meanwhile; reload it');
    await appendAudit(trx, { actorId: actor.id, action: isApproval ? 'subsidy.approved' : 'subsidy.rejected', entityType: 'subsidy_claim', entityId: id, detail: { reason: input.reason ?? null }, ip: meta.ip });
  });
  return getClaim(ctx, actor, id);
}
