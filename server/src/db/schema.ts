import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { TRole } from '@yunpin/shared';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string, string>;

export interface RegionsTable {
  id: string;
  name: string;
  code: string;
  created_at: Generated<Date>;
}

export interface TownsTable {
  id: string;
  name: string;
  kind: 'subdistrict' | 'town' | 'dev_zone';
  is_dev_zone: boolean;
  region_id: string | null;
  created_at: Generated<Date>;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  credit_code: string | null;
  industry: string | null;
  town_id: string;
  is_verified: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: string;
  role: TRole;
  name: string;
  phone: string | null;
  email: string | null;
  password_hash: string;
  organisation_id: string | null;
  /** Organisers only: null is district scope. */
  region_id: string | null;
  is_disabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CaseworkerTownsTable {
  user_id: string;
  town_id: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  last_seen_at: Generated<Date>;
  ip: string | null;
  user_agent: string | null;
}

export interface GraduateProfilesTable {
  id: string;
  user_id: string | null;
  name: string;
  phone: string | null;
  email: string | null;
  school: string | null;
  major: string | null;
  degree: 'junior_college' | 'bachelor' | 'master' | 'doctorate' | 'other' | null;
  graduation_year: number | null;
  hukou_town_id: string | null;
  job_intention: string | null;
  training_needs: string | null;
  is_hardship: Generated<boolean>;
  employment_status: Generated<'unemployed' | 'employed' | 'further_study' | 'not_seeking'>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  detail: Json;
  ip: string | null;
}

export interface Database {
  regions: RegionsTable;
  towns: TownsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  caseworker_towns: CaseworkerTownsTable;
  sessions: SessionsTable;
  graduate_profiles: GraduateProfilesTable;
  audit_log: AuditLogTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type GraduateRow = Selectable<GraduateProfilesTable>;
export type GraduateUpdate = Updateable<GraduateProfilesTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type TownRow = Selectable<TownsTable>;
export type RegionRow = Selectable<RegionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
