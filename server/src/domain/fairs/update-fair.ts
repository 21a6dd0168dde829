import { AppError, type TFair, type TSessionUser, type TUpdateFair } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import type { FairUpdate } from '../../db/schema.js';
import { countRegistrations, findFair, updateFair as updateRow, type FairHosts } from '../../db/repositories/fairs.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { loadManageableFair, presentFair } from './get-fair.js';
import { validateFairHosts } from './create-fair.js';
import { bumpStaffAccessGeneration } from '../live-fair/queue-store.js';

export interface UpdateFairOptions {
  actor: TSessionUser;
  id: string;
  input: TUpdateFair;
  meta: RequestMeta;
}

/** Edits a draft or published fair; a live or ended one is fixed. Changed hosts must stay in the editor's scope. */
export async function updateFair(ctx: AppContext, { actor, id, input, meta }: UpdateFairOptions): Promise<TFair> {
  const { fair } = await loadManageableFair(ctx, actor, id);
  if (fair.status !== 'draft' && fair.status !== 'published') throw AppError.conflict(`A ${fair.status} fair can no longer be edited`);
  let hosts: FairHosts | undefined;
  if (input.hosts) {
    hosts = await validateFairHosts(ctx, input.hosts);
    if (!policy.canManageFair(actor, fair, hosts.townIds, hosts.regionIds)) {
      throw AppError.forbidden('A regional organiser may only choose co-hosts within their region');
    }
  }
  const startsAt = input.startsAt ? new Date(input.startsAt) : new Date(fair.starts_at);
  const endsAt = input.endsAt ? new Date(input.endsAt) : new Date(fair.ends_at);
  if (endsAt <= startsAt) {
    throw new AppError('validation_failed', 'endsAt must be after startsAt', { details: [{ path: 'endsAt', message: 'endsAt must be after startsAt' }] });
  }
  if (input.capacity !== undefined && input.capacity < (await countRegistrations(ctx.db, id))) {
    throw AppError.conflict('More graduates have already registered than the new capacity allows');
  }
  const changes: FairUpdate = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.level !== undefined ? { level: input.level } : {}),
    ...(input.startsAt !== undefined ? { starts_at: startsAt } : {}),
    ...(input.endsAt !== undefined ? { ends_at: endsAt } : {}),
    ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
    ...(input.priorityLanes !== undefined ? { priority_lanes: [...new Set(input.priorityLanes)] } : {}),
    ...(input.callTimeoutSeconds !== undefined ? { call_timeout_seconds: input.callTimeoutSeconds } : {}),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await updateRow(trx, id, changes, hosts);
    await appendAudit(trx, { actorId: actor.id, action: 'fair.updated', entityType: 'fair', entityId: id, detail: { fields: Object.keys(input) }, ip: meta.ip });
  });
  // Booth access cached by the live fair is read afresh from here on, on every node.
  await bumpStaffAccessGeneration(ctx);
  const updated = await findFair(ctx.db, id);
  if (!updated) throw AppError.notFound('Fair');
  return presentFair(ctx, actor, updated);
}
