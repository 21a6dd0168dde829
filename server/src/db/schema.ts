import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { TJobRequirements, TJobStatus, TOfferStatus, TParsedResume, TResumeKind, TResumeStatus, TRole, TScorecard, TScreeningResult } from '@yunpin/shared';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string, string>;
/** A jsonb column read as T and written as its JSON text (pg would turn a JS array into a Postgres array). */
type JsonColumn<T> = ColumnType<T, string, string>;

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
  /**
   * Hardship status (a low-income family), sealed: AES-256-CTR under the field key with a fresh IV
   * on every write, false included (services/field-crypto.ts, sealFlag). Only code holding the key
   * reads it (domain/registry/hardship.ts); SQL never can.
   */
  hardship_sealed: string;
  employment_status: Generated<'unemployed' | 'employed' | 'further_study' | 'not_seeking'>;
  /** The graduate agrees that employers may find them in candidate recommendations. */
  discoverable: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** AES-256-GCM sealed national ID (services/field-crypto.ts); never the plain number. */
  national_id_sealed: Generated<string | null>;
  /** HMAC-SHA256 of the national ID under a separate key: lookups and uniqueness. */
  national_id_hash: Generated<string | null>;
  national_id_masked: Generated<string | null>;
  /** 户籍: registered in the district, a priority group. */
  is_registered_local: Generated<boolean>;
  /** Set when a deletion request was carried out: what remains is kept under its legal basis. */
  erased_at: Generated<Date | null>;
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
  video_state: Generated<'none' | 'invited' | 'accepted' | 'declined' | 'failed' | 'ended'>;
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

export interface JobsTable {
  id: string;
  organisation_id: string;
  title: string;
  description: Generated<string>;
  requirements: JsonColumn<TJobRequirements>;
  requirements_version: Generated<number>;
  town_id: string;
  salary_min: number;
  salary_max: number;
  headcount: number;
  deadline: ColumnType<string, string, string>;
  status: Generated<TJobStatus>;
  review_note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  published_at: Timestamp | null;
  search_tokens: Generated<string>;
  search: ColumnType<string, never, never>;
}

export interface ResumesTable {
  id: string;
  graduate_id: string;
  filename: string;
  kind: TResumeKind;
  size_bytes: number;
  sha256: string;
  status: Generated<TResumeStatus>;
  parsed: JsonColumn<TParsedResume> | null;
  text: string | null;
  language: string | null;
  warnings: ColumnType<string[], string | undefined, string>;
  failure_code: string | null;
  failure_message: string | null;
  created_at: Generated<Date>;
  parsed_at: Timestamp | null;
  confirmed_at: Timestamp | null;
  revision: Generated<number>;
}

export type TApplicationStatusColumn = 'new' | 'screened' | 'interview' | 'offer' | 'hired' | 'rejected' | 'withdrawn';

