import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { TCaseActivityKind } from '@yunpin/shared';
import type { Database } from '../../db/schema.js';

/** The graduate by file, by account, or as the applicant of an application. */
export type CaseActivityGraduate = { graduateId: string } | { graduateUserId: string } | { applicationId: string };

export interface CaseActivity {
  kind: TCaseActivityKind;
  /** What the activity is about (a fair, conversation, booking or offer id); one row per graduate, kind and ref. */
  refId: string;
  summary: string;
  at: Date;
}

/** Activity that is contact with the graduate: it crosses "contacted" automatically when not yet crossed. */
const CONTACT_KINDS: ReadonlySet<TCaseActivityKind> = new Set(['conversation_ended']);

/**
 * The CTEs that cross a seeded item automatically for the graduates `fromCte` returns (a column
 * graduate_id), with a history event, unless it is crossed already or retired. One statement.
 */
export function autoCrossCtes(fromCte: string, key: string, source: string, at: Date): RawBuilder<unknown> {
  return sql`
    auto_item as (select id from case_checklist_items where key = ${key} and not is_retired),
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
 * Writes one line of fair activity into a graduate's case file. Called from the fair, live-fair,
 * interview and offer code, inside their transaction where they have one; a retried caller changes
 * nothing (unique on graduate, kind and ref). Contact activity also crosses "contacted". One
 * statement, so it costs one round trip on hot paths.
 */
export async function recordCaseActivity(db: Kysely<Database>, graduate: CaseActivityGraduate, activity: CaseActivity): Promise<void> {
  const who =
    'graduateId' in graduate
      ? sql`select id from graduate_profiles where id = ${graduate.graduateId}`
      : 'graduateUserId' in graduate
        ? sql`select id from graduate_profiles where user_id = ${graduate.graduateUserId}`
        : sql`select graduate_id as id from applications where id = ${graduate.applicationId}`;
  const at = activity.at.toISOString();
  const insert = sql`
    act as (
      insert into case_activity (graduate_id, kind, ref_id, summary, at)
      select id, ${activity.kind}, ${activity.refId}, ${activity.summary}, ${at}::timestamptz from (${who}) g
      on conflict (graduate_id, kind, ref_id) do nothing
      returning graduate_id
    )`;
  const query = CONTACT_KINDS.has(activity.kind)
    ? sql`with ${insert}, ${autoCrossCtes('act', 'contacted', `${activity.kind === 'conversation_ended' ? 'conversation' : activity.kind}:${activity.refId}`, activity.at)} select 1`
    : sql`with ${insert} select 1`;
  await query.execute(db);
}

const END_REASON_TEXT: Record<string, string> = {
  recruiter_ended: '招聘方结束 ended by the recruiter',
  graduate_ended: '毕业生结束 ended by the graduate',
};

/** The case file's line for a booth conversation that ended, with its outcome. */
export function conversationSummary(c: { organisation_name: string; end_reason: string | null; rating: number | null }): string {
  const reason = c.end_reason ? (END_REASON_TEXT[c.end_reason] ?? c.end_reason) : '';
  return `${c.organisation_name} 展位交谈 Booth conversation: ${reason}${c.rating === null ? '' : `，评分 rating ${c.rating}/5`}`;
}
