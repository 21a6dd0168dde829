import { sql, type Kysely } from 'kysely';

/**
 * Offers of employment and their signing: templates, offers, every stored version of the document
 * (by SHA-256), one signature per signer, one-time codes, and a hash-chained event trail per offer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('offer_templates')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('salary_monthly_yuan', 'integer')
    .addColumn('probation_months', 'integer')
    .addColumn('location', 'text')
    .addColumn('conditions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('valid_days', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('offer_templates_name_uq', ['organisation_id', 'name'])
    .execute();

  await sql`create sequence offer_reference_seq`.execute(db);
  await db.schema
    .createTable('offers')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'sent', 'graduate_signing', 'accepted', 'employer_signing', 'completed', 'declined', 'revoked', 'expired')`),
    )
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('salary_monthly_yuan', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('probation_months', 'integer', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('decline_reason', 'text')
    .addColumn('revoke_reason', 'text')
    /** Who countersigns: the employer's user who confirmed with a code. */
    .addColumn('countersigner_id', 'uuid', (c) => c.references('users.id'))
    /** When and from where each signer confirmed with their code: the signing time and IP of their signature. */
    .addColumn('graduate_confirmed_at', 'timestamptz')
    .addColumn('graduate_confirmed_ip', 'text')
    .addColumn('employer_confirmed_at', 'timestamptz')
    .addColumn('employer_confirmed_ip', 'text')
    .addColumn('graduate_otp_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('employer_otp_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // One offer in progress per application: a second draft or send is refused.
  await sql`create unique index offers_application_live_uq on offers (application_id) where status in ('draft', 'sent', 'graduate_signing', 'accepted', 'employer_signing')`.execute(db);
  await db.schema.createIndex('offers_organisation_idx').on('offers').columns(['organisation_id', 'created_at']).execute();

  await db.schema
    .createTable('offer_versions')
    .addColumn('offer_id', 'uuid', (c) => c.notNull().references('offers.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('rendered', 'graduate_signed', 'employer_signed', 'audit_page', 'sealed')`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('offer_versions_pk', ['offer_id', 'version'])
    .execute();
  await db.schema.createIndex('offer_versions_sha_idx').on('offer_versions').column('sha256').execute();

  await db.schema
    .createTable('offer_signatures')
    .addColumn('offer_id', 'uuid', (c) => c.notNull().references('offers.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('graduate', 'employer', 'platform')`))
    .addColumn('signer_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('otp_verified', 'boolean', (c) => c.notNull())
    .addColumn('input_version', 'integer', (c) => c.notNull())
    .addColumn('document_sha256', 'text', (c) => c.notNull())
    .addColumn('result_sha256', 'text', (c) => c.notNull())
    // One signature per signer per offer: a job run twice records once.
    .addPrimaryKeyConstraint('offer_signatures_pk', ['offer_id', 'role'])
    .execute();

  await db.schema
    .createTable('offer_otps')
    .addColumn('offer_id', 'uuid', (c) => c.notNull().references('offers.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('graduate', 'employer')`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    /** HMAC of the code; the code itself is only in the message sent. */
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('consumed_at', 'timestamptz')
    .addPrimaryKeyConstraint('offer_otps_pk', ['offer_id', 'role'])
    .execute();

  await db.schema
    .createTable('offer_events')
    .addColumn('offer_id', 'uuid', (c) => c.notNull().references('offers.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('offer_events_pk', ['offer_id', 'seq'])
    .execute();
  // The trail is append-only, as the audit log is.
  await sql`
    create function offer_events_append_only() returns trigger language plpgsql as $$
    begin raise exception 'offer_events is append-only'; end $$`.execute(db);
  await sql`create trigger offer_events_no_change before update or delete on offer_events for each row execute function offer_events_append_only()`.execute(db);
}