export interface ApplicationsTable {
  id: string;
  job_id: string;
  graduate_id: string;
  resume_id: string | null;
  status: Generated<TApplicationStatusColumn>;
  cover_note: Generated<string>;
  review_requested_at: Timestamp | null;
  review_request_reason: string | null;
  explanation_requested_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ApplicationEventsTable {
  id: Generated<string>;
  application_id: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  note: Generated<string>;
  at: Generated<Date>;
}

export interface ScreeningsTable {
  application_id: string;
  requirements_version: number;
  resume_id: string;
  resume_revision: number;
  scorer_version: string;
  score: number;
  result: JsonColumn<TScreeningResult>;
  screened_at: Generated<Date>;
}

export interface InterviewSlotsTable {
  id: string;
  job_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  interviewer_ids: string[];
  status: Generated<'open' | 'booked' | 'cancelled'>;
  room_key: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface InterviewBookingsTable {
  id: string;
  slot_id: string;
  application_id: string;
  status: Generated<'booked' | 'cancelled' | 'completed' | 'callback'>;
  booked_at: Generated<Date>;
  cancelled_at: Timestamp | null;
  callback_at: Timestamp | null;
  outcome: 'pass' | 'hold' | 'fail' | null;
  scorecard: JsonColumn<TScorecard> | null;
  decided_by: string | null;
}

export interface OfferTemplatesTable {
  id: string;
  organisation_id: string;
  name: string;
  position: string | null;
  salary_monthly_yuan: number | null;
  probation_months: number | null;
  location: string | null;
  conditions: Generated<string>;
  valid_days: Generated<number>;
  created_at: Generated<Date>;
}

export interface OffersTable {
  id: string;
  reference: string;
  application_id: string;
  organisation_id: string;
  status: Generated<TOfferStatus>;
  position: string;
  salary_monthly_yuan: number;
  /** A `date` column; views read it back with to_char as 'YYYY-MM-DD'. */
  start_date: string;
  probation_months: number;
  location: string;
  conditions: Generated<string>;
  expires_at: Timestamp;
  created_by: string | null;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
  completed_at: Timestamp | null;
  decline_reason: string | null;
  revoke_reason: string | null;
  countersigner_id: string | null;
  graduate_confirmed_at: Timestamp | null;
  graduate_confirmed_ip: string | null;
  employer_confirmed_at: Timestamp | null;
  employer_confirmed_ip: string | null;
  graduate_otp_failures: Generated<number>;
  employer_otp_failures: Generated<number>;
}

export interface OfferVersionsTable {
  offer_id: string;
  version: number;
  kind: 'rendered' | 'graduate_signed' | 'employer_signed' | 'audit_page' | 'sealed';
  sha256: string;
  created_at: Generated<Date>;
}

export interface OfferSignaturesTable {
  offer_id: string;
  role: 'graduate' | 'employer' | 'platform';
  signer_id: string | null;
  signer_name: string;
  signed_at: Timestamp;
  ip: string | null;
  otp_verified: boolean;
  input_version: number;
  document_sha256: string;
  result_sha256: string;
}

export interface OfferOtpsTable {
  offer_id: string;
  role: 'graduate' | 'employer';
  user_id: string;
  code_hash: string;
  sent_at: Timestamp;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
}

export interface OfferEventsTable {
  offer_id: string;
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  detail: JsonColumn<Record<string, unknown>>;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface PlacementsTable {
  id: string;
  graduate_id: string;
  organisation_id: string | null;
  employer_name: string;
  position: string;
  /** A `date` column, written and compared as 'YYYY-MM-DD'. */
  start_date: ColumnType<string, string, string>;
  offer_id: string | null;
  previous_placement_id: string | null;
  ended_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface FollowUpAnswerColumn {
  stillEmployed: boolean;
  samePosition: boolean;
  salaryBand: 'below_5000' | '5000_8000' | '8000_12000' | 'above_12000';
}

export interface FollowUpsTable {
  id: string;
  placement_id: string;
  month: 1 | 3 | 6 | 12;
  due_at: Timestamp;
  graduate_answer: JsonColumn<FollowUpAnswerColumn> | null;
  graduate_answered_at: Timestamp | null;
  employer_answer: JsonColumn<FollowUpAnswerColumn> | null;
  employer_answered_at: Timestamp | null;
  status: Generated<'open' | 'confirmed' | 'mismatch'>;
  mismatches: ColumnType<string[], string | undefined, string>;
  created_at: Generated<Date>;
}

export interface SubsidyClaimsTable {
  id: string;
  kind: 'hiring' | 'job_search' | 'internship';
  graduate_id: string;
  organisation_id: string | null;
  offer_id: string | null;
  contract_sha256: string | null;
  position: string | null;
  start_date: ColumnType<string, string, string> | null;
  amount_yuan: number;
  status: Generated<'submitted' | 'eligible' | 'ineligible' | 'approved' | 'rejected' | 'paid'>;
  eligibility: JsonColumn<{ isEligible: boolean; reasons: string[] }> | null;
  claimed_by: string | null;
  decided_by: string | null;
  reason: string | null;
  created_at: Generated<Date>;
  checked_at: Timestamp | null;
  decided_at: Timestamp | null;
  approved_at: Timestamp | null;
  paid_at: Timestamp | null;
}

export interface PaymentLedgerTable {
  id: string;
  idempotency_key: string;
  claim_id: string;
  amount_yuan: number;
  payee: string;
  reference: string;
  recorded_by: string | null;
  created_at: Timestamp;
}

export interface SubsidyRatesTable {
  id: string;
  kind: 'hiring' | 'job_search' | 'internship';
  /** The first day (Asia/Shanghai) a new claim takes this amount. */
  effective_from: ColumnType<string, string, string>;
  amount_yuan: number;
  note: string | null;
  /** Null for the rates the platform started with. */
  set_by: string | null;
  set_at: Generated<Date>;
}

export interface WeeklyReportsTable {
  id: string;
  week_start: ColumnType<string, string, string>;
  generated_at: Timestamp;
}

export interface WeeklyReportRowsTable {
  report_id: string;
  scope: 'town' | 'region' | 'district';
  scope_id: string | null;
  scope_name: string;
  group: 'all' | 'local' | 'low_income';
  registered: number;
  contacted: number;
  served: number;
  employed: number;
  subsidies_paid: number;
  subsidies_paid_yuan: number;
}

export interface CaseChecklistItemsTable {
  id: string;
  key: string | null;
  label_zh: string;
  label_en: string;
  position: number;
  is_retired: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface CaseChecklistMarksTable {
  graduate_id: string;
  item_id: string;
  crossed_at: Timestamp;
  crossed_by: string | null;
  note: string | null;
  is_automatic: Generated<boolean>;
  source: string | null;
}

export interface CaseChecklistEventsTable {
  id: string;
  graduate_id: string;
  item_id: string;
  action: 'crossed' | 'undone';
  actor_id: string | null;
  note: string | null;
  is_automatic: Generated<boolean>;
  source: string | null;
  at: Timestamp;
}

export interface CaseNoteTemplatesTable {
  id: string;
  title: string;
  body: string;
  is_contact: Generated<boolean>;
  position: number;
  is_retired: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface CaseNotesTable {
  id: string;
  graduate_id: string;
  template_id: string | null;
  title: string;
  body: string;
  is_contact: boolean;
  author_id: string | null;
  at: Timestamp;
}

export interface CaseActivityTable {
  id: Generated<string>;
  graduate_id: string;
  kind: string;
  ref_id: string;
  summary: string;
  at: Timestamp;
}

export interface CaseServicesTable {
  id: string;
  graduate_id: string;
  type: 'job_introduction' | 'career_guidance' | 'vocational_training' | 'internship' | 'startup_coaching';
  /** A `date` column; read back with to_char as 'YYYY-MM-DD'. */
  served_on: string;
  provider: string | null;
  caseworker_id: string | null;
  job_id: string | null;
  note: Generated<string>;
  outcome: Generated<string>;
  created_at: Timestamp;
}

export interface HardshipConsentsTable {
  id: string;
  graduate_id: string;
  /** Who consented (the graduate, or a guardian by name). */
  given_by: string;
  basis: 'written_form' | 'online_form' | 'in_person';
  consented_at: Timestamp;
  note: Generated<string>;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
  withdrawn_at: Timestamp | null;
}

export interface DeletionRequestsTable {
  id: string;
  graduate_id: string;
  requested_by: string | null;
  reason: Generated<string>;
  status: Generated<'pending' | 'executed' | 'rejected'>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: Generated<string>;
  removed: ColumnType<Record<string, number | boolean>, string | undefined, string>;
  kept: ColumnType<Record<string, number | boolean | string>, string | undefined, string>;
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
  jobs: JobsTable;
  resumes: ResumesTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  screenings: ScreeningsTable;
  interview_slots: InterviewSlotsTable;
  interview_bookings: InterviewBookingsTable;
  offer_templates: OfferTemplatesTable;
  offers: OffersTable;
  offer_versions: OfferVersionsTable;
  offer_signatures: OfferSignaturesTable;
  offer_otps: OfferOtpsTable;
  offer_events: OfferEventsTable;
  case_checklist_items: CaseChecklistItemsTable;
  case_checklist_marks: CaseChecklistMarksTable;
  case_checklist_events: CaseChecklistEventsTable;
  case_note_templates: CaseNoteTemplatesTable;
  case_notes: CaseNotesTable;
  case_activity: CaseActivityTable;
  case_services: CaseServicesTable;
  placements: PlacementsTable;
  followups: FollowUpsTable;
  subsidy_claims: SubsidyClaimsTable;
  payment_ledger: PaymentLedgerTable;
  subsidy_rates: SubsidyRatesTable;
  weekly_reports: WeeklyReportsTable;
  weekly_report_rows: WeeklyReportRowsTable;
  hardship_consents: HardshipConsentsTable;
  deletion_requests: DeletionRequestsTable;
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
export type JobRow = Selectable<JobsTable>;
export type ResumeRow = Selectable<ResumesTable>;
export type ApplicationRow = Selectable<ApplicationsTable>;
export type ApplicationEventRow = Selectable<ApplicationEventsTable>;
export type ScreeningRow = Selectable<ScreeningsTable>;
export type InterviewSlotRow = Selectable<InterviewSlotsTable>;
export type InterviewBookingRow = Selectable<InterviewBookingsTable>;
export type OfferRow = Selectable<OffersTable>;
export type OfferTemplateRow = Selectable<OfferTemplatesTable>;
export type HardshipConsentRow = Selectable<HardshipConsentsTable>;
export type DeletionRequestRow = Selectable<DeletionRequestsTable>;
