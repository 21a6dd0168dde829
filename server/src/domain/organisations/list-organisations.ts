import { AppError, type TOrganisation, type TOrganisationListQuery, type TPage, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { listOrganisations as listRows, toOrganisation } from '../../db/repositories/organisations.js';
import { policy, townScope } from '../../policy.js';

/** Office staff list employers; caseworkers and regional organisers see their towns' employers. */
export async function listOrganisations(ctx: AppContext, actor: TSessionUser, query: TOrganisationListQuery): Promise<TPage<TOrganisation>> {
  if (!policy.canListOrganisations(actor)) throw AppError.notFound('Route');
  const page = await listRows(ctx.db, query, townScope(actor));
  return { ...page, items: page.items.map(toOrganisation) };
}
