import type { Kysely } from 'kysely';
import type { TRole } from '@yunpin/shared';
import type { Database } from '../schema.js';

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

export async function insertSession(
  db: Kysely<Database>,
  s: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

/** The session for a token hash, if it has not expired at `now`. */
export async function findLiveSession(db: Kysely<Database>, tokenHash: string, now: Date): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['token_hash', 'user_id', 'csrf_token', 'expires_at', 'last_seen_at'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row
    ? { tokenHash: row.token_hash, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at }
    : undefined;
}

export interface SessionUserRow {
  token_hash: string;
  id: string;
  role: TRole;
  name: string;
  phone: string | null;
  email: string | null;
  organisation_id: string | null;
  region_id: string | null;
  graduate_profile_id: string | null;
}

/** The users of those of the sessions that are live at `now` and whose user is not disabled, in one query. */
export async function findLiveSessionUsers(db: Kysely<Database>, tokenHashes: readonly string[], now: Date): Promise<SessionUserRow[]> {
  if (tokenHashes.length === 0) return [];
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('graduate_profiles as g', 'g.user_id', 'u.id')
    .select(['s.token_hash', 'u.id', 'u.role', 'u.name', 'u.phone', 'u.email', 'u.organisation_id', 'u.region_id', 'g.id as graduate_profile_id'])
    .where('s.token_hash', 'in', [...tokenHashes])
    .where('s.expires_at', '>', now)
    .where('u.is_disabled', '=', false)
    .execute();
}

/** Marks the sessions as seen at `now`, those not marked within `staleMs` only. */
export async function touchSessions(db: Kysely<Database>, tokenHashes: readonly string[], now: Date, staleMs: number): Promise<void> {
  if (tokenHashes.length === 0) return;
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('token_hash', 'in', [...tokenHashes])
    .where('last_seen_at', '<', new Date(now.getTime() - staleMs))
    .execute();
}

export async function touchSession(db: Kysely<Database>, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user except, optionally, the one in use. */
export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string, keepTokenHash?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash) q = q.where('token_hash', '<>', keepTokenHash);
  await q.execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
