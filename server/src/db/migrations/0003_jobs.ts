import { sql, type Kysely } from 'kysely';

/** Jobs with full-text search, resumes, applications with their history, and screening results. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('graduate_profiles')
    .addColumn('discoverable', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('requirements', 'jsonb', (c) => c.notNull())
    /** Bumped whenever the requirements change; screening results carry the version they scored. */
    .addColumn('requirements_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('town_id', 'uuid', (c) => c.notNull().references('towns.id'))
    .addColumn('salary_min', 'integer', (c) => c.notNull())
    .addColumn('salary_max', 'integer', (c) => c.notNull())
    .addColumn('headcount', 'integer', (c) => c.notNull().check(sql`headcount > 0`))
    .addColumn('deadline', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'review', 'published', 'closed')`))
    .addColumn('review_note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    /** Space-joined tokens from a Chinese segmenter plus Latin words; written by the application. */
    .addColumn('search_tokens', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search', sql`tsvector`, (c) => c.generatedAlwaysAs(sql`to_tsvector('simple', search_tokens)`).stored())
    .addCheckConstraint('jobs_salary_order', sql`salary_max >= salary_min and salary_min >= 0`)
    .execute();
  await db.schema.createIndex('jobs_search_idx').on('jobs').using('gin').column('search').execute();
  await db.schema.createIndex('jobs_org_idx').on('jobs').columns(['organisation_id', 'status']).execute();
  await db.schema.createIndex('jobs_status_idx').on('jobs').columns(['status', 'published_at']).execute();

  await db.schema
    .createTable('resumes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('graduate_id', 'uuid', (c) => c.notNull().references('graduate_profiles.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('pdf', 'docx')`))
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('parsing').check(sql`status in ('parsing', 'parsed', 'confirmed', 'failed')`))
    .addColumn('parsed', 'jsonb')
    .addColumn('text', 'text')
    .addColumn('language', 'text')
    .addColumn('warnings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('failure_code', 'text')
    .addColumn('failure_message', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('parsed_at', 'timestamptz')
    .addColumn('confirmed_at', 'timestamptz')
    /** Bumped when the graduate corrects the parsed profile; screening results carry the revision they scored. */
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    /** The same file uploaded twice by the same graduate is one resume. */
    .addUniqueConstraint('resumes_graduate_file_uq', ['graduate_id', 'sha256'])
    .execute();

  await db.schema
    .createTable('applications')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('job_id', 'uuid', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('graduate_id', 'uuid', (c) => c.notNull().references('graduate_profiles.id').onDelete('cascade'))
    .addColumn('resume_id', 'uuid', (c) => c.references('resumes.id').onDelete('set null'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('new').check(sql`status in ('new', 'screened', 'interview', 'offer', 'hired', 'rejected', 'withdrawn')`),
    )
    .addColumn('cover_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('review_requested_at', 'timestamptz')
    .addColumn('review_request_reason', 'text')
    .addColumn('explanation_requested_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    /** One application per graduate per job; withdrawing and applying again reuses it. */
    .addUniqueConstraint('applications_job_graduate_uq', ['job_id', 'graduate_id'])
    .execute();
  await db.schema.createIndex('applications_graduate_idx').on('applications').column('graduate_id').execute();
  await db.schema.createIndex('applications_job_status_idx').on('applications').columns(['job_id', 'status']).execute();

  await db.schema
    .createTable('application_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('application_events_app_idx').on('application_events').columns(['application_id', 'id']).execute();

  await db.schema
    .createTable('screenings')
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('requirements_version', 'integer', (c) => c.notNull())
    .addColumn('resume_id', 'uuid', (c) => c.notNull())
    .addColumn('resume_revision', 'integer', (c) => c.notNull())
    .addColumn('scorer_version', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addColumn('screened_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    /** A job that runs twice (a worker killed mid-job) writes one row. */
    .addPrimaryKeyConstraint('screenings_pk', ['application_id', 'requirements_version', 'resume_id', 'resume_revision', 'scorer_version'])
    .execute();
}
