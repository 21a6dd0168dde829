import { AppError, type TBoothInboxQuery, type TBoothMessage, type TPage, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { listInbox, toBoothMessage } from '../../db/repositories/booth-messages.js';
import { policy } from '../../policy.js';

export interface ListOrganisationInboxOptions {
  actor: TSessionUser;
  organisationId: string;
  query: TBoothInboxQuery;
}

/** Messages left at any of an employer's booths, newest first, for that employer's recruiters and administrators. */
export async function listOrganisationInbox(ctx: AppContext, { actor, organisationId, query }: ListOrganisationInboxOptions): Promise<TPage<TBoothMessage>> {
  if (!policy.canUseInbox(actor, organisationId)) throw AppError.notFound('Organisation');
  const page = await listInbox(ctx.db, organisationId, query);
  return { ...page, items: page.items.map(toBoothMessage) };
}
