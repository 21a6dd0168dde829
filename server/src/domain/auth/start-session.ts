import type { TSession } from '@yunpin/shared';
import type { AppContext, RequestMeta } from '../../context.js';
import { insertSession } from '../../db/repositories/sessions.js';
import { hashToken, newToken } from './session-tokens.js';
import { loadSessionUser } from './load-session-user.js';

export interface StartedSession {
  token: string;
  session: TSession;
}

/** Creates a server-side session for a user; the raw token goes only into the cookie. */
export async function startSession(ctx: AppContext, userId: string, ttlMs: number, meta: RequestMeta): Promise<StartedSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(ctx.clock().getTime() + ttlMs);
  await insertSession(ctx.db, { tokenHash: hashToken(token), userId, csrfToken, expiresAt, ip: meta.ip, userAgent: meta.userAgent });
  const user = await loadSessionUser(ctx.db, userId);
  if (!user) throw new Error(`User ${userId} vanished while starting a session`);
  return { token, session: { user, csrfToken, expiresAt: expiresAt.toISOString() } };
}
