import type { Kysely } from 'kysely';
import type { TSessionUser } from '@yunpin/shared';
import type { Database } from '../../db/schema.js';
import { findUser, townIdsOfCaseworker } from '../../db/repositories/users.js';
import { findGraduateIdOfUser } from '../../db/repositories/graduates.js';
import { townIdsOfRegion } from '../../db/repositories/geography.js';
import { findLiveSessionUsers, type SessionUserRow } from '../../db/repositories/sessions.js';

/** The acting user with everything permission checks need; undefined if missing or disabled. */
export async function loadSessionUser(db: Kysely<Database>, userId: string): Promise<TSessionUser | undefined> {
  const user = await findUser(db, userId);
  if (!user || user.is_disabled) return undefined;
  const graduateProfileId = user.role === 'graduate' ? await findGraduateIdOfUser(db, user.id) : null;
  return sessionUserOf(user, graduateProfileId, await townScopeOf(db, user));
}

/**
 * The acting users of many sessions at once, by token hash: one query, plus the town scope of each
 * caseworker and regional organiser. Sessions that have expired or ended, or whose user is
 * disabled, are absent.
 */
export async function loadSessionUsers(db: Kysely<Database>, tokenHashes: readonly string[], now: Date): Promise<Map<string, TSessionUser>> {
  const rows = await findLiveSessionUsers(db, tokenHashes, now);
  const users = new Map<string, TSessionUser>();
  for (const row of rows) users.set(row.token_hash, sessionUserOf(row, row.role === 'graduate' ? row.graduate_profile_id : null, await townScopeOf(db, row)));
  return users;
}

type UserFields = Pick<SessionUserRow, 'id' | 'role' | 'name' | 'phone' | 'email' | 'organisation_id' | 'region_id'>;

/** Towns a caseworker serves, or a regional organiser's towns; nobody else is scoped by town. */
async function townScopeOf(db: Kysely<Database>, user: UserFields): Promise<string[]> {
  if (user.role === 'caseworker') return townIdsOfCaseworker(db, user.id);
  if (user.role === 'organiser' && user.region_id) return townIdsOfRegion(db, user.region_id);
  return [];
}

function sessionUserOf(user: UserFields, graduateProfileId: string | null, townIds: string[]): TSessionUser {
  return {
    id: user.id,
    role: user.role,
    name: user.name,
    phone: user.phone,
    email: user.email,
    organisationId: user.organisation_id,
    graduateProfileId,
    regionId: user.role === 'organiser' ? user.region_id : null,
    townIds,
  };
}
