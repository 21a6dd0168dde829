import { AppError, type TBoothMessage, type TReplyBoothMessage, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { findBoothMessage, setBoothMessageReply, toBoothMessage } from '../../db/repositories/booth-messages.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { policy } from '../../policy.js';

export interface ReplyBoothMessageOptions {
  actor: TSessionUser;
  id: string;
  input: TReplyBoothMessage;
  meta: RequestMeta;
}

/** A recruiter or administrator of the booth's employer answers a message, once. */
export async function replyBoothMessage(ctx: AppContext, { actor, id, input, meta }: ReplyBoothMessageOptions): Promise<TBoothMessage> {
  const message = await findBoothMessage(ctx.db, id);
  if (!message || !policy.canUseInbox(actor, message.organisation_id)) throw AppError.notFound('Message');
  if (message.reply !== null) throw AppError.conflict('This message has already been answered');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await setBoothMessageReply(trx, id, { reply: input.reply, repliedBy: actor.id, repliedAt: ctx.clock() }))) {
      throw AppError.conflict('This message has already been answered');
    }
    await appendAudit(trx, { actorId: actor.id, action: 'booth_message.replied', entityType: 'booth_message', entityId: id, detail: { boothId: message.booth_id }, ip: meta.ip });
  });
  const updated = await findBoothMessage(ctx.db, id);
  if (!updated) throw AppError.notFound('Message');
  return toBoothMessage(updated);
}
