import type { TSession, TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import { deleteSession, findLiveSession, touchSession, touchSessions } from '../../db/repositories/sessions.js';
import { hashToken } from './session-tokens.js';
import { loadSessionUser, loadSessionUsers } from './load-session-user.js';

const TOUCH_INTERVAL_MS = 60_000;

export interface ResolvedSession extends TSession {
  tokenHash: string;
}

/** Turns a cookie token into a live session, or undefined when it is unknown, expired or its user is disabled. */
export async function resolveSession(ctx: AppContext, token: string): Promise<ResolvedSession | undefined> {
  const tokenHash = hashToken(token);
  const now = ctx.clock();
  const record = await findLiveSession(ctx.db, tokenHash, now);
  if (!record) return undefined;
  const user = await loadSessionUser(ctx.db, record.userId);
  if (!user) {
    await deleteSession(ctx.db, tokenHash);
    return undefined;
  }
  if (now.getTime() - record.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await touchSession(ctx.db, tokenHash, now);
  return { tokenHash, user, csrfToken: record.csrfToken, expiresAt: record.expiresAt.toISOString() };
}

/**
 * Re-reads many sessions at once (the sockets a node holds): the users of those still live, by
 * token hash. The `seen` ones (in use since the last read) are marked as seen, like a request does.
 */
export async function refreshSessions(ctx: AppContext, tokenHashes: readonly string[], seen: ReadonlySet<string>): Promise<Map<string, TSessionUser>> {
  const now = ctx.clock();
  const users = await loadSessionUsers(ctx.db, tokenHashes, now);
  await touchSessions(ctx.db, [...users.keys()].filter((h) => seen.has(h)), now, TOUCH_INTERVAL_MS);
  return users;
}
