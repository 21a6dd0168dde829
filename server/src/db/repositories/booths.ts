import type { Kysely } from 'kysely';
import type { BoothRow, Database } from '../schema.js';

export interface BoothWithOrganisation extends BoothRow {
  organisation_name: string;
  industry: string | null;
  town_id: string;
}

export function findBooth(db: Kysely<Database>, id: string): Promise<BoothWithOrganisation | undefined> {
  return db
    .selectFrom('booths')
    .innerJoin('organisations', 'organisations.id', 'booths.organisation_id')
    .selectAll('booths')
    .select(['organisations.name as organisation_name', 'organisations.industry', 'organisations.town_id'])
    .where('booths.id', '=', id)
    .executeTakeFirst();
}

export function listApprovedBooths(db: Kysely<Database>, fairId: string): Promise<BoothWithOrganisation[]> {
  return db
    .selectFrom('booths')
    .innerJoin('organisations', 'organisations.id', 'booths.organisation_id')
    .selectAll('booths')
    .select(['organisations.name as organisation_name', 'organisations.industry', 'organisations.town_id'])
    .where('booths.fair_id', '=', fairId)
    .where('booths.status', '=', 'approved')
    .orderBy('organisations.name')
    .execute();
}

export async function listRepresentatives(db: Kysely<Database>, boothId: string): Promise<{ userId: string; name: string }[]> {
  const rows = await db
    .selectFrom('booth_representatives')
    .innerJoin('users', 'users.id', 'booth_representatives.user_id')
    .select(['users.id', 'users.name'])
    .where('booth_representatives.booth_id', '=', boothId)
    .orderBy('users.name')
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name }));
}

export async function isRepresentative(db: Kysely<Database>, boothId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('booth_representatives').select('user_id').where('booth_id', '=', boothId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** Booth ids (of the given ones) with someone on the rota at `now`. */
export async function boothsOnDuty(db: Kysely<Database>, boothIds: string[], now: Date): Promise<Set<string>> {
  if (boothIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('booth_rota')
    .select('booth_id')
    .distinct()
    .where('booth_id', 'in', boothIds)
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .execute();
  return new Set(rows.map((r) => r.booth_id));
}
