import type { TBooth, TSessionUser, TUpdateBooth } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import type { BoothUpdate } from '../../db/schema.js';
import { updateBooth as updateRow } from '../../db/repositories/booths.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { loadEditableBooth, reloadBooth } from './get-booth.js';
import { bumpStaffAccessGeneration } from '../live-fair/queue-store.js';

export interface UpdateBoothOptions {
  actor: TSessionUser;
  id: string;
  input: TUpdateBooth;
  meta: RequestMeta;
}

/** The employer's administrator edits its booth's profile, jobs and conversation settings. */
export async function updateBooth(ctx: AppContext, { actor, id, input, meta }: UpdateBoothOptions): Promise<TBooth> {
  await loadEditableBooth(ctx, actor, id);
  const changes: BoothUpdate = {
    ...(input.profile !== undefined ? { profile: input.profile } : {}),
    ...(input.jobs !== undefined ? { jobs: JSON.stringify(input.jobs) } : {}),
    ...(input.maxConcurrentChats !== undefined ? { max_concurrent_chats: input.maxConcurrentChats } : {}),
    ...(input.softLimitMinutes !== undefined ? { soft_limit_minutes: input.softLimitMinutes } : {}),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await updateRow(trx, id, changes);
    await appendAudit(trx, { actorId: actor.id, action: 'booth.updated', entityType: 'booth', entityId: id, detail: { fields: Object.keys(input) }, ip: meta.ip });
  });
  // Booth access cached by the live fair is read afresh from here on, on every node.
  await bumpStaffAccessGeneration(ctx);
  return reloadBooth(ctx, id);
}
