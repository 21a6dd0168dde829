import { sql, type Kysely } from 'kysely';

/**
 * Subsidies, follow-ups and the weekly report: placements (a hire and any later job change), follow-up
 * tasks at 1/3/6/12 months with both parties' answers, subsidy claims with a payment ledger, and the
 * weekly reports with their figures as rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('placements')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('graduate_id', 'uuid', (c) => c.notNull().references('graduate_profiles.id').onDelete('cascade'))
    /** The platform's employer, or null for an employer outside the platform (a job change). */
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('employer_name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('offer_id', 'uuid', (c) => c.unique().references('offers.id'))
    .addColumn('previous_placement_id', 'uuid', (c) => c.references('placements.id'))
    .addColumn('ended_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('placements_graduate_idx').on('placements').columns(['graduate_id', 'created_at']).execute();

  await db.schema
    .createTable('followups')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('placement_id', 'uuid', (c) => c.notNull().references('placements.id').onDelete('cascade'))
    .addColumn('month', 'integer', (c) => c.notNull().check(sql`month in (1, 3, 6, 12)`))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('graduate_answer', 'jsonb')
    .addColumn('graduate_answered_at', 'timestamptz')
    .addColumn('employer_answer', 'jsonb')
    .addColumn('employer_answered_at', 'timestamptz')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'confirmed', 'mismatch')`))
    .addColumn('mismatches', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // One task per placement and month: a delayed job run twice creates one.
    .addUniqueConstraint('followups_placement_month_uq', ['placement_id', 'month'])
    .execute();

  await db.schema
    .createTable('subsidy_claims')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('hiring', 'job_search', 'internship')`))
    .addColumn('graduate_id', 'uuid', (c) => c.notNull().references('graduate_profiles.id'))
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('offer_id', 'uuid', (c) => c.references('offers.id'))
    /** The sealed offer's SHA-256 (hiring subsidies): the claim is tied to that contract. */
    .addColumn('contract_sha256', 'text')
    .addColumn('position', 'text')
    .addColumn('start_date', 'date')
    .addColumn('amount_yuan', 'integer', (c) => c.notNull().check(sql`amount_yuan > 0`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('submitted').check(sql`status in ('submitted', 'eligible', 'ineligible', 'approved', 'rejected', 'paid')`),
    )
    .addColumn('eligibility', 'jsonb')
    .addColumn('claimed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('checked_at', 'timestamptz')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('paid_at', 'timestamptz')
    .execute();
  // One live claim per kind, graduate and employer/contract; a rejected claim may be made again.
  await sql`create unique index subsidy_claims_once_uq on subsidy_claims (kind, graduate_id, coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(contract_sha256, '')) where status not in ('rejected', 'ineligible')`.execute(db);
  await db.schema.createIndex('subsidy_claims_status_idx').on('subsidy_claims').columns(['status', 'approved_at']).execute();

  await db.schema
    .createTable('payment_ledger')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    /** Paying twice with the same key records one entry. */
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('claim_id', 'uuid', (c) => c.notNull().references('subsidy_claims.id'))
    .addColumn('amount_yuan', 'integer', (c) => c.notNull())
    .addColumn('payee', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // A claim is paid once, whatever the key.
  await db.schema.createIndex('payment_ledger_claim_uq').on('payment_ledger').column('claim_id').unique().execute();

  await db.schema
    .createTable('weekly_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    /** The Monday (Asia/Shanghai) the report's week starts on; one report per week. */
    .addColumn('week_start', 'date', (c) => c.notNull().unique())
    .addColumn('generated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('weekly_report_rows')
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('weekly_reports.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('town', 'region', 'district')`))
    .addColumn('scope_id', 'uuid')
    .addColumn('scope_name', 'text', (c) => c.notNull())
    .addColumn('group', 'text', (c) => c.notNull().check(sql`"group" in ('all', 'local', 'low_income')`))
    .addColumn('registered', 'integer', (c) => c.notNull())
    .addColumn('contacted', 'integer', (c) => c.notNull())
    .addColumn('served', 'integer', (c) => c.notNull())
    .addColumn('employed', 'integer', (c) => c.notNull())
    .addColumn('subsidies_paid', 'integer', (c) => c.notNull())
    .addColumn('subsidies_paid_yuan', 'integer', (c) => c.notNull())
    .execute();
  await sql`create unique index weekly_report_rows_uq on weekly_report_rows (report_id, scope, coalesce(scope_id, '00000000-0000-0000-0000-000000000000'::uuid), "group")`.execute(db);
}
