import type { TBooth, TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { listBoothsOfFair } from '../../db/repositories/booths.js';
import { policy } from '../../policy.js';
import { loadReadableFair } from './get-fair.js';
import { presentBooths } from './get-booth.js';

/** A fair's approved booths for everyone; its organisers see every application, an employer also its own. */
export async function listFairBooths(ctx: AppContext, actor: TSessionUser | undefined, fairId: string): Promise<{ items: TBooth[] }> {
  const { fair, hosts } = await loadReadableFair(ctx, actor, fairId);
  const includeAll = actor !== undefined && policy.canManageFair(actor, fair, hosts.townIds, hosts.regionIds);
  const rows = await listBoothsOfFair(ctx.db, fair.id, { includeAll, organisationId: actor?.organisationId ?? null });
  // The repository narrows by organisation id; the policy has the last word on each booth.
  const visible = rows.filter((booth) => policy.canReadBooth(actor, booth, fair, hosts));
  return { items: await presentBooths(ctx, visible) };
}
