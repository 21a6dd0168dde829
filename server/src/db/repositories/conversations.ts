import { sql, type Kysely } from 'kysely';
import type { TChatMessage, TConversation } from '@yunpin/shared';
import { caseActivityCtes } from '../../domain/cases/activity.js';
import type { ChatMessageRow, ConversationHandoff, ConversationRow, Database } from '../schema.js';

export interface ConversationView extends ConversationRow {
  organisation_name: string;
  graduate_name: string;
  recruiter_name: string;
}

export function toConversation(row: ConversationView): TConversation {
  return {
    id: row.id,
    fairId: row.fair_id,
    boothId: row.booth_id,
    organisationName: row.organisation_name,
    graduateId: row.graduate_id,
    graduateName: row.graduate_name,
    recruiterId: row.recruiter_id,
    recruiterName: row.recruiter_name,
    status: row.status,
    videoState: row.video_state,
    startedAt: row.started_at.toISOString(),
    softLimitAt: new Date(row.soft_limit_at).toISOString(),
    endedAt: row.ended_at ? new Date(row.ended_at).toISOString() : null,
  };
}

export function toChatMessage(row: ChatMessageRow): TChatMessage {
  return { id: row.id, conversationId: row.conversation_id, senderId: row.sender_id, body: row.body, sentAt: row.sent_at.toISOString() };
}

function selectView(db: Kysely<Database>) {
  return db
    .selectFrom('conversations')
    .innerJoin('booths', 'booths.id', 'conversations.booth_id')
    .innerJoin('organisations', 'organisations.id', 'booths.organisation_id')
    .innerJoin('users as g', 'g.id', 'conversations.graduate_id')
    .innerJoin('users as r', 'r.id', 'conversations.recruiter_id')
    .selectAll('conversations')
    .select(['organisations.name as organisation_name', 'g.name as graduate_name', 'r.name as recruiter_name']);
}

export function findConversation(db: Kysely<Database>, id: string): Promise<ConversationView | undefined> {
  return selectView(db).where('conversations.id', '=', id).executeTakeFirst();
}

/** Who is in a conversation and whether it is still going: enough to let someone write in it. */
export function findConversationParties(db: Kysely<Database>, id: string): Promise<Pick<ConversationRow, 'id' | 'graduate_id' | 'recruiter_id' | 'status'> | undefined> {
  return db.selectFrom('conversations').select(['id', 'graduate_id', 'recruiter_id', 'status']).where('id', '=', id).executeTakeFirst();
}

export function listActiveConversations(db: Kysely<Database>, boothId: string): Promise<ConversationView[]> {
  return selectView(db).where('conversations.booth_id', '=', boothId).where('conversations.status', '=', 'active').orderBy('conversations.started_at').execute();
}

/** Ids of the active conversations a user takes part in. */
export async function listActiveConversationIdsOf(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('conversations')
    .select('id')
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('graduate_id', '=', userId), eb('recruiter_id', '=', userId)]))
    .execute();
  return rows.map((r) => r.id);
}

export async function insertConversation(
  db: Kysely<Database>,
  c: { id: string; fairId: string; boothId: string; graduateId: string; recruiterId: string; startedAt: Date; softLimitAt: Date },
): Promise<void> {
  await db
    .insertInto('conversations')
    .values({
      id: c.id,
      fair_id: c.fairId,
      booth_id: c.boothId,
      graduate_id: c.graduateId,
      recruiter_id: c.recruiterId,
      started_at: c.startedAt,
      soft_limit_at: c.softLimitAt,
      end_reason: null,
      ended_at: null,
      notes: null,
      rating: null,
    })
    .execute();
}

/**
 * Ends an active conversation `actorId` takes part in, in one statement, returning it as it is
 * now (with the names a conversation shows). Undefined when nothing was ended: not theirs,
 * already ended, or no such conversation. The same statement writes the line in the graduate's
 * case file (`outcome` of the ending, after the organisation's name) and crosses "contacted", so
 * an ended conversation never misses its line, whatever happens to this process after the commit.
 */
