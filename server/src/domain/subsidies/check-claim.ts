import { AppError, type TSessionUser, type TSubsidyClaim } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { loadDecidableClaim, type ClaimView } from './claim-views.js';
import { sealedContractHash } from './create-claim.js';
import { getClaim } from './list-claims.js';

/** Why a claim is not eligible; empty when it is. */
export async function eligibilityReasons(ctx: AppContext, claim: ClaimView): Promise<string[]> {
  const reasons: string[] = [];
  const file = await ctx.db.selectFrom('graduate_profiles').select(['hukou_town_id', 'employment_status']).where('id', '=', claim.graduate_id).executeTakeFirstOrThrow();
  if (claim.kind === 'hiring') {
    const offer = claim.offer_id ? await ctx.db.selectFrom('offers').select('status').where('id', '=', claim.offer_id).executeTakeFirst() : undefined;
    const sha256 = claim.offer_id ? await sealedContractHash(ctx, claim.offer_id) : undefined;
    if (offer?.status !== 'completed' || !sha256) reasons.push('录用通知未经双方签署 The offer is not countersigned by both sides');
    else if (sha256 !== claim.contract_sha256) reasons.push('合同哈希不一致 The contract hash does not match the sealed offer');
    const followUp = claim.offer_id
      ? await ctx.db
          .selectFrom('followups as f')
          .innerJoin('placements as p', 'p.id', 'f.placement_id')
          .select(['f.status', 'f.graduate_answer', 'f.employer_answer'])
          .where('p.offer_id', '=', claim.offer_id)
          .where('f.month', '=', 1)
          .executeTakeFirst()
      : undefined;
    if (followUp?.status !== 'confirmed' || !followUp.graduate_answer?.stillEmployed) reasons.push('1个月回访未经双方确认在岗 The 1-month follow-up is not confirmed by both sides');
  } else if (claim.kind === 'job_search') {
    if (file.hukou_town_id === null) reasons.push('非本区户籍 The graduate is not registered in the district');
    if (file.employment_status === 'further_study' || file.employment_status === 'not_seeking') reasons.push('毕业生未在求职 The graduate is not looking for work');
  } else if (file.hukou_town_id === null) {
    reasons.push('非本区户籍 The graduate is not registered in the district');
  }
  return reasons;
}

/** The office checks a submitted (or rechecks an ineligible) claim: eligible or ineligible, with the reasons. */
export async function checkClaim(ctx: AppContext, { actor, id, meta }: { actor: TSessionUser; id: string; meta: RequestMeta }): Promise<TSubsidyClaim> {
  const claim = await loadDecidableClaim(ctx, actor, id);
  if (!['submitted', 'ineligible', 'eligible'].includes(claim.status)) throw AppError.conflict(`A claim that is ${claim.status} is not checked again`);
  const reasons = await eligibilityReasons(ctx, claim);
  const isEligible = reasons.length === 0;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('subsidy_claims')
      .set({ status: isEligible ? 'eligible' : 'ineligible', eligibility: JSON.stringify({ isEligible, reasons }), checked_at: ctx.clock() })
      .where('id', '=', id)
      .where('status', '=', claim.status)
      .execute();
    await appendAudit(trx, { actorId: actor.id, action: 'subsidy.checked', entityType: 'subsidy_claim', entityId: id, detail: { isEligible, reasons }, ip: meta.ip });
  });
  return getClaim(ctx, actor, id);
}
