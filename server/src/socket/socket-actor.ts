import { parse } from 'cookie';
import { AppError, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../context.js';
import { resolveSession } from '../domain/auth/resolve-session.js';
import { SESSION_COOKIE } from '../domain/auth/session-tokens.js';

/** The socket's user, from its session read afresh (so a logout takes effect on the next request). */
export async function socketActor(ctx: AppContext, socket: { handshake: { headers: { cookie?: string | undefined } }; data: { userId: string } }): Promise<TSessionUser> {
  const token = parse(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
  const session = token ? await resolveSession(ctx, token) : undefined;
  if (!session || session.user.id !== socket.data.userId) throw AppError.unauthenticated();
  return session.user;
}
