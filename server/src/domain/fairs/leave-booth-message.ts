import { randomUUID } from 'node:crypto';
import { AppError, type TBoothMessage, type TLeaveBoothMessage, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { findBoothMessage, insertBoothMessage, toBoothMessage } from '../../db/repositories/booth-messages.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';
import { loadReadableBooth } from './get-booth.js';

export interface LeaveBoothMessageOptions {
  actor: TSessionUser;
  boothId: string;
  input: TLeaveBoothMessage;
  meta: RequestMeta;
}

/**
 * A graduate leaves a message at an approved booth for the employer's 24365 inbox: the offline path
 * when nobody is on duty, but welcome at any time.
 */
export async function leaveBoothMessage(ctx: AppContext, { actor, boothId, input, meta }: LeaveBoothMessageOptions): Promise<TBoothMessage> {
  const { booth } = await loadReadableBooth(ctx, actor, boothId);
  if (!policy.canLeaveBoothMessage(actor)) throw AppError.forbidden('Only graduates leave messages at booths');
  if (booth.status !== 'approved') throw AppError.conflict('This booth has not been approved');
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await insertBoothMessage(trx, { id, boothId: booth.id, graduateId: actor.id, body: input.body, createdAt: ctx.clock() });
    // The text stays out of the audit trail; the entry records that a message exists.
    await appendAudit(trx, { actorId: actor.id, action: 'booth_message.left', entityType: 'booth_message', entityId: id, detail: { boothId: booth.id }, ip: meta.ip });
  });
  const row = await findBoothMessage(ctx.db, id);
  if (!row) throw AppError.notFound('Message');
  return toBoothMessage(row);
}
