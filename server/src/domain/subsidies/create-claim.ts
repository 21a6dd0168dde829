import { randomUUID } from 'node:crypto';
import { AppError, type TCreateSubsidyClaim, type TSessionUser, type TSubsidyClaim } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { appendAudit } from '../../db/repositories/audit.js';
import type { Insertable } from 'kysely';
import type { SubsidyClaimsTable } from '../../db/schema.js';
import { policy } from '../../policy.js';
import { districtToday } from '../jobs/load-job.js';
import { findOfferView } from '../offers/offer-views.js';
import { getClaim } from './list-claims.js';
import { rateInEffect } from './subsidy-rates.js';

export interface CreateClaimOptions {
  actor: TSessionUser;
  input: TCreateSubsidyClaim;
  meta: RequestMeta;
}

type ClaimFields = Omit<Insertable<SubsidyClaimsTable>, 'id' | 'kind' | 'amount_yuan' | 'claimed_by'>;

/** The SHA-256 of an offer's sealed document, the contract a hiring subsidy is tied to. */
export async function sealedContractHash(ctx: AppContext, offerId: string): Promise<string | undefined> {
  const row = await ctx.db.selectFrom('offer_versions').select('sha256').where('offer_id', '=', offerId).where('kind', '=', 'sealed').orderBy('version', 'desc').executeTakeFirst();
  return row?.sha256;
}

/** Hiring: filled in from the employer's own countersigned offer, and tied to its sealed document. */
async function hiringFields(ctx: AppContext, actor: TSessionUser, offerId: string): Promise<ClaimFields> {
  const offer = await findOfferView(ctx.db, offerId);
  if (!offer || offer.organisation_id !== actor.organisationId) throw AppError.notFound('Offer');
  const sha256 = await sealedContractHash(ctx, offer.id);
  if (offer.status !== 'completed' || !sha256) throw AppError.conflict('A hiring subsidy needs an offer countersigned by both sides');
  const graduate = await ctx.db.selectFrom('applications').select('graduate_id').where('id', '=', offer.application_id).executeTakeFirstOrThrow();
  return { graduate_id: graduate.graduate_id, organisation_id: offer.organisation_id, offer_id: offer.id, contract_sha256: sha256, position: offer.position, start_date: offer.start_date };
}

/** Job search: the graduate's own file, or a file of the caseworker's towns. */
async function jobSearchFields(ctx: AppContext, actor: TSessionUser, graduateId: string | undefined): Promise<ClaimFields> {
  const file =
    actor.role === 'graduate'
      ? await ctx.db.selectFrom('graduate_profiles').selectAll().where('user_id', '=', actor.id).executeTakeFirst()
      : graduateId
        ? await ctx.db.selectFrom('graduate_profiles').selectAll().where('id', '=', graduateId).executeTakeFirst()
        : undefined;
  if (actor.role !== 'graduate' && !graduateId) throw new AppError('validation_failed', 'Name the graduate the claim is for', { details: [{ path: 'body.graduateId', message: 'Required' }] });
  if (!file || !policy.canReadGraduate(actor, file)) throw AppError.notFound('Graduate');
  if (actor.role !== 'graduate' && !policy.canEditGraduate(actor, file)) throw AppError.forbidden('Only the caseworker of the graduate\'s town claims for them');
  return { graduate_id: file.id, organisation_id: null, offer_id: null, contract_sha256: null, position: null, start_date: null };
}

/** Internship: the host employer, for a graduate who applied to one of its jobs. */
async function internshipFields(ctx: AppContext, actor: TSessionUser, input: { graduateId: string; position: string; startDate: string }): Promise<ClaimFields> {
  const applied = await ctx.db
    .selectFrom('applications as a')
    .innerJoin('jobs as j', 'j.id', 'a.job_id')
    .select('a.id')
    .where('a.graduate_id', '=', input.graduateId)
    .where('j.organisation_id', '=', actor.organisationId ?? '')
    .executeTakeFirst();
  if (!applied) throw AppError.notFound('Graduate');
  return { graduate_id: input.graduateId, organisation_id: actor.organisationId, offer_id: null, contract_sha256: null, position: input.position, start_date: input.startDate };
}

/**
 * A claim is made once per kind, graduate and employer or contract; a second is refused with 409.
 * Its amount is the kind's rate in effect on its date (Asia/Shanghai), kept on the claim: a later rate never changes it.
 */
export async function createClaim(ctx: AppContext, { actor, input, meta }: CreateClaimOptions): Promise<TSubsidyClaim> {
  if (!policy.canClaimSubsidy(actor, input.kind)) throw AppError.forbidden('You may not claim this subsidy');
  const fields =
    input.kind === 'hiring'
      ? await hiringFields(ctx, actor, input.offerId)
      : input.kind === 'job_search'
        ? await jobSearchFields(ctx, actor, input.graduateId)
        : await internshipFields(ctx, actor, input);
  const id = randomUUID();
  const now = ctx.clock();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const rate = await rateInEffect(trx, input.kind, districtToday(now));
      if (!rate) throw AppError.conflict('No amount is set for this subsidy yet');
      await trx.insertInto('subsidy_claims').values({ id, kind: input.kind, amount_yuan: rate.amount_yuan, claimed_by: actor.id, created_at: now, ...fields }).execute();
      await appendAudit(trx, {
        actorId: actor.id,
        action: 'subsidy.claimed',
        entityType: 'subsidy_claim',
        entityId: id,
        detail: { kind: input.kind, graduateId: fields.graduate_id, contractSha256: fields.contract_sha256 ?? null, amountYuan: rate.amount_yuan },
        ip: meta.ip,
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw AppError.conflict('This subsidy has already been claimed for this graduate and employer');
    throw error;
  }
  return getClaim(ctx, actor, id);
}

