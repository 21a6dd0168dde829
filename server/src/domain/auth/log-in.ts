import { AppError, type TLoginRequest } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { findUserByLogin } from '../../db/repositories/users.js';
import { appendAudit } from '../../db/repositories/audit.js';
import { verifyPassword } from './passwords.js';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure, type LoginRateLimit } from './login-rate-limit.js';
import { startSession, type StartedSession } from './start-session.js';

export interface LogInOptions {
  input: TLoginRequest;
  meta: RequestMeta;
  sessionTtlMs: number;
  rateLimit: LoginRateLimit;
}

/** One message for every failure, so nobody learns which accounts exist. */
export const INVALID_CREDENTIALS_MESSAGE = 'Login or password is incorrect';

export async function logIn(ctx: AppContext, { input, meta, sessionTtlMs, rateLimit }: LogInOptions): Promise<StartedSession> {
  await assertLoginAllowed(ctx, rateLimit, input.login, meta.ip);
  const user = await findUserByLogin(ctx.db, input.login);
  const isValid = await verifyPassword(user?.password_hash, input.password);
  if (!user || !isValid || user.is_disabled) {
    await recordLoginFailure(ctx, rateLimit, input.login, meta.ip);
    throw new AppError('invalid_credentials', INVALID_CREDENTIALS_MESSAGE);
  }
  await clearLoginFailures(ctx, input.login, meta.ip);
  const started = await startSession(ctx, user.id, sessionTtlMs, meta);
  await appendAudit(ctx.db, { actorId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id, ip: meta.ip });
  return started;
}
