import { sql, type Kysely } from 'kysely';

/** Cloud interviews: slots an employer publishes, and the one booking each can take. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('interview_slots')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('job_id', 'uuid', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('interviewer_ids', sql`uuid[]`, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'booked', 'cancelled')`))
    /** The media room's name: random, never derived from ids, so nobody can guess a room. */
    .addColumn('room_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('interview_slots_time_order', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('interview_slots_job_idx').on('interview_slots').columns(['job_id', 'starts_at']).execute();

  await db.schema
    .createTable('interview_bookings')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('slot_id', 'uuid', (c) => c.notNull().references('interview_slots.id').onDelete('cascade'))
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('booked').check(sql`status in ('booked', 'cancelled', 'completed', 'callback')`))
    .addColumn('booked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('callback_at', 'timestamptz')
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('pass', 'hold', 'fail')`))
    .addColumn('scorecard', 'jsonb')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .execute();
  // One live booking per slot, and one per application: two graduates racing for a slot get one winner.
  await sql`create unique index interview_bookings_slot_live_uq on interview_bookings (slot_id) where status <> 'cancelled'`.execute(db);
  await sql`create unique index interview_bookings_application_live_uq on interview_bookings (application_id) where status in ('booked', 'callback')`.execute(db);
}
