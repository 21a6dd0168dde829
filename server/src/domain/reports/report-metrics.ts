import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** One graduate file as the weekly report counts it. */
export interface GraduateFacts {
  id: string;
  townId: string | null;
  isLocal: boolean;
  isLowIncome: boolean;
}

/** Graduates a metric counts, by file id. */
type MetricSet = Set<string>;

const ids = (rows: { id: string }[]): MetricSet => new Set(rows.map((r) => r.id));

/**
 * Registered: graduate files on record before the cutoff. Local means registered (户籍) in one of the
 * district's towns; low-income is the hardship flag.
 */
export async function registeredGraduates(db: Kysely<Database>, cutoff: Date): Promise<GraduateFacts[]> {
  const rows = await db.selectFrom('graduate_profiles').select(['id', 'hukou_town_id', 'is_hardship']).where('created_at', '<', cutoff).execute();
  return rows.map((r) => ({ id: r.id, townId: r.hukou_town_id, isLocal: r.hukou_town_id !== null, isLowIncome: r.is_hardship }));
}

/**
 * Contacted: the office has reached the graduate. Counted from case notes marked as contact (case
 * management), and from what the platform records of the graduate reaching it: an application or a
 * fair registration.
 */
export async function contactedGraduates(db: Kysely<Database>, cutoff: Date): Promise<MetricSet> {
  const fromPlatform = await db
    .selectFrom('graduate_profiles as g')
    .select('g.id')
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('applications as a').select('a.id').whereRef('a.graduate_id', '=', 'g.id').where('a.created_at', '<', cutoff)),
        eb.exists(eb.selectFrom('fair_registrations as r').select('r.fair_id').whereRef('r.user_id', '=', 'g.user_id').where('r.created_at', '<', cutoff)),
      ]),
    )
    .execute();
  const contacted = ids(fromPlatform);
  const notes = await sql<{ id: string }>`select distinct graduate_id as id from case_notes where is_contact and at < ${cutoff}`.execute(db);
  for (const r of notes.rows) contacted.add(r.id);
  return contacted;
}

/**
 * Served: the graduate has had a service. Counted from service records (case management), and from applications that reached an employer's decision or an interview on the platform.
 */
export async function servedGraduates(db: Kysely<Database>, cutoff: Date): Promise<MetricSet> {
  const fromPlatform = await db
    .selectFrom('applications')
    .select('graduate_id as id')
    .distinct()
    .where('status', 'in', ['interview', 'offer', 'hired'])
    .where('created_at', '<', cutoff)
    .execute();
  const served = ids(fromPlatform);
  const services = await sql<{ id: string }>`select distinct graduate_id as id from case_services where served_on < ${cutoff}`.execute(db);
  for (const r of services.rows) served.add(r.id);
  return served;
}

/** Employed: the file says so now (the status has no history to read back). */
export async function employedGraduates(db: Kysely<Database>): Promise<MetricSet> {
  return ids(await db.selectFrom('graduate_profiles').select('id').where('employment_status', '=', 'employed').execute());
}

/** Subsidies paid before the cutoff, per graduate: how many payments and how many yuan (from the ledger). */
export async function subsidiesPaid(db: Kysely<Database>, cutoff: Date): Promise<Map<string, { count: number; yuan: number }>> {
  const rows = await db
    .selectFrom('payment_ledger as p')
    .innerJoin('subsidy_claims as c', 'c.id', 'p.claim_id')
    .select(['c.graduate_id as id', (eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.sum<number>('p.amount_yuan').as('yuan')])
    .where('p.created_at', '<', cutoff)
    .groupBy('c.graduate_id')
    .execute();
  return new Map(rows.map((r) => [r.id, { count: Number(r.count), yuan: Number(r.yuan) }]));
}
