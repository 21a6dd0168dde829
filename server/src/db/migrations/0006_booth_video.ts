import { sql, type Kysely } from 'kysely';

/** Booth video: a conversation's video can also have failed (the chat goes on) or been hung up. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table conversations drop constraint conversations_video_state_check`.execute(db);
  await sql`alter table conversations add constraint conversations_video_state_check check (video_state in ('none', 'invited', 'accepted', 'declined', 'failed', 'ended'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update conversations set video_state = 'none' where video_state in ('failed', 'ended')`.execute(db);
  await sql`alter table conversations drop constraint conversations_video_state_check`.execute(db);
  await sql`alter table conversations add constraint conversations_video_state_check check (video_state in ('none', 'invited', 'accepted', 'declined'))`.execute(db);
}
