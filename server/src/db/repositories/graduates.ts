import type { Kysely } from 'kysely';
import type { TGraduateListQuery, TGraduateProfile, TPage } from '@yunpin/shared';
import type { Database, GraduateRow, GraduateUpdate } from '../schema.js';
import { paginate } from '../paginate.js';
import { escapeLike } from './organisations.js';
import { completenessOf, missingCensusFields } from '../../domain/registry/census-fields.js';
import type { FieldCrypto } from '../../services/field-crypto.js';

/** Maps a file to its API shape; the hardship status only when given (opened for a reader who may see it). */
function toGraduateProfile(row: GraduateRow, isHardship: boolean | undefined): TGraduateProfile {
  const profile: TGraduateProfile = {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    school: row.school,
    major: row.major,
    degree: row.degree,
    graduationYear: row.graduation_year,
    hukouTownId: row.hukou_town_id,
    jobIntention: row.job_intention,
    trainingNeeds: row.training_needs,
    employmentStatus: row.employment_status,
    discoverable: row.discoverable,
    updatedAt: row.updated_at.toISOString(),
    nationalIdMasked: row.national_id_masked,
    isRegisteredLocal: row.is_registered_local,
    completeness: 0,
    missingFields: missingCensusFields(row),
    erasedAt: row.erased_at?.toISOString() ?? null,
  };
  profile.completeness = completenessOf(profile.missingFields);
  if (isHardship !== undefined) profile.isHardship = isHardship;
  return profile;
}

/** Maps files to their API shape; their hardship statuses are opened (in one batch) only if the reader may see them. */
export async function toGraduateProfiles(crypto: FieldCrypto, rows: GraduateRow[], canSeeHardship: boolean): Promise<TGraduateProfile[]> {
  const hardship = canSeeHardship ? await crypto.openFlags(rows.map((r) => r.hardship_sealed)) : [];
  return rows.map((row, i) => toGraduateProfile(row, hardship[i]));
}

export function findGraduate(db: Kysely<Database>, id: string): Promise<GraduateRow | undefined> {
  return db.selectFrom('graduate_profiles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findGraduateIdOfUser(db: Kysely<Database>, userId: string): Promise<string | null> {
  const row = await db.selectFrom('graduate_profiles').select('id').where('user_id', '=', userId).executeTakeFirst();
  return row?.id ?? null;
}

/** Lists files, limited to `townIds` (by hukou town) unless that is null (whole district). */
export function listGraduates(
  db: Kysely<Database>,
  query: TGraduateListQuery,
  townIds: string[] | null,
): Promise<TPage<GraduateRow>> {
  let q = db.selectFrom('graduate_profiles');
  if (townIds) q = townIds.length ? q.where('hukou_town_id', 'in', townIds) : q.where(({ lit }) => lit(false));
  if (query.townId) q = q.where('hukou_town_id', '=', query.townId);
  if (query.employmentStatus) q = q.where('employment_status', '=', query.employmentStatus);
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('school', 'ilike', like), eb('major', 'ilike', like)]));
  }
  return paginate(q, query, (b) => b.selectAll().orderBy('name').orderBy('id'));
}

/** Columns a new file may leave to their defaults. */
type DefaultedColumn =
  | 'employment_status'
  | 'discoverable'
  | 'national_id_sealed'
  | 'national_id_hash'
  | 'national_id_masked'
  | 'is_registered_local'
  | 'erased_at';

/** A new file; its hardship status (false unless given) is sealed here, as every file's is. */
export async function insertGraduate(
  db: Kysely<Database>,
  crypto: Pick<FieldCrypto, 'sealFlag'>,
  { isHardship = false, ...g }: Omit<GraduateRow, 'created_at' | 'updated_at' | 'hardship_sealed' | DefaultedColumn> & Partial<Pick<GraduateRow, DefaultedColumn>> & { isHardship?: boolean },
): Promise<void> {
  await db
    .insertInto('graduate_profiles')
    .values({ ...g, hardship_sealed: await crypto.sealFlag(isHardship) })
    .execute();
}

export async function updateGraduate(db: Kysely<Database>, id: string, changes: GraduateUpdate): Promise<void> {
  await db.updateTable('graduate_profiles').set({ ...changes, updated_at: new Date() }).where('id', '=', id).execute();
}
