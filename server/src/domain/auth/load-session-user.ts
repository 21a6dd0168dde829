import type { Kysely } from 'kysely';
import type { TSessionUser } from '@yunpin/shared';
import type { Database } from '../../db/schema.js';
import { findUser, townIdsOfCaseworker } from '../../db/repositories/users.js';
import { findGraduateIdOfUser } from '../../db/repositories/graduates.js';
import { townIdsOfRegion } from '../../db/repositories/geography.js';

/** The acting user with everything permission checks need; undefined if missing or disabled. */
export async function loadSessionUser(db: Kysely<Database>, userId: string): Promise<TSessionUser | undefined> {
  const user = await findUser(db, userId);
  if (!user || user.is_disabled) return undefined;
  let townIds: string[] = [];
  if (user.role === 'caseworker') townIds = await townIdsOfCaseworker(db, user.id);
  else if (user.role === 'organiser' && user.region_id) townIds = await townIdsOfRegion(db, user.region_id);
  return {
    id: user.id,
    role: user.role,
    name: user.name,
    phone: user.phone,
    email: user.email,
    organisationId: user.organisation_id,
    graduateProfileId: user.role === 'graduate' ? await findGraduateIdOfUser(db, user.id) : null,
    regionId: user.role === 'organiser' ? user.region_id : null,
    townIds,
  };
}
