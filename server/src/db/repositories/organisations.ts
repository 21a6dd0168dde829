import type { Kysely } from 'kysely';
import type { TOrganisation, TOrganisationListQuery, TPage } from '@yunpin/shared';
import type { Database, OrganisationRow } from '../schema.js';
import { paginate } from '../paginate.js';

export function toOrganisation(row: OrganisationRow): TOrganisation {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    industry: row.industry,
    townId: row.town_id,
    isVerified: row.is_verified,
    createdAt: row.created_at.toISOString(),
  };
}

export function findOrganisation(db: Kysely<Database>, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Lists organisations, optionally only those in `townIds` (a regional scope). */
export function listOrganisations(
  db: Kysely<Database>,
  query: TOrganisationListQuery,
  townIds: string[] | null,
): Promise<TPage<OrganisationRow>> {
  let q = db.selectFrom('organisations');
  if (townIds) q = townIds.length ? q.where('town_id', 'in', townIds) : q.where(({ lit }) => lit(false));
  if (query.townId) q = q.where('town_id', '=', query.townId);
  if (query.isVerified !== undefined) q = q.where('is_verified', '=', query.isVerified);
  if (query.q) q = q.where('name', 'ilike', `%${escapeLike(query.q)}%`);
  return paginate(q, query, (b) => b.selectAll().orderBy('created_at', 'desc').orderBy('id'));
}

export async function insertOrganisation(
  db: Kysely<Database>,
  org: { id: string; name: string; townId: string; creditCode?: string | null; industry?: string | null; isVerified?: boolean },
): Promise<void> {
  await db
    .insertInto('organisations')
    .values({
      id: org.id,
      name: org.name,
      town_id: org.townId,
      credit_code: org.creditCode ?? null,
      industry: org.industry ?? null,
      is_verified: org.isVerified ?? false,
    })
    .execute();
}

export async function setOrganisationVerified(db: Kysely<Database>, id: string, isVerified: boolean): Promise<void> {
  await db.updateTable('organisations').set({ is_verified: isVerified }).where('id', '=', id).execute();
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
