import { AppError, FAIR_STATUSES, type TFair, type TFairStatus, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { findFair, setFairStatus } from '../../db/repositories/fairs.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { loadManageableFair, presentFair } from './get-fair.js';
import { bumpStaffAccessGeneration } from '../live-fair/queue-store.js';

export interface ChangeFairStatusOptions {
  actor: TSessionUser;
  id: string;
  status: TFairStatus;
  meta: RequestMeta;
}

/** Moves a fair forward only: draft → published → live → ended. */
export async function changeFairStatus(ctx: AppContext, { actor, id, status, meta }: ChangeFairStatusOptions): Promise<TFair> {
  const { fair } = await loadManageableFair(ctx, actor, id);
  if (FAIR_STATUSES.indexOf(status) <= FAIR_STATUSES.indexOf(fair.status)) {
    throw AppError.conflict(`A ${fair.status} fair cannot become ${status}: a fair only moves forward (draft → published → live → ended)`);
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await setFairStatus(trx, id, fair.status, status))) throw AppError.conflict('The fair changed meanwhile; reload and try again');
    await appendAudit(trx, { actorId: actor.id, action: 'fair.status_changed', entityType: 'fair', entityId: id, detail: { from: fair.status, to: status }, ip: meta.ip });
  });
  // Booth access cached by the live fair is read afresh from here on, on every node.
  await bumpStaffAccessGeneration(ctx);
  const updated = await findFair(ctx.db, id);
  if (!updated) throw AppError.notFound('Fair');
  return presentFair(ctx, actor, updated);
}
