import { AppError, type TBooth, type TSessionUser, type TSetRepresentatives } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { replaceRepresentatives } from '../../db/repositories/booths.js';
import { findUsers } from '../../db/repositories/users.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { loadEditableBooth, reloadBooth } from './get-booth.js';
import { bumpStaffAccessGeneration } from '../live-fair/queue-store.js';

export interface SetBoothRepresentativesOptions {
  actor: TSessionUser;
  id: string;
  input: TSetRepresentatives;
  meta: RequestMeta;
}

/** Names who staffs the booth: recruiters and administrators of the same employer. Rota slots of anyone dropped go too. */
export async function setBoothRepresentatives(ctx: AppContext, { actor, id, input, meta }: SetBoothRepresentativesOptions): Promise<TBooth> {
  const { booth } = await loadEditableBooth(ctx, actor, id);
  const userIds = [...new Set(input.userIds)];
  const users = new Map((await findUsers(ctx.db, userIds)).map((u) => [u.id, u]));
  const details = input.userIds.flatMap((userId, i) => {
    const user = users.get(userId);
    return user && policy.canRepresentOrganisation(user, booth.organisation_id)
      ? []
      : [{ path: `userIds.${i}`, message: "Not a recruiter or administrator of this booth's employer" }];
  });
  if (details.length) throw new AppError('validation_failed', "Representatives must be recruiters or administrators of the booth's employer", { details });
  await ctx.db.transaction().execute(async (trx) => {
    await replaceRepresentatives(trx, id, userIds);
    await appendAudit(trx, { actorId: actor.id, action: 'booth.representatives_set', entityType: 'booth', entityId: id, detail: { userIds }, ip: meta.ip });
  });
  // Booth access cached by the live fair is read afresh from here on, on every node.
  await bumpStaffAccessGeneration(ctx);
  return reloadBooth(ctx, id);
}
