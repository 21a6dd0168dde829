import { sql, type Kysely } from 'kysely';
import { SUBSIDY_AMOUNTS_YUAN } from '@yunpin/shared';

/** The date the amounts in force until now are seeded from: before any claim the platform holds. */
const SEED_EFFECTIVE_FROM = '2020-01-01';

/**
 * Subsidy amounts as organiser settings with their history: a rate per kind and effective date
 * (Asia/Shanghai). A claim takes the rate in effect on its date and keeps its own amount, so a rate
 * never changes a claim already made. Seeded with the constants the claims were made with until now.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('subsidy_rates')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('hiring', 'job_search', 'internship')`))
    .addColumn('effective_from', 'date', (c) => c.notNull())
    .addColumn('amount_yuan', 'integer', (c) => c.notNull().check(sql`amount_yuan between 1 and 50000`))
    .addColumn('note', 'text', (c) => c.check(sql`char_length(note) <= 500`))
    /** Null for the seeded rates. */
    .addColumn('set_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('set_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // One rate per kind and day: the day's claims all take the same amount.
    .addUniqueConstraint('subsidy_rates_kind_day_uq', ['kind', 'effective_from'])
    .execute();

  for (const [kind, amount] of Object.entries(SUBSIDY_AMOUNTS_YUAN)) {
    await sql`
      insert into subsidy_rates (id, kind, effective_from, amount_yuan, note)
      values (gen_random_uuid(), ${kind}, ${SEED_EFFECTIVE_FROM}, ${amount}, '平台初始标准 The amount in force when rates became settings')
    `.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('subsidy_rates').execute();
}
