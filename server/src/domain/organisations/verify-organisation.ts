import { AppError, type TOrganisation, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { findOrganisation, setOrganisationVerified, toOrganisation } from '../../db/repositories/organisations.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { loadReadableOrganisation } from './get-organisation.js';

export interface VerifyOrganisationOptions {
  actor: TSessionUser;
  id: string;
  isVerified: boolean;
  meta: RequestMeta;
}

/** An organiser confirms (or withdraws) that an employer is genuine. */
export async function verifyOrganisation(ctx: AppContext, { actor, id, isVerified, meta }: VerifyOrganisationOptions): Promise<TOrganisation> {
  const org = await loadReadableOrganisation(ctx, actor, id);
  if (!policy.canVerifyOrganisation(actor, org)) throw AppError.forbidden('Only organisers may verify employers');
  await ctx.db.transaction().execute(async (trx) => {
    await setOrganisationVerified(trx, id, isVerified);
    await appendAudit(trx, { actorId: actor.id, action: isVerified ? 'organisation.verified' : 'organisation.unverified', entityType: 'organisation', entityId: id, ip: meta.ip });
  });
  const updated = await findOrganisation(ctx.db, id);
  if (!updated) throw AppError.notFound('Organisation');
  return toOrganisation(updated);
}
