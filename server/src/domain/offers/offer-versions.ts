import type { OfferDocument } from '@yunpin/shared/node';
import type { AppContext } from '../../context.js';
import type { OfferView } from './offer-views.js';

/** Stores a version of an offer's document by content; the same bytes twice are one blob. */
export async function storeVersion(ctx: AppContext, pdf: Uint8Array): Promise<string> {
  const stored = await ctx.blobs.put(pdf);
  return stored.sha256;
}

/** The newest stored version of an offer's document. */
export async function latestVersion(ctx: AppContext, offerId: string): Promise<{ version: number; sha256: string; kind: string } | undefined> {
  return ctx.db.selectFrom('offer_versions').select(['version', 'sha256', 'kind']).where('offer_id', '=', offerId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** The letter's content as the renderer takes it; `issuedAt` is when it is sent (now, for a preview). */
export function offerDocument(view: OfferView, issuedAt: Date): OfferDocument {
  return {
    offerId: view.id,
    reference: view.reference,
    employerName: view.organisation_name,
    graduateName: view.graduate_name,
    position: view.position,
    salaryMonthlyYuan: view.salary_monthly_yuan,
    startDate: view.start_date,
    probationMonths: view.probation_months,
    location: view.location,
    conditions: view.conditions,
    expiresAt: view.expires_at.toISOString(),
    issuedAt: issuedAt.toISOString(),
  };
}
