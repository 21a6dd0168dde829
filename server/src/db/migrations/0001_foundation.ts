import { sql, type Kysely } from 'kysely';

/** Foundation: geography, organisations, users and sessions, the graduate file, the audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('towns')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('subdistrict', 'town', 'dev_zone')`))
    .addColumn('is_dev_zone', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('region_id', 'uuid', (c) => c.references('regions.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('credit_code', 'text', (c) => c.unique())
    .addColumn('industry', 'text')
    .addColumn('town_id', 'uuid', (c) => c.notNull().references('towns.id'))
    .addColumn('is_verified', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('organisations_town_idx').on('organisations').column('town_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('graduate', 'recruiter', 'employer_admin', 'caseworker', 'organiser', 'admin')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.unique())
    .addColumn('email', 'text', (c) => c.unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('region_id', 'uuid', (c) => c.references('regions.id'))
    .addColumn('is_disabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('users_login_present', sql`phone is not null or email is not null`)
    .addCheckConstraint(
      'users_employer_has_org',
      sql`(role in ('recruiter', 'employer_admin')) = (organisation_id is not null)`,
    )
    .execute();

  await db.schema
    .createTable('caseworker_towns')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('town_id', 'uuid', (c) => c.notNull().references('towns.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('caseworker_towns_pk', ['user_id', 'town_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('graduate_profiles')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.unique().references('users.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('school', 'text')
    .addColumn('major', 'text')
    .addColumn('degree', 'text', (c) =>
      c.check(sql`degree in ('junior_college', 'bachelor', 'master', 'doctorate', 'other')`),
    )
    .addColumn('graduation_year', 'integer')
    .addColumn('hukou_town_id', 'uuid', (c) => c.references('towns.id'))
    .addColumn('job_intention', 'text')
    .addColumn('training_needs', 'text')
    .addColumn('is_hardship', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('employment_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('unemployed')
        .check(sql`employment_status in ('unemployed', 'employed', 'further_study', 'not_seeking')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('graduates_town_idx').on('graduate_profiles').column('hukou_town_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_id', 'uuid')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('audit_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();

  // Append-only: the database itself refuses to change or remove history.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_change before update or delete or truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'graduate_profiles', 'sessions', 'caseworker_towns', 'users', 'organisations', 'towns', 'regions']) {
    await db.schema.dropTable(table).ifExists().cascade().execute();
  }
  await sql`drop function if exists audit_log_append_only()`.execute(db);
}
