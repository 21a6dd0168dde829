import { sql, type Kysely } from 'kysely';

/**
 * Case management: the checklist crossed off per graduate (items configurable, five seeded), its
 * history, note templates and case notes, fair activity written into the file, and service records.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_checklist_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    /** Seeded items have a key the platform crosses automatically by; organisers' own items have none. */
    .addColumn('key', 'text', (c) => c.unique())
    .addColumn('label_zh', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('is_retired', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`
    insert into case_checklist_items (id, key, label_zh, label_en, position) values
      (gen_random_uuid(), 'contacted', '已联系', 'Contacted', 1),
      (gen_random_uuid(), 'intention_recorded', '已登记求职意向', 'Intention recorded', 2),
      (gen_random_uuid(), 'service_offered', '已提供服务', 'Service offered', 3),
      (gen_random_uuid(), 'placed', '已就业', 'Placed', 4),
      (gen_random_uuid(), 'placement_verified', '就业已核实', 'Placement verified', 5)
  `.execute(db);

  /** What is crossed off now: one row per graduate and item, removed on undo (the history keeps it). */
  await db.schema
    .createTable('case_checklist_marks')
    .addColumn('graduate_id', 'uuid', (c) => c.notNull().references('graduate_profiles.id').onDelete('cascade'))
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('case_checklist_items.id').onDelete('cascade'))
    .addColumn('crossed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('crossed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .addColumn('is_automatic', 'boolean', (c) => c.notNull().defaultTo(false))
    /** For automatic crossings: what did it, e.g. `note:<id>` or `conversation:<id>`. */
    .addColumn('source', 'text')
    .addPrimaryKeyConstraint('case_checklist_marks_pk', ['graduate_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('case_checklist_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('graduate_id', 'uuid', (c) => c.notNull().references('graduate_profiles.id').onDelete('cascade'))
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('case_checklist_items.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('crossed', 'undone')`))
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .addColumn('is_automatic', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('source', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_checklist_events_graduate_idx').on('case_checklist_events').columns(['graduate_id', 'at']).execute();
  await db.schema.createIndex('case_checklist_events_actor_idx').on('case_checklist_events').columns(['actor_id', 'at']).execute();

  await db.schema
    .createTable('case_note_templates')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    /** A note from this template is a contact with the graduate (and crosses "contacted"). */
    .addColumn('is_contact', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('is_retired', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`
    insert into case_note_templates (id, title, body, is_contact, position) values
      (gen_random_uuid(), '电话联系', '电话联系毕业生，了解就业情况：', true, 1),
      (gen_random_uuid(), '上门走访', '上门走访毕业生及家庭，了解需求：', true, 2),
      (gen_random_uuid(), '情况备注', '', false, 3)
  `.execute(db);

  await db.schema
    .createTable('case_notes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('graduate_id', 'uuid', (c) => c.notNull().references('graduate_profiles.id').onDelete('cascade'))
    .addColumn('template_id', 'uuid', (c) => c.references('case_note_templates.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    /** Copied from the template when written, so a later template edit does not rewrite history. */
    .addColumn('is_contact', 'boolean', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_notes_graduate_idx').on('case_notes').columns(['graduate_id', 'at']).execute();
  await db.schema.createIndex('case_notes_author_idx').on('case_notes').columns(['author_id', 'at']).execute();

  await db.schema
    .createTable('case_activity')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('graduate_id', 'uuid', (c) => c.notNull().references('graduate_profiles.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    // A retried caller writes the same row again: kept once.
    .addUniqueConstraint('case_activity_once_uq', ['graduate_id', 'kind', 'ref_id'])
    .execute();
  await db.schema.createIndex('case_activity_graduate_idx').on('case_activity').columns(['graduate_id', 'at']).execute();

  await db.schema
    .createTable('case_services')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('graduate_id', 'uuid', (c) => c.notNull().references('graduate_profiles.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('job_introduction', 'career_guidance', 'vocational_training', 'internship', 'startup_coaching')`),
    )
    .addColumn('served_on', 'date', (c) => c.notNull())
    .addColumn('provider', 'text')
    .addColumn('caseworker_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('job_id', 'uuid', (c) => c.references('jobs.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_services_graduate_idx').on('case_services').columns(['graduate_id', 'served_on']).execute();
  await db.schema.createIndex('case_services_caseworker_idx').on('case_services').columns(['caseworker_id', 'served_on']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['case_services', 'case_activity', 'case_notes', 'case_note_templates', 'case_checklist_events', 'case_checklist_marks', 'case_checklist_items']) {
    await db.schema.dropTable(table).execute();
  }
}
