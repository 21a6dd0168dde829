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

export interface FairsTable {
  id: string;
  title: string;
  description: Generated<string>;
  level: 'district' | 'region' | 'town';
  status: Generated<'draft' | 'published' | 'live' | 'ended'>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number;
  priority_lanes: Generated<('local_hukou' | 'low_income')[]>;
  call_timeout_seconds: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface FairHostsTable {
  fair_id: string;
  town_id: string | null;
  region_id: string | null;
}

export interface FairRegistrationsTable {
  fair_id: string;
  user_id: string;
  created_at: Generated<Date>;
}

export interface BoothJob {
  title: string;
  headcount?: number;
  salary?: string;
}

export interface BoothsTable {
  id: string;
  fair_id: string;
  organisation_id: string;
  status: Generated<'applied' | 'approved' | 'rejected'>;
  profile: Generated<string>;
  jobs: ColumnType<BoothJob[], string | undefined, string>;
  max_concurrent_chats: Generated<number>;
  soft_limit_minutes: Generated<number>;
  review_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface BoothRepresentativesTable {
  booth_id: string;
  user_id: string;
}

export interface BoothRotaTable {
  id: string;
  booth_id: string;
  user_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
}

export interface ConversationHandoff {
  from: string;
  to: string;
  at: string;
}

export interface ConversationsTable {
  id: string;
  fair_id: string;
  booth_id: string;
  graduate_id: string;
  recruiter_id: string;
  status: Generated<'active' | 'ended'>;
  video_state: Generated<'none' | 'invited' | 'accepted' | 'declined'>;
  started_at: Generated<Date>;
  soft_limit_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: string | null;
  notes: string | null;
  rating: number | null;
  handoffs: ColumnType<ConversationHandoff[], string | undefined, string>;
}

export interface ChatMessagesTable {
  id: string;
  conversation_id: string;
  sender_id: string;
  body: string;
  sent_at: Generated<Date>;
}

export interface BoothMessagesTable {
  id: string;
  booth_id: string;
  graduate_id: string;
  body: string;
  reply: string | null;
  replied_by: string | null;
  replied_at: Timestamp | null;
  created_at: Generated<Date>;
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
  fairs: FairsTable;
  fair_hosts: FairHostsTable;
  fair_registrations: FairRegistrationsTable;
  booths: BoothsTable;
  booth_representatives: BoothRepresentativesTable;
  booth_rota: BoothRotaTable;
  conversations: ConversationsTable;
  chat_messages: ChatMessagesTable;
  booth_messages: BoothMessagesTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type GraduateRow = Selectable<GraduateProfilesTable>;
export type GraduateUpdate = Updateable<GraduateProfilesTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type TownRow = Selectable<TownsTable>;
export type RegionRow = Selectable<RegionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type FairRow = Selectable<FairsTable>;
export type NewFair = Insertable<FairsTable>;
export type FairUpdate = Updateable<FairsTable>;
export type BoothRow = Selectable<BoothsTable>;
export type BoothUpdate = Updateable<BoothsTable>;
export type ConversationRow = Selectable<ConversationsTable>;
export type ChatMessageRow = Selectable<ChatMessagesTable>;
export type BoothMessageRow = Selectable<BoothMessagesTable>;
