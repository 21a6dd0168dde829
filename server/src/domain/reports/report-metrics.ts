import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { FieldCrypto } from '../../services/field-crypto.js';
import { contactedSql, servedSql } from '../cases/outreach.js';
import { GOAL_SQL, IS_FILE } from '../dashboard/goal-counts.js';

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
 * Registered: graduate files on record before the cutoff and not erased (as the dashboard counts
 * files). Local is the registry's 户籍-in-the-district flag (the dashboard's "local" group);
 * low-income is the hardship status, opened with the field key (one batch).
 */
export async function registeredGraduates(db: Kysely<Database>, cutoff: Date, crypto: Pick<FieldCrypto, 'openFlags'>): Promise<GraduateFacts[]> {
  const rows = await db.selectFrom('graduate_profiles').select(['id', 'hukou_town_id', 'is_registered_local', 'hardship_sealed']).where(IS_FILE).where('created_at', '<', cutoff).execute();
  const hardship = await crypto.openFlags(rows.map((r) => r.hardship_sealed));
  return rows.map((r, i) => ({ id: r.id, townId: r.hukou_town_id, isLocal: r.is_registered_local, isLowIncome: hardship[i]! }));
}

/** Graduate files (not erased) that meet a condition on `graduate_profiles`. */
async function filesWhere(db: Kysely<Database>, condition: RawBuilder<SqlBool>): Promise<MetricSet> {
  return ids(await db.selectFrom('graduate_profiles').select('id').where(IS_FILE).where(condition).execute());
}

/**
 * Contacted: graduates looking for work (the services goal's population) whom the office had reached
 * before the cutoff — a contact note, a booth conversation, a service, or "contacted" crossed by hand
 * (`contactedSql`, the same contact the caseload's last contact and "no contact in 14 days" read).
 */
export async function contactedGraduates(db: Kysely<Database>, cutoff: Date): Promise<MetricSet> {
  return filesWhere(db, sql<SqlBool>`${GOAL_SQL.unemployed} and ${contactedSql('graduate_profiles', cutoff)}`);
}

/**
 * Served: graduates looking for work with at least one service recorded before the cutoff
 * (`servedSql`): the dashboard's "services 100% delivered", done. Platform activity such as
 * applications and interviews is the graduate's own, not a service.
 */
export async function servedGraduates(db: Kysely<Database>, cutoff: Date): Promise<MetricSet> {
  return filesWhere(db, sql<SqlBool>`${GOAL_SQL.unemployed} and ${servedSql('graduate_profiles', cutoff)}`);
}

/** Employed: the file says so now (the status has no history to read back), as the dashboard counts it. */
export async function employedGraduates(db: Kysely<Database>): Promise<MetricSet> {
  return filesWhere(db, sql<SqlBool>`${GOAL_SQL.employed}`);
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
