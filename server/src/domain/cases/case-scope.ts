import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { AppError, type TSessionUser } from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { Database, GraduateRow } from '../../db/schema.js';
import { findGraduate } from '../../db/repositories/graduates.js';
import { policy } from '../../policy.js';
import { contactsSql } from './outreach.js';

/** Days without contact after which a graduate shows in the "no contact" filter and workload. */
export const NO_CONTACT_DAYS = 14;

/** A case file the actor may read (404 otherwise); with `edit`, one they may also keep (403 if read-only). */
export async function loadCaseGraduate(ctx: AppContext, actor: TSessionUser, id: string, mode: 'read' | 'edit'): Promise<GraduateRow> {
  const row = await findGraduate(ctx.db, id);
  if (!row || !policy.canReadCaseFile(actor, row)) throw AppError.notFound('Case file');
  if (mode === 'edit' && !policy.canEditCaseFile(actor, row)) throw AppError.forbidden('You may read this case file but not keep it');
  return row;
}

/** The latest contact with a graduate (see `contactsSql`), or null. `g` is the graduate_profiles alias in the surrounding query. */
export function lastContactSql(g: string): RawBuilder<Date | null> {
  return sql<Date | null>`(select max(c.at) from (${contactsSql({ graduate: g })}) c)`;
}

/** Whether the graduate has had no contact since `since`. */
export function noContactSinceSql(g: string, since: Date): RawBuilder<SqlBool> {
  return sql<SqlBool>`coalesce(${lastContactSql(g)} < ${since.toISOString()}::timestamptz, true)`;
}

export function noContactCutoff(now: Date): Date {
  return new Date(now.getTime() - NO_CONTACT_DAYS * 24 * 3600_000);
}

/** Items in use, in order. */
export function activeItems(db: Kysely<Database>) {
  return db.selectFrom('case_checklist_items').selectAll().where('is_retired', '=', false).orderBy('position').orderBy('created_at');
}

