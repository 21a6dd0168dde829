import { AppError, type TOrganisation, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { OrganisationRow } from '../../db/schema.js';
import { findOrganisation, toOrganisation } from '../../db/repositories/organisations.js';
import { policy } from '../../policy.js';

export async function loadReadableOrganisation(ctx: AppContext, actor: TSessionUser, id: string): Promise<OrganisationRow> {
  const row = await findOrganisation(ctx.db, id);
  if (!row || !policy.canReadOrganisation(actor, row)) throw AppError.notFound('Organisation');
  return row;
}

export async function getOrganisation(ctx: AppContext, actor: TSessionUser, id: string): Promise<TOrganisation> {
  return toOrganisation(await loadReadableOrganisation(ctx, actor, id));
}
