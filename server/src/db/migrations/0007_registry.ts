import { sql, type Kysely } from 'kysely';

/**
 * The registry: national ID (sealed, keyed hash for lookups, masked form for display), the
 * registered-local flag, when a file was erased at the graduate's request; hardship consents and
 * deletion requests.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('graduate_profiles')
    .addColumn('national_id_sealed', 'text')
    .addColumn('national_id_hash', 'text')
    .addColumn('national_id_masked', 'text')
    .addColumn('is_registered_local', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('erased_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('graduates_national_id_hash_idx').on('graduate_profiles').column('national_id_hash').unique().execute();

  await db.schema
    .createTable('hardship_consents')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('graduate_id', 'uuid', (c) => c.notNull().references('graduate_profiles.id').onDelete('cascade'))
    .addColumn('given_by', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull().check(sql`basis in ('written_form', 'online_form', 'in_person')`))
    .addColumn('consented_at', 'timestamptz', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('withdrawn_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('hardship_consents_graduate_idx').on('hardship_consents').column('graduate_id').execute();

  await db.schema
    .createTable('deletion_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('graduate_id', 'uuid', (c) => c.notNull().references('graduate_profiles.id'))
    .addColumn('requested_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'executed', 'rejected')`))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('removed', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('kept', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index deletion_requests_one_pending_idx on deletion_requests (graduate_id) where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('deletion_requests').execute();
  await db.schema.dropTable('hardship_consents').execute();
  await db.schema.dropIndex('graduates_national_id_hash_idx').execute();
  await db.schema
    .alterTable('graduate_profiles')
    .dropColumn('national_id_sealed')
    .dropColumn('national_id_hash')
    .dropColumn('national_id_masked')
    .dropColumn('is_registered_local')
    .dropColumn('erased_at')
    .execute();
}
