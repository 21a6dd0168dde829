import type { Kysely } from 'kysely';
import type { TBoothInboxQuery, TBoothMessage, TPage, TPageQuery, TSentBoothMessage } from '@yunpin/shared';
import type { BoothMessageRow, Database } from '../schema.js';
import { paginate } from '../paginate.js';

/** A booth message with the booth's fair and employer, and the names both sides show. */
export interface BoothMessageView extends BoothMessageRow {
  fair_id: string;
  organisation_id: string;
  organisation_name: string;
  graduate_name: string;
}

export function toBoothMessage(row: BoothMessageView): TBoothMessage {
  return {
    id: row.id,
    boothId: row.booth_id,
    fairId: row.fair_id,
    organisationId: row.organisation_id,
    graduateId: row.graduate_id,
    graduateName: row.graduate_name,
    body: row.body,
    reply: row.reply,
    repliedAt: row.replied_at ? new Date(row.replied_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function toSentBoothMessage(row: BoothMessageView): TSentBoothMessage {
  return { ...toBoothMessage(row), organisationName: row.organisation_name };
}

function selectView(db: Kysely<Database>) {
  return db
    .selectFrom('booth_messages')
    .innerJoin('booths', 'booths.id', 'booth_messages.booth_id')
    .innerJoin('organisations', 'organisations.id', 'booths.organisation_id')
    .innerJoin('users', 'users.id', 'booth_messages.graduate_id');
}

function withColumns<T extends ReturnType<typeof selectView>>(q: T) {
  return q
    .selectAll('booth_messages')
    .select(['booths.fair_id', 'booths.organisation_id', 'organisations.name as organisation_name', 'users.name as graduate_name']);
}

export function findBoothMessage(db: Kysely<Database>, id: string): Promise<BoothMessageView | undefined> {
  return withColumns(selectView(db)).where('booth_messages.id', '=', id).executeTakeFirst();
}

export async function insertBoothMessage(db: Kysely<Database>, m: { id: string; boothId: string; graduateId: string; body: string; createdAt: Date }): Promise<void> {
  await db
    .insertInto('booth_messages')
    .values({ id: m.id, booth_id: m.boothId, graduate_id: m.graduateId, body: m.body, reply: null, replied_by: null, replied_at: null, created_at: m.createdAt })
    .execute();
}

/** Records the reply once: false when someone answered it first. */
export async function setBoothMessageReply(db: Kysely<Database>, id: string, r: { reply: string; repliedBy: string; repliedAt: Date }): Promise<boolean> {
  const result = await db
    .updateTable('booth_messages')
    .set({ reply: r.reply, replied_by: r.repliedBy, replied_at: r.repliedAt })
    .where('id', '=', id)
    .where('reply', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An employer's inbox across all its booths, newest first. */
export function listInbox(db: Kysely<Database>, organisationId: string, query: TBoothInboxQuery): Promise<TPage<BoothMessageView>> {
  let q = selectView(db).where('booths.organisation_id', '=', organisationId);
  if (query.unanswered !== undefined) q = q.where('booth_messages.reply', query.unanswered ? 'is' : 'is not', null);
  if (query.fairId) q = q.where('booths.fair_id', '=', query.fairId);
  return paginate(q, query, (b) => withColumns(b).orderBy('booth_messages.created_at', 'desc').orderBy('booth_messages.id', 'desc'));
}

/** The messages a graduate has left at booths, newest first, with any replies. */
export function listSentBoothMessages(db: Kysely<Database>, graduateId: string, page: TPageQuery): Promise<TPage<BoothMessageView>> {
  const q = selectView(db).where('booth_messages.graduate_id', '=', graduateId);
  return paginate(q, page, (b) => withColumns(b).orderBy('booth_messages.created_at', 'desc').orderBy('booth_messages.id', 'desc'));
}
