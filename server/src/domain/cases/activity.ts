import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { TCaseActivityKind } from '@yunpin/shared';
import type { Database } from '../../db/schema.js';

/** The graduate by file, by account, or as the applicant of an application. */
export type CaseActivityGraduate = { graduateId: string } | { graduateUserId: string } | { applicationId: string };

export interface CaseActivity {
  kind: TCaseActivityKind;
  /** What the activity is about (a fair, conversation, booking, offer or follow-up id); one row per graduate, kind and ref. */
  refId: string;
  summary: string;
  at: Date;
}

/** The seeded checklist items (migration 0008) the platform crosses automatically by key. */
export type SeededItemKey = 'contacted' | 'intention_recorded' | 'service_offered' | 'placed' | 'placement_verified';

/**
 * Activity that crosses a seeded item automatically (unless crossed already or retired), and the
 * source recorded with the crossing (`<prefix>:<ref id>`): an ended booth conversation is contact, a
 * countersigned offer a placement, a follow-up both sides confirmed alike a verified placement.
 */
const AUTO_CROSS: Partial<Record<TCaseActivityKind, { key: SeededItemKey; source: string }>> = {
  conversation_ended: { key: 'contacted', source: 'conversation' },
  offer_completed: { key: 'placed', source: 'offer' },
  followup_confirmed: { key: 'placement_verified', source: 'followup' },
};

/** Activity that is contact with the graduate (it crosses "contacted"). */
export const CONTACT_ACTIVITY_KINDS = (Object.keys(AUTO_CROSS) as TCaseActivityKind[]).filter((kind) => AUTO_CROSS[kind]?.key === 'contacted');

/**
 * The CTEs that cross seeded items automatically for the graduates `fromCte` returns (a column
 * graduate_id), with a history event each, unless crossed already or retired. One statement.
 */
export function autoCrossCtes(fromCte: string, keys: SeededItemKey | SeededItemKey[], source: string, at: Date): RawBuilder<unknown> {
  const list = Array.isArray(keys) ? keys : [keys];
  return sql`
    auto_item as (select id from case_checklist_items where key in (${sql.join(list)}) and not is_retired),
    auto_mark as (
      insert into case_checklist_marks (graduate_id, item_id, crossed_at, is_automatic, source)
      select src.graduate_id, auto_item.id, ${at.toISOString()}::timestamptz, true, ${source} from ${sql.table(fromCte)} src, auto_item
      on conflict do nothing
      returning graduate_id, item_id
    ),
    auto_event as (
      insert into case_checklist_events (id, graduate_id, item_id, action, is_automatic, source, at)
      select gen_random_uuid(), graduate_id, item_id, 'crossed', true, ${source}, ${at.toISOString()}::timestamptz from auto_mark
      returning id
    )`;
}

/**
 * The CTEs that write one line of platform activity into the case file of each graduate `who`
 * selects (a column id, and a column summary when the activity brings none), named `act`, and
 * cross its item when the kind is in `AUTO_CROSS`. A statement that changes something else can
 * carry them, so the change and its line are written together or not at all.
 */
export function caseActivityCtes(who: RawBuilder<unknown>, activity: Omit<CaseActivity, 'summary'> & { summary?: string }): RawBuilder<unknown> {
  const insert = sql`
    act as (
      insert into case_activity (graduate_id, kind, ref_id, summary, at)
      select id, ${activity.kind}, ${activity.refId}, ${activity.summary ?? sql`summary`}, ${activity.at.toISOString()}::timestamptz from (${who}) g
      on conflict (graduate_id, kind, ref_id) do nothing
      returning graduate_id
    )`;
  const cross = AUTO_CROSS[activity.kind];
  return cross ? sql`${insert}, ${autoCrossCtes('act', cross.key, `${cross.source}:${activity.refId}`, activity.at)}` : insert;
}

/**
 * Writes one line of platform activity into a graduate's case file. Called from the fair, live-fair,
 * interview, offer and follow-up code, inside their transaction where they have one; a retried
 * caller changes nothing (unique on graduate, kind and ref). Activity in `AUTO_CROSS` also crosses
 * its item, the first time only. One statement, so it costs one round trip on hot paths.
 */
export async function recordCaseActivity(db: Kysely<Database>, graduate: CaseActivityGraduate, activity: CaseActivity): Promise<void> {
  const who =
    'graduateId' in graduate
      ? sql`select id from graduate_profiles where id = ${graduate.graduateId}`
      : 'graduateUserId' in graduate
        ? sql`select id from graduate_profiles where user_id = ${graduate.graduateUserId}`
        : sql`select graduate_id as id from applications where id = ${graduate.applicationId}`;
  await sql`with ${caseActivityCtes(who, activity)} select 1`.execute(db);
}

const END_REASON_TEXT: Record<string, string> = {
  recruiter_ended: '招聘方结束 ended by the recruiter',
  graduate_ended: '毕业生结束 ended by the graduate',
};

/** How a booth conversation ended, and its rating: its case-file line after the organisation's name. */
export function conversationOutcome(endReason: string | null, rating: number | null): string {
  const reason = endReason ? (END_REASON_TEXT[endReason] ?? endReason) : '';
  return `展位交谈 Booth conversation: ${reason}${rating === null ? '' : `，评分 rating ${rating}/5`}`;
}

/** The case file's line for a booth conversation that ended, with its outcome. */
export function conversationSummary(c: { organisation_name: string; end_reason: string | null; rating: number | null }): string {
  return `${c.organisation_name} ${conversationOutcome(c.end_reason, c.rating)}`;
}
