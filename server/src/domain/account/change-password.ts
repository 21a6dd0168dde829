import { AppError, type TChangePassword, type TSessionUser } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { findUser, updateUser } from '../../db/repositories/users.js';
import { deleteSessionsOfUser } from '../../db/repositories/sessions.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';

export interface ChangePasswordOptions {
  actor: TSessionUser;
  input: TChangePassword;
  currentTokenHash: string;
  meta: RequestMeta;
}

/** Changes one's password after checking the current one, and ends every other session. */
export async function changePassword(ctx: AppContext, { actor, input, currentTokenHash, meta }: ChangePasswordOptions): Promise<void> {
  const user = await findUser(ctx.db, actor.id);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('validation_failed', 'The current password is incorrect', {
      details: [{ path: 'currentPassword', message: 'Incorrect password' }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.id, { password_hash: passwordHash });
    await deleteSessionsOfUser(trx, actor.id, currentTokenHash);
    await appendAudit(trx, { actorId: actor.id, action: 'account.password_changed', entityType: 'user', entityId: actor.id, ip: meta.ip });
  });
}
