import { sql, type RawBuilder } from 'kysely';
import { CENSUS_FIELDS, type TCensusField } from '@yunpin/shared';
import type { GraduateRow } from '../../db/schema.js';

const isBlank = (value: string | null) => value === null || value.trim() === '';

/** Whether each census field of a file is missing; the SQL below says the same for a query. */
const IS_MISSING: Record<TCensusField, (row: GraduateRow) => boolean> = {
  nationalId: (row) => row.national_id_hash === null,
  contact: (row) => isBlank(row.phone) && isBlank(row.email),
  school: (row) => isBlank(row.school),
  major: (row) => isBlank(row.major),
  degree: (row) => row.degree === null,
  graduationYear: (row) => row.graduation_year === null,
  hukouTown: (row) => row.hukou_town_id === null,
  jobIntention: (row) => isBlank(row.job_intention),
  trainingNeeds: (row) => isBlank(row.training_needs),
};

const blank = (column: string) => sql<boolean>`coalesce(btrim(${sql.ref(`graduate_profiles.${column}`)}), '') = ''`;
const isNull = (column: string) => sql<boolean>`${sql.ref(`graduate_profiles.${column}`)} is null`;

export const MISSING_SQL: Record<TCensusField, RawBuilder<boolean>> = {
  nationalId: isNull('national_id_hash'),
  contact: sql<boolean>`(${blank('phone')} and ${blank('email')})`,
  school: blank('school'),
  major: blank('major'),
  degree: isNull('degree'),
  graduationYear: isNull('graduation_year'),
  hukouTown: isNull('hukou_town_id'),
  jobIntention: blank('job_intention'),
  trainingNeeds: blank('training_needs'),
};

/** The census fields a file lacks, in CENSUS_FIELDS order. */
export function missingCensusFields(row: GraduateRow): TCensusField[] {
  return CENSUS_FIELDS.filter((field) => IS_MISSING[field](row));
}

/** Percent filled, rounded down so that 100 means complete. */
export function completenessOf(missing: readonly TCensusField[]): number {
  return Math.floor(((CENSUS_FIELDS.length - missing.length) * 100) / CENSUS_FIELDS.length);
}
