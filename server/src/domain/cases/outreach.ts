import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { CONTACT_ACTIVITY_KINDS } from './activity.js';

/**
 * "Contacted" and "served", defined once. The case file's last contact, the caseload's "no contact in
 * 14 days", the caseworkers' workload, the dashboard's services goal and the weekly report all read
 * these builders: live (no cutoff), or as they stood at a cutoff (the weekly report's Monday 00:00).
 */
export interface OutreachScope {
  /** One graduate: the alias of `graduate_profiles` in the surrounding query (correlated). All graduates when absent. */
  graduate?: string;
  /** Only what happened before this moment. */
  cutoff?: Date;
}

/** When a service counts as given: the start of its date in the district's calendar (Asia/Shanghai). */
const SERVICE_AT = sql<Date>`(s.served_on::timestamp at time zone 'Asia/Shanghai')`;

function where(alias: string, at: RawBuilder<unknown>, scope: OutreachScope, own: RawBuilder<unknown>[] = []): RawBuilder<SqlBool> {
  const conditions = [...own];
  if (scope.graduate) conditions.push(sql`${sql.ref(`${alias}.graduate_id`)} = ${sql.ref(`${scope.graduate}.id`)}`);
  if (scope.cutoff) conditions.push(sql`${at} < ${scope.cutoff.toISOString()}::timestamptz`);
  return conditions.length ? sql<SqlBool>`${sql.join(conditions, sql` and `)}` : sql<SqlBool>`true`;
}

/**
 * Services recorded (job introduction, career guidance, training, internship, start-up coaching), as
 * rows (graduate_id, at). Activity on the platform (applications, interviews) is the graduate's own,
 * not a service by the office.
 */
export function servicesSql(scope: OutreachScope = {}): RawBuilder<{ graduate_id: string; at: Date }> {
  return sql`select s.graduate_id, ${SERVICE_AT} as at from case_services s where ${where('s', SERVICE_AT, scope)}`;
}

/**
 * Contact with a graduate, as rows (graduate_id, at): a case note from a contact template, platform
 * activity that is contact (an ended booth conversation), a service (given to a graduate the office
 * reached), or "contacted" crossed by hand (a crossing that stands; an undone one was a mistake).
 * Everything here but the hand crossing crosses "contacted" automatically, so the checklist, the
 * last contact and the counts agree.
 */
export function contactsSql(scope: OutreachScope = {}): RawBuilder<{ graduate_id: string; at: Date }> {
  return sql`
    select n.graduate_id, n.at from case_notes n where ${where('n', sql`n.at`, scope, [sql`n.is_contact`])}
    union all
    select a.graduate_id, a.at from case_activity a where ${where('a', sql`a.at`, scope, [sql`a.kind in (${sql.join(CONTACT_ACTIVITY_KINDS)})`])}
    union all
    ${servicesSql(scope)}
    union all
    select m.graduate_id, m.crossed_at as at from case_checklist_marks m join case_checklist_items i on i.id = m.item_id
      where ${where('m', sql`m.crossed_at`, scope, [sql`i.key = 'contacted'`, sql`not m.is_automatic`])}`;
}

/** Whether graduate `g` (a `graduate_profiles` alias) has been contacted (before the cutoff). */
export function contactedSql(g: string, cutoff?: Date): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (${contactsSql({ graduate: g, cutoff })})`;
}

/** Whether graduate `g` (a `graduate_profiles` alias) has had at least one service (before the cutoff). */
export function servedSql(g: string, cutoff?: Date): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (${servicesSql({ graduate: g, cutoff })})`;
}
