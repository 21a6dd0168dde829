import { sql, type Kysely } from 'kysely';
import { AppError, SUBSIDY_AGEING_DAYS, type TSessionUser, type TSubsidyClaim } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { policy, townScope } from '../../policy.js';

const DAY_MS = 86_400_000;

/** A claim with its graduate's town, the names every view shows and its payment, if any. */
export function claimViews(db: Kysely<Database>) {
  return db
    .selectFrom('subsidy_claims as c')
    .innerJoin('graduate_profiles as g', 'g.id', 'c.graduate_id')
    .leftJoin('towns as t', 't.id', 'g.hukou_town_id')
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('payment_ledger as p', 'p.claim_id', 'c.id')
    .selectAll('c')
    .select([
      sql<string | null>`to_char(c.start_date, 'YYYY-MM-DD')`.as('start_date'),
      'g.name as graduate_name',
      'g.user_id as graduate_user_id',
      'g.hukou_town_id as hukou_town_id',
      't.name as town_name',
      'o.name as organisation_name',
      'p.reference as payment_reference',
      'p.payee as payment_payee',
      'p.amount_yuan as payment_amount_yuan',
      'p.created_at as payment_at',
    ]);
}

export type ClaimView = Awaited<ReturnType<ReturnType<typeof claimViews>['executeTakeFirstOrThrow']>>;

/** The claims an actor may see: the office's towns, the employer's own, the graduate's own. */
export function scopedClaims(db: Kysely<Database>, actor: TSessionUser) {
  const q = claimViews(db);
  if (actor.role === 'graduate') return q.where('g.user_id', '=', actor.id);
  if (actor.role === 'recruiter' || actor.role === 'employer_admin') return q.where('c.organisation_id', '=', actor.organisationId ?? '00000000-0000-0000-0000-000000000000');
  const scope = townScope(actor);
  if (scope === null) return q;
  return scope.length ? q.where('g.hukou_town_id', 'in', scope) : q.where(sql<boolean>`false`);
}

/** The moment before which an approval makes an unpaid claim ageing. */
export function ageingCutoff(now: Date): Date {
  return new Date(now.getTime() - SUBSIDY_AGEING_DAYS * DAY_MS);
}

export function isAgeing(view: Pick<ClaimView, 'status' | 'approved_at'>, now: Date): boolean {
  return view.status === 'approved' && view.approved_at !== null && view.approved_at < ageingCutoff(now);
}

export function toClaim(view: ClaimView, now: Date): TSubsidyClaim {
  return {
    id: view.id,
    kind: view.kind,
    status: view.status,
    graduateId: view.graduate_id,
    graduateName: view.graduate_name,
    townId: view.hukou_town_id,
    townName: view.town_name,
    organisationId: view.organisation_id,
    organisationName: view.organisation_name,
    offerId: view.offer_id,
    contractSha256: view.contract_sha256,
    position: view.position,
    startDate: view.start_date,
    amountYuan: view.amount_yuan,
    eligibility: view.eligibility,
    reason: view.reason,
    createdAt: view.created_at.toISOString(),
    approvedAt: view.approved_at?.toISOString() ?? null,
    paidAt: view.paid_at?.toISOString() ?? null,
    isAgeing: isAgeing(view, now),
    payment:
      view.payment_reference !== null && view.payment_at !== null
        ? { reference: view.payment_reference, payee: view.payment_payee ?? '', amountYuan: view.payment_amount_yuan ?? 0, at: view.payment_at.toISOString() }
        : null,
  };
}

/** A claim the actor may read, or not_found. */
export async function loadReadableClaim(ctx: AppContext, actor: TSessionUser, id: string): Promise<ClaimView> {
  const view = await claimViews(ctx.db).where('c.id', '=', id).executeTakeFirst();
  if (!view || !policy.canReadPlacementRecord(actor, view)) throw AppError.notFound('Subsidy claim');
  return view;
}

/** A claim the office may decide on: unreadable is 404, readable but not theirs to decide is 403. */
export async function loadDecidableClaim(ctx: AppContext, actor: TSessionUser, id: string): Promise<ClaimView> {
  const view = await loadReadableClaim(ctx, actor, id);
  if (!policy.canDecideSubsidy(actor, view)) throw AppError.forbidden('Only the office serving the graduate decides on this claim');
  return view;
}
