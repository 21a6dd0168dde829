import { sql, type Kysely } from 'kysely';

/** Job fairs: hosts, registrations, booths with representatives and rota, conversations, booth inbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fairs')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('district', 'region', 'town')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published', 'live', 'ended')`))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn('priority_lanes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('call_timeout_seconds', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('fairs_time_order', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('fairs_starts_idx').on('fairs').column('starts_at').execute();

  await db.schema
    .createTable('fair_hosts')
    .addColumn('fair_id', 'uuid', (c) => c.notNull().references('fairs.id').onDelete('cascade'))
    .addColumn('town_id', 'uuid', (c) => c.references('towns.id'))
    .addColumn('region_id', 'uuid', (c) => c.references('regions.id'))
    .addCheckConstraint('fair_hosts_one_kind', sql`(town_id is null) <> (region_id is null)`)
    .execute();
  await db.schema.createIndex('fair_hosts_fair_idx').on('fair_hosts').column('fair_id').execute();

  await db.schema
    .createTable('fair_registrations')
    .addColumn('fair_id', 'uuid', (c) => c.notNull().references('fairs.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('fair_registrations_pk', ['fair_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('booths')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('fair_id', 'uuid', (c) => c.notNull().references('fairs.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('applied').check(sql`status in ('applied', 'approved', 'rejected')`))
    .addColumn('profile', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('jobs', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('max_concurrent_chats', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('soft_limit_minutes', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('review_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('booths_one_per_employer', ['fair_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('booth_representatives')
    .addColumn('booth_id', 'uuid', (c) => c.notNull().references('booths.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('booth_representatives_pk', ['booth_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('booth_rota')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('booth_id', 'uuid', (c) => c.notNull().references('booths.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('booth_rota_time_order', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('booth_rota_booth_idx').on('booth_rota').columns(['booth_id', 'starts_at']).execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('fair_id', 'uuid', (c) => c.notNull().references('fairs.id'))
    .addColumn('booth_id', 'uuid', (c) => c.notNull().references('booths.id'))
    .addColumn('graduate_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('recruiter_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'ended')`))
    .addColumn('video_state', 'text', (c) => c.notNull().defaultTo('none').check(sql`video_state in ('none', 'invited', 'accepted', 'declined')`))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('soft_limit_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('rating', 'integer', (c) => c.check(sql`rating between 1 and 5`))
    .addColumn('handoffs', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await db.schema.createIndex('conversations_booth_idx').on('conversations').columns(['booth_id', 'status']).execute();
  await db.schema.createIndex('conversations_graduate_idx').on('conversations').column('graduate_id').execute();

  await db.schema
    .createTable('chat_messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('conversation_id', 'uuid', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('sender_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('chat_messages_conversation_idx').on('chat_messages').columns(['conversation_id', 'sent_at']).execute();

  await db.schema
    .createTable('booth_messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('booth_id', 'uuid', (c) => c.notNull().references('booths.id').onDelete('cascade'))
    .addColumn('graduate_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('replied_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('replied_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('booth_messages_booth_idx').on('booth_messages').column('booth_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['booth_messages', 'chat_messages', 'conversations', 'booth_rota', 'booth_representatives', 'booths', 'fair_registrations', 'fair_hosts', 'fairs']) {
    await db.schema.dropTable(table).ifExists().cascade().execute();
  }
}
