import type { Kysely } from 'kysely';
import type { Database, FairRow } from '../schema.js';
import type { BoothWithOrganisation } from './booths.js';

/**
 * Reads for the live fair's hot paths, each answering one request's checks in a single query,
 * fresh from the database (no caching: registrations, rota, representatives and fair status
 * take effect at once).
 */

/**
 * For a recruiter acting at a booth, in one query: the booth with its organisation, its fair's
 * status and call timeout, and whether `userId` represents it.
 */
export async function staffAccess(
  db: Kysely<Database>,
  boothId: string,
  userId: string,
): Promise<{ booth: BoothWithOrganisation; fairStatus: FairRow['status']; callTimeoutSeconds: number; isRepresentative: boolean } | undefined> {
  const row = await db
    .selectFrom('booths')
    .innerJoin('organisations', 'organisations.id', 'booths.organisation_id')
    .innerJoin('fairs', 'fairs.id', 'booths.fair_id')
    .selectAll('booths')
    .select(['organisations.name as organisation_name', 'organisations.industry', 'organisations.town_id', 'fairs.status as fair_status', 'fairs.call_timeout_seconds as fair_call_timeout_seconds'])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('booth_representatives').select('booth_representatives.user_id').whereRef('booth_representatives.booth_id', '=', 'booths.id').where('booth_representatives.user_id', '=', userId))
        .as('is_representative'),
    )
    .where('booths.id', '=', boothId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { fair_status, fair_call_timeout_seconds, is_representative, ...booth } = row;
  return { booth, fairStatus: fair_status, callTimeoutSeconds: fair_call_timeout_seconds, isRepresentative: Boolean(is_representative) };
}

export interface QueueAdmission {
  boothStatus: string;
  fair: FairRow;
  isRegistered: boolean;
  /** Someone is on the booth's rota at `now`. */
  isOnRota: boolean;
  profile: {
    school: string | null;
    major: string | null;
    degree: string | null;
    graduationYear: number | null;
    jobIntention: string | null;
    /** 户籍 in the district: the 'registered local' priority group, as the registry records it. */
    isRegisteredLocal: boolean;
    /** Sealed: opened by the caller only when a low-income lane asks for it. */
    hardshipSealed: string;
  } | null;
}

/**
 * Everything joining a booth's queue checks: the booth and its fair, the graduate's registration and
 * profile (hardship still sealed), the rota.
 */
export async function queueAdmission(db: Kysely<Database>, boothId: string, userId: string, now: Date): Promise<QueueAdmission | undefined> {
  const row = await db
    .selectFrom('booths')
    .innerJoin('fairs', 'fairs.id', 'booths.fair_id')
    .leftJoin('graduate_profiles', (join) => join.on('graduate_profiles.user_id', '=', userId))
    .selectAll('fairs')
    .select([
      'booths.status as booth_status',
      'graduate_profiles.id as profile_id',
      'graduate_profiles.school as profile_school',
      'graduate_profiles.major as profile_major',
      'graduate_profiles.degree as profile_degree',
      'graduate_profiles.graduation_year as profile_graduation_year',
      'graduate_profiles.job_intention as profile_job_intention',
      'graduate_profiles.is_registered_local as profile_is_registered_local',
      'graduate_profiles.hardship_sealed as profile_hardship_sealed',
    ])
    .select((eb) => [
      eb
        .exists(eb.selectFrom('fair_registrations').select('fair_registrations.user_id').whereRef('fair_registrations.fair_id', '=', 'fairs.id').where('fair_registrations.user_id', '=', userId))
        .as('is_registered'),
      eb
        .exists(eb.selectFrom('booth_rota').select('booth_rota.booth_id').where('booth_rota.booth_id', '=', boothId).where('booth_rota.starts_at', '<=', now).where('booth_rota.ends_at', '>', now))
        .as('is_on_rota'),
    ])
    .where('booths.id', '=', boothId)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    booth_status,
    profile_id,
    profile_school,
    profile_major,
    profile_degree,
    profile_graduation_year,
    profile_job_intention,
    profile_is_registered_local,
    profile_hardship_sealed,
    is_registered,
    is_on_rota,
    ...fair
  } = row;
  return {
    boothStatus: booth_status,
    fair,
    isRegistered: Boolean(is_registered),
    isOnRota: Boolean(is_on_rota),
    profile:
      profile_id === null || profile_hardship_sealed === null
        ? null
        : {
            school: profile_school,
            major: profile_major,
            degree: profile_degree,
            graduationYear: profile_graduation_year,
            jobIntention: profile_job_intention,
            isRegisteredLocal: Boolean(profile_is_registered_local),
            hardshipSealed: profile_hardship_sealed,
          },
  };
}
