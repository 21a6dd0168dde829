import { AppError, type TSessionUser, type TUpdateAccount } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { isLoginTaken, normaliseLogin, updateUser } from '../../db/repositories/users.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { loadSessionUser } from '../auth/load-session-user.js';

export interface UpdateAccountOptions {
  actor: TSessionUser;
  input: TUpdateAccount;
  meta: RequestMeta;
}

/** Changes one's own name or contact; at least one login (phone or email) must remain. */
export async function updateAccount(ctx: AppContext, { actor, input, meta }: UpdateAccountOptions): Promise<TSessionUser> {
  const phone = input.phone === undefined ? actor.phone : input.phone;
  const email = input.email === undefined ? actor.email : input.email && normaliseLogin(input.email);
  if (!phone && !email) {
    throw new AppError('validation_failed', 'Keep a phone number or an email to log in with', {
      details: [{ path: 'phone', message: 'A phone number or an email is required' }],
    });
  }
  if (await isLoginTaken(ctx.db, { phone: input.phone ?? null, email: input.email ? email : null }, actor.id)) {
    throw AppError.conflict('This phone number or email is already in use');
  }
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.phone !== undefined ? { phone } : {}),
    ...(input.email !== undefined ? { email } : {}),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.id, changes);
    await appendAudit(trx, { actorId: actor.id, action: 'account.updated', entityType: 'user', entityId: actor.id, detail: { fields: Object.keys(changes) }, ip: meta.ip });
  });
  const user = await loadSessionUser(ctx.db, actor.id);
  if (!user) throw AppError.unauthenticated();
  return user;
}
