import { sql, type Kysely } from 'kysely';
import { AppError, OFFER_OTP_MAX_FAILURES, type TOffer, type TOfferDetail, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { Database, OfferRow } from '../../db/schema.js';
import { policy } from '../../policy.js';

/** An offer with the names every view shows and who its parties are. */
export interface OfferView extends Omit<OfferRow, 'start_date'> {
  start_date: string;
  job_id: string;
  job_title: string;
  organisation_name: string;
  graduate_name: string;
  graduate_user_id: string | null;
  graduate_town_id: string | null;
  application_status: string;
}

export function offerViews(db: Kysely<Database>) {
  return db
    .selectFrom('offers as f')
    .innerJoin('applications as a', 'a.id', 'f.application_id')
    .innerJoin('jobs as j', 'j.id', 'a.job_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .innerJoin('graduate_profiles as g', 'g.id', 'a.graduate_id')
    .selectAll('f')
    .select([
      sql<string>`to_char(f.start_date, 'YYYY-MM-DD')`.as('start_date'),
      'j.id as job_id',
      'j.title as job_title',
      'o.name as organisation_name',
      'g.name as graduate_name',
      'g.user_id as graduate_user_id',
      'g.hukou_town_id as graduate_town_id',
      'a.status as application_status',
    ]);
}

export async function findOfferView(db: Kysely<Database>, id: string): Promise<OfferView | undefined> {
  return (await offerViews(db).where('f.id', '=', id).executeTakeFirst()) as OfferView | undefined;
}

export interface OfferAccess {
  view: OfferView;
  isEmployer: boolean;
  isGraduate: boolean;
}

/** An offer the actor may read (its employer's staff, its graduate, office staff for the graduate's town), or not_found. */
export async function loadReadableOffer(ctx: AppContext, actor: TSessionUser, id: string): Promise<OfferAccess> {
  const view = await findOfferView(ctx.db, id);
  if (!view) throw AppError.notFound('Offer');
  const isEmployer = policy.canMoveApplication(actor, view);
  const isGraduate = actor.role === 'graduate' && view.graduate_user_id === actor.id;
  // A graduate sees an offer once it is sent; drafts are the employer's working papers.
  if (isGraduate && view.status === 'draft') throw AppError.notFound('Offer');
  if (!policy.canReadApplication(actor, { graduate_user_id: view.graduate_user_id, organisation_id: view.organisation_id, hukou_town_id: view.graduate_town_id })) {
    throw AppError.notFound('Offer');
  }
  return { view, isEmployer, isGraduate };
}

/** The status a reader sees: an offer past its expiry that nobody signed reads as expired. */
export function effectiveStatus(view: Pick<OfferView, 'status' | 'expires_at'>, now: Date): OfferView['status'] {
  if ((view.status === 'sent' || view.status === 'draft') && view.expires_at.getTime() <= now.getTime()) return 'expired';
  return view.status;
}

export async function presentOffers(ctx: AppContext, actor: TSessionUser, views: OfferView[]): Promise<TOffer[]> {
  if (views.length === 0) return [];
  const ids = views.map((v) => v.id);
  const [signatures, latest] = await Promise.all([
    ctx.db.selectFrom('offer_signatures').selectAll().where('offer_id', 'in', ids).orderBy('signed_at').execute(),
    ctx.db.selectFrom('offer_versions').distinctOn('offer_id').select(['offer_id', 'sha256']).where('offer_id', 'in', ids).orderBy('offer_id').orderBy('version', 'desc').execute(),
  ]);
  const latestOf = new Map(latest.map((l) => [l.offer_id, l.sha256]));
  const now = ctx.clock();
  return views.map((v) => {
    const status = effectiveStatus(v, now);
    const isEmployer = policy.canMoveApplication(actor, v);
    const isGraduate = actor.role === 'graduate' && v.graduate_user_id === actor.id;
    const lockedForMe = (isGraduate && v.graduate_otp_failures >= OFFER_OTP_MAX_FAILURES) || (isEmployer && v.employer_otp_failures >= OFFER_OTP_MAX_FAILURES);
    return {
      id: v.id,
      reference: v.reference,
      applicationId: v.application_id,
      jobId: v.job_id,
      jobTitle: v.job_title,
      organisationName: v.organisation_name,
      graduateName: v.graduate_name,
      status,
      position: v.position,
      salaryMonthlyYuan: v.salary_monthly_yuan,
      startDate: v.start_date,
      probationMonths: v.probation_months,
      location: v.location,
      conditions: v.conditions,
      expiresAt: v.expires_at.toISOString(),
      sentAt: v.sent_at?.toISOString() ?? null,
      completedAt: v.completed_at?.toISOString() ?? null,
      declineReason: v.decline_reason,
      revokeReason: v.revoke_reason,
      lockedForMe,
      can: {
        edit: isEmployer && status === 'draft',
        send: isEmployer && status === 'draft',
        revoke: isEmployer && (status === 'draft' || status === 'sent' || status === 'accepted'),
        accept: isGraduate && status === 'sent' && !lockedForMe,
        decline: isGraduate && status === 'sent',
        countersign: isEmployer && status === 'accepted' && !lockedForMe,
      },
      latestSha256: latestOf.get(v.id) ?? null,
      signatures: signatures
        .filter((s) => s.offer_id === v.id)
        .map((s) => ({ role: s.role, signerName: s.signer_name, signedAt: s.signed_at.toISOString(), otpVerified: s.otp_verified, documentSha256: s.document_sha256, resultSha256: s.result_sha256 })),
    };
  });
}

export async function presentOfferDetail(ctx: AppContext, actor: TSessionUser, view: OfferView): Promise<TOfferDetail> {
  const [offer] = await presentOffers(ctx, actor, [view]);
  const [versions, events] = await Promise.all([
    ctx.db.selectFrom('offer_versions').selectAll().where('offer_id', '=', view.id).orderBy('version').execute(),
    ctx.db
      .selectFrom('offer_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .select(['e.seq', 'e.at', 'e.action', 'e.detail', 'e.hash', 'u.name as actor_name'])
      .where('e.offer_id', '=', view.id)
      .orderBy('e.seq')
      .execute(),
  ]);
  return {
    ...offer!,
    versions: versions.map((v) => ({ version: v.version, kind: v.kind, sha256: v.sha256, createdAt: v.created_at.toISOString() })),
    events: events.map((e) => ({ seq: e.seq, at: e.at.toISOString(), actorName: e.actor_name, action: e.action, detail: e.detail, hash: e.hash })),
  };
}
