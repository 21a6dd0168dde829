import { sql, type Kysely } from 'kysely';
import type { TParsedResume, TResume, TResumeKind } from '@yunpin/shared';
import type { Database, ResumeRow } from '../schema.js';

export function toResume(row: ResumeRow, progress: number): TResume {
  return {
    id: row.id,
    graduateId: row.graduate_id,
    filename: row.filename,
    kind: row.kind,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    status: row.status,
    progress: row.status === 'parsing' ? progress : 100,
    parsed: row.parsed,
    warnings: row.warnings,
    failureCode: row.failure_code,
    failureMessage: row.failure_message,
    createdAt: row.created_at.toISOString(),
    confirmedAt: row.confirmed_at ? row.confirmed_at.toISOString() : null,
  };
}

export interface NewResume {
  id: string;
  graduate_id: string;
  filename: string;
  kind: TResumeKind;
  size_bytes: number;
  sha256: string;
}

/** Inserts unless the graduate already has this file; returns the one resume for it either way. */
export async function insertResumeOnce(db: Kysely<Database>, r: NewResume): Promise<{ row: ResumeRow; created: boolean }> {
  const inserted = await db
    .insertInto('resumes')
    .values(r)
    .onConflict((oc) => oc.columns(['graduate_id', 'sha256']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { row: inserted, created: true };
  const existing = await db.selectFrom('resumes').selectAll().where('graduate_id', '=', r.graduate_id).where('sha256', '=', r.sha256).executeTakeFirstOrThrow();
  return { row: existing, created: false };
}

export async function findResume(db: Kysely<Database>, id: string): Promise<ResumeRow | undefined> {
  return db.selectFrom('resumes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listResumes(db: Kysely<Database>, graduateId: string): Promise<ResumeRow[]> {
  return db.selectFrom('resumes').selectAll().where('graduate_id', '=', graduateId).orderBy('created_at', 'desc').orderBy('id').execute();
}

/** The graduate's newest resume that parsed (confirmed or not). */
export async function latestUsableResume(db: Kysely<Database>, graduateId: string): Promise<ResumeRow | undefined> {
  return db
    .selectFrom('resumes')
    .selectAll()
    .where('graduate_id', '=', graduateId)
    .where('status', 'in', ['parsed', 'confirmed'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
}

/** Newest usable resume of each graduate in the list. */
export async function latestUsableResumes(db: Kysely<Database>, graduateIds: string[]): Promise<Map<string, ResumeRow>> {
  if (!graduateIds.length) return new Map();
  const rows = await db
    .selectFrom('resumes')
    .selectAll()
    .where('graduate_id', 'in', graduateIds)
    .where('status', 'in', ['parsed', 'confirmed'])
    .orderBy('created_at', 'desc')
    .execute();
  const out = new Map<string, ResumeRow>();
  for (const row of rows) if (!out.has(row.graduate_id)) out.set(row.graduate_id, row);
  return out;
}

/** Records a parse outcome once: only a resume still parsing changes, so a repeated result is a no-op. */
export async function completeParse(
  db: Kysely<Database>,
  id: string,
  outcome:
    | { ok: true; parsed: TParsedResume; text: string; language: string; warnings: string[]; at: Date }
    | { ok: false; code: string; message: string; at: Date },
): Promise<boolean> {
  const set = outcome.ok
    ? { status: 'parsed' as const, parsed: JSON.stringify(outcome.parsed), text: outcome.text, language: outcome.language, warnings: JSON.stringify(outcome.warnings), parsed_at: outcome.at }
    : { status: 'failed' as const, failure_code: outcome.code, failure_message: outcome.message, parsed_at: outcome.at };
  const result = await db.updateTable('resumes').set(set).where('id', '=', id).where('status', '=', 'parsing').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function confirmResume(db: Kysely<Database>, id: string, parsed: TParsedResume, at: Date): Promise<void> {
  await db.updateTable('resumes').set({ parsed: JSON.stringify(parsed), status: 'confirmed', confirmed_at: at, revision: sql<number>`revision + 1` }).where('id', '=', id).execute();
}

export async function resetResumeForRetry(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('resumes')
    .set({ status: 'parsing', failure_code: null, failure_message: null, parsed_at: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .execute();
}
