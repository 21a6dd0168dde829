import type { Kysely } from 'kysely';
import type { TRegion, TTown } from '@yunpin/shared';
import type { Database, RegionRow, TownRow } from '../schema.js';

export function toRegion(row: RegionRow): TRegion {
  return { id: row.id, name: row.name, code: row.code };
}

export function toTown(row: TownRow): TTown {
  return { id: row.id, name: row.name, kind: row.kind, isDevZone: row.is_dev_zone, regionId: row.region_id };
}

export function listRegions(db: Kysely<Database>): Promise<RegionRow[]> {
  return db.selectFrom('regions').selectAll().orderBy('code').execute();
}

export function listTowns(db: Kysely<Database>): Promise<TownRow[]> {
  return db.selectFrom('towns').selectAll().orderBy('kind').orderBy('name').execute();
}

export function findTown(db: Kysely<Database>, id: string): Promise<TownRow | undefined> {
  return db.selectFrom('towns').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRegion(db: Kysely<Database>, id: string): Promise<RegionRow | undefined> {
  return db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function townIdsOfRegion(db: Kysely<Database>, regionId: string): Promise<string[]> {
  const rows = await db.selectFrom('towns').select('id').where('region_id', '=', regionId).execute();
  return rows.map((r) => r.id);
}

export async function setTownRegion(db: Kysely<Database>, townId: string, regionId: string): Promise<void> {
  await db.updateTable('towns').set({ region_id: regionId }).where('id', '=', townId).execute();
}

export async function insertRegion(db: Kysely<Database>, region: { id: string; name: string; code: string }): Promise<void> {
  await db.insertInto('regions').values(region).execute();
}

export async function insertTown(db: Kysely<Database>, town: Omit<TownRow, 'created_at'>): Promise<void> {
  await db.insertInto('towns').values(town).execute();
}

/** Which of `ids` name existing towns. */
export async function existingTownIds(db: Kysely<Database>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('towns').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Which of `ids` name existing regions. */
export async function existingRegionIds(db: Kysely<Database>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('regions').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