export async function endActiveConversation(
  db: Kysely<Database>,
  id: string,
  actorId: string,
  o: { endedAt: Date; reason: (actorIsRecruiter: boolean) => string; outcome: (actorIsRecruiter: boolean) => string; notes?: string | undefined; rating?: number | undefined },
): Promise<ConversationView | undefined> {
  const caseLine = caseActivityCtes(
    sql`select gp.id, named.organisation_name || ' ' || case when named.recruiter_id = ${actorId} then ${o.outcome(true)}::text else ${o.outcome(false)}::text end as summary
        from named join graduate_profiles gp on gp.user_id = named.graduate_id`,
    { kind: 'conversation_ended', refId: id, at: o.endedAt },
  );
  const result = await sql<ConversationView>`
    with ended as (
      update conversations set
        status = 'ended',
        ended_at = ${o.endedAt},
        end_reason = case when recruiter_id = ${actorId} then ${o.reason(true)} else ${o.reason(false)} end,
        notes = case when recruiter_id = ${actorId} and ${o.notes ?? null}::text is not null then ${o.notes ?? null}::text else notes end,
        rating = case when recruiter_id = ${actorId} and ${o.rating ?? null}::int is not null then ${o.rating ?? null}::int else rating end
      where id = ${id} and status = 'active' and (graduate_id = ${actorId} or recruiter_id = ${actorId})
        and (recruiter_id = ${actorId} or (${o.notes ?? null}::text is null and ${o.rating ?? null}::int is null))
      returning *
    ), named as (
      select ended.*, organisations.name as organisation_name, g.name as graduate_name, r.name as recruiter_name
      from ended
      join booths on booths.id = ended.booth_id
      join organisations on organisations.id = booths.organisation_id
      join users g on g.id = ended.graduate_id
      join users r on r.id = ended.recruiter_id
    ), ${caseLine}
    select * from named`.execute(db);
  return result.rows[0];
}

export async function endConversationRow(
  db: Kysely<Database>,
  id: string,
  o: { endedAt: Date; reason: string; notes?: string | undefined; rating?: number | undefined },
): Promise<boolean> {
  const result = await db
    .updateTable('conversations')
    .set({ status: 'ended', ended_at: o.endedAt, end_reason: o.reason, ...(o.notes !== undefined ? { notes: o.notes } : {}), ...(o.rating !== undefined ? { rating: o.rating } : {}) })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateConversation(
  db: Kysely<Database>,
  id: string,
  changes: Partial<{ soft_limit_at: Date; video_state: ConversationRow['video_state']; recruiter_id: string; notes: string; rating: number }>,
): Promise<void> {
  await db.updateTable('conversations').set(changes).where('id', '=', id).execute();
}

export async function appendHandoff(db: Kysely<Database>, id: string, handoff: ConversationHandoff): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ recruiter_id: handoff.to, handoffs: sql`handoffs || ${JSON.stringify([handoff])}::jsonb` })
    .where('id', '=', id)
    .execute();
}

/**
 * The usual case of sending, in one statement: stores a new message if the sender takes part in
 * the conversation and it is still active, and returns it with both participants. Undefined when
 * nothing was stored (not a participant, ended, or the id was used before): insertChatMessage and
 * findConversationParties tell those apart.
 */
export async function insertMessageIfActive(
  db: Kysely<Database>,
  m: { id: string; conversationId: string; senderId: string; body: string; sentAt: Date },
): Promise<{ message: ChatMessageRow; graduateId: string; recruiterId: string } | undefined> {
  const result = await sql<ChatMessageRow & { graduate_id: string; recruiter_id: string }>`
    with c as (
      select id, graduate_id, recruiter_id from conversations
      where id = ${m.conversationId} and status = 'active' and (graduate_id = ${m.senderId} or recruiter_id = ${m.senderId})
    ), ins as (
      insert into chat_messages (id, conversation_id, sender_id, body, sent_at)
      select ${m.id}, c.id, ${m.senderId}, ${m.body}, ${m.sentAt} from c
      on conflict (id) do nothing
      returning *
    )
    select ins.*, c.graduate_id, c.recruiter_id from ins cross join c`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  const { graduate_id, recruiter_id, ...message } = row;
  return { message, graduateId: graduate_id, recruiterId: recruiter_id };
}

/** Stores a message once: a resend with the same client-chosen id returns the stored one. */
export async function insertChatMessage(db: Kysely<Database>, m: { id: string; conversationId: string; senderId: string; body: string; sentAt: Date }): Promise<ChatMessageRow> {
  const inserted = await db
    .insertInto('chat_messages')
    .values({ id: m.id, conversation_id: m.conversationId, sender_id: m.senderId, body: m.body, sent_at: m.sentAt })
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
  return inserted ?? db.selectFrom('chat_messages').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow();
}

export function listChatMessages(db: Kysely<Database>, conversationId: string): Promise<ChatMessageRow[]> {
  return db.selectFrom('chat_messages').selectAll().where('conversation_id', '=', conversationId).orderBy('sent_at').orderBy('id').execute();
}
