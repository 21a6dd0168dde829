import type { Kysely } from 'kysely';
import type { TFair, TFairListQuery, TPage } from '@yunpin/shared';
import type { Database, FairRow, FairUpdate, NewFair } from '../schema.js';
import { paginate } from '../paginate.js';

/** The towns and regions co-hosting a fair. */
export interface FairHosts {
  townIds: string[];
  regionIds: string[];
}

/** What a fair's API shape adds to its row: hosts and live figures. */
export interface FairFigures {
  hosts: FairHosts;
  registeredCount: number;
  boothCount: number;
  industries: string[];
  isRegistered: boolean;
}

/** Drafts a list may include (from the policy): all, none, or those hosted within one region. */
export type DraftScope = 'all' | 'none' | { regionId: string; townIds: string[] };

export function toFair(row: FairRow, figures: FairFigures): TFair {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    level: row.level,
    status: row.status,
    hosts: figures.hosts,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    capacity: row.capacity,
    registeredCount: figures.registeredCount,
    boothCount: figures.boothCount,
    priorityLanes: row.priority_lanes,
    callTimeoutSeconds: row.call_timeout_seconds,
    isRegistered: figures.isRegistered,
    industries: figures.industries,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function findFair(db: Kysely<Database>, id: string): Promise<FairRow | undefined> {
  return db.selectFrom('fairs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The fair row locked until the transaction ends (registrations check capacity under it). */
export function lockFair(db: Kysely<Database>, id: string): Promise<FairRow | undefined> {
  return db.selectFrom('fairs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function isRegisteredForFair(db: Kysely<Database>, fairId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('fair_registrations').select('user_id').where('fair_id', '=', fairId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

export async function findFairHosts(db: Kysely<Database>, fairId: string): Promise<FairHosts> {
  return (await hostsOfFairs(db, [fairId])).get(fairId) ?? { townIds: [], regionIds: [] };
}

export async function hostsOfFairs(db: Kysely<Database>, fairIds: string[]): Promise<Map<string, FairHosts>> {
  const hosts = new Map<string, FairHosts>(fairIds.map((id) => [id, { townIds: [], regionIds: [] }]));
  if (fairIds.length === 0) return hosts;
  const rows = await db.selectFrom('fair_hosts').selectAll().where('fair_id', 'in', fairIds).execute();
  for (const row of rows) {
    const entry = hosts.get(row.fair_id);
    if (row.town_id) entry?.townIds.push(row.town_id);
    if (row.region_id) entry?.regionIds.push(row.region_id);
  }
  return hosts;
}

/** Hosts, registrations, approved booths and their industries for several fairs in four queries. */
export async function figuresOfFairs(db: Kysely<Database>, fairIds: string[], userId: string | null): Promise<Map<string, FairFigures>> {
  const hosts = await hostsOfFairs(db, fairIds);
  const figures = new Map<string, FairFigures>(
    fairIds.map((id) => [id, { hosts: hosts.get(id) ?? { townIds: [], regionIds: [] }, registeredCount: 0, boothCount: 0, industries: [], isRegistered: false }]),
  );
  if (fairIds.length === 0) return figures;
  const registrations = await db
    .selectFrom('fair_registrations')
    .select(['fair_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('fair_id', 'in', fairIds)
    .groupBy('fair_id')
    .execute();
  for (const r of registrations) {
    const entry = figures.get(r.fair_id);
    if (entry) entry.registeredCount = Number(r.n);
  }
  const booths = await db
    .selectFrom('booths')
    .innerJoin('organisations', 'organisations.id', 'booths.organisation_id')
    .select(['booths.fair_id', 'organisations.industry'])
    .where('booths.fair_id', 'in', fairIds)
    .where('booths.status', '=', 'approved')
    .execute();
  for (const b of booths) {
    const entry = figures.get(b.fair_id);
    if (!entry) continue;
    entry.boothCount += 1;
    if (b.industry && !entry.industries.includes(b.industry)) entry.industries.push(b.industry);
  }
  for (const entry of figures.values()) entry.industries.sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
  if (userId) {
    const mine = await db.selectFrom('fair_registrations').select('fair_id').where('fair_id', 'in', fairIds).where('user_id', '=', userId).execute();
    for (const r of mine) {
      const entry = figures.get(r.fair_id);
      if (entry) entry.isRegistered = true;
    }
  }
  return figures;
}

/**
 * Lists fairs by the browse filters, ordered by start. Published, live and ended fairs are always
 * candidates; drafts only as `drafts` allows.
 */
export function listFairs(db: Kysely<Database>, query: TFairListQuery, drafts: DraftScope): Promise<TPage<FairRow>> {
  let q = db.selectFrom('fairs');
  if (drafts === 'none') {
    q = q.where('fairs.status', '<>', 'draft');
  } else if (drafts !== 'all') {
    const { regionId, townIds } = drafts;
    q = q.where((eb) =>
      eb.or([
        eb('fairs.status', '<>', 'draft'),
        eb.and([
          eb.exists(eb.selectFrom('fair_hosts').select('fair_hosts.fair_id').whereRef('fair_hosts.fair_id', '=', 'fairs.id')),
          eb.not(
            eb.exists(
              eb
                .selectFrom('fair_hosts')
                .select('fair_hosts.fair_id')
                .whereRef('fair_hosts.fair_id', '=', 'fairs.id')
                .where((h) => {
                  // Each kind is guarded by `is not null`, so a host of the other kind compares false, never null.
                  const inRegion = [h.and([h('fair_hosts.region_id', 'is not', null), h('fair_hosts.region_id', '=', regionId)])];
                  if (townIds.length) inRegion.push(h.and([h('fair_hosts.town_id', 'is not', null), h('fair_hosts.town_id', 'in', townIds)]));
                  return h.not(h.or(inRegion));
                }),
            ),
          ),
        ]),
      ]),
    );
  }
  if (query.level) q = q.where('fairs.level', '=', query.level);
  if (query.status) q = q.where('fairs.status', '=', query.status);
  if (query.regionId) {
    const regionId = query.regionId;
    q = q.where((eb) =>
      eb.or([
        eb('fairs.level', '=', 'district'),
        eb.exists(
          eb
            .selectFrom('fair_hosts')
            .select('fair_hosts.fair_id')
            .whereRef('fair_hosts.fair_id', '=', 'fairs.id')
            .where((h) =>
              h.or([
                h('fair_hosts.region_id', '=', regionId),
                h('fair_hosts.town_id', 'in', h.selectFrom('towns').select('towns.id').where('towns.region_id', '=', regionId)),
              ]),
            ),
        ),
      ]),
    );
  }
  if (query.townId) {
    const townId = query.townId;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('fair_hosts').select('fair_hosts.fair_id').whereRef('fair_hosts.fair_id', '=', 'fairs.id').where('fair_hosts.town_id', '=', townId)),
    );
  }
  if (query.from) q = q.where('fairs.ends_at', '>=', new Date(query.from));
  if (query.to) q = q.where('fairs.starts_at', '<=', new Date(query.to));
  if (query.industry) {
    const industry = query.industry;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('booths')
          .innerJoin('organisations', 'organisations.id', 'booths.organisation_id')
          .select('booths.id')
          .whereRef('booths.fair_id', '=', 'fairs.id')
          .where('booths.status', '=', 'approved')
          .where('organisations.industry', '=', industry),
      ),
    );
  }
  return paginate(q, query, (b) => b.selectAll('fairs').orderBy('fairs.starts_at').orderBy('fairs.id'));
}

export async function insertFair(db: Kysely<Database>, fair: NewFair, hosts: FairHosts): Promise<void> {
  await db.insertInto('fairs').values(fair).execute();
  await insertHosts(db, fair.id, hosts);
}

export async function updateFair(db: Kysely<Database>, id: string, changes: FairUpdate, hosts?: FairHosts): Promise<void> {
  await db.updateTable('fairs').set({ ...changes, updated_at: new Date() }).where('id', '=', id).execute();
  if (hosts) {
    await db.deleteFrom('fair_hosts').where('fair_id', '=', id).execute();
    await insertHosts(db, id, hosts);
  }
}

async function insertHosts(db: Kysely<Database>, fairId: string, hosts: FairHosts): Promise<void> {
  const rows = [
    ...hosts.townIds.map((town_id) => ({ fair_id: fairId, town_id, region_id: null })),
    ...hosts.regionIds.map((region_id) => ({ fair_id: fairId, town_id: null, region_id })),
  ];
  if (rows.length) await db.insertInto('fair_hosts').values(rows).execute();
}

/** Moves a fair from one status to another; false when it was no longer in `from` (a concurrent change). */
export async function setFairStatus(db: Kysely<Database>, id: string, from: FairRow['status'], to: FairRow['status']): Promise<boolean> {
  const result = await db.updateTable('fairs').set({ status: to, updated_at: new Date() }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countRegistrations(db: Kysely<Database>, fairId: string): Promise<number> {
  const row = await db.selectFrom('fair_registrations').select((eb) => eb.fn.countAll<number>().as('n')).where('fair_id', '=', fairId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Registers once: true when a row was added, false when the graduate was already registered. */
export async function insertRegistration(db: Kysely<Database>, fairId: string, userId: string): Promise<boolean> {
  const inserted = await db
    .insertInto('fair_registrations')
    .values({ fair_id: fairId, user_id: userId })
    .onConflict((oc) => oc.columns(['fair_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteRegistration(db: Kysely<Database>, fairId: string, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('fair_registrations').where('fair_id', '=', fairId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export interface RegistrationExportRow {
  name: string;
  phone: string | null;
  email: string | null;
  school: string | null;
  major: string | null;
  degree: string | null;
  graduation_year: number | null;
  hukou_town: string | null;
  registered_at: Date;
}

/** Everyone registered for a fair with the file details an organiser needs (never the hardship flag). */
export function listRegistrationsForExport(db: Kysely<Database>, fairId: string): Promise<RegistrationExportRow[]> {
  return db
    .selectFrom('fair_registrations')
    .innerJoin('users', 'users.id', 'fair_registrations.user_id')
    .leftJoin('graduate_profiles', 'graduate_profiles.user_id', 'users.id')
    .leftJoin('towns', 'towns.id', 'graduate_profiles.hukou_town_id')
    .select([
      (eb) => eb.fn.coalesce('graduate_profiles.name', 'users.name').as('name'),
      (eb) => eb.fn.coalesce('graduate_profiles.phone', 'users.phone').as('phone'),
      (eb) => eb.fn.coalesce('graduate_profiles.email', 'users.email').as('email'),
      'graduate_profiles.school',
      'graduate_profiles.major',
      'graduate_profiles.degree',
      'graduate_profiles.graduation_year',
      'towns.name as hukou_town',
      'fair_registrations.created_at as registered_at',
    ])
    .where('fair_registrations.fair_id', '=', fairId)
    .orderBy('fair_registrations.created_at')
    .orderBy('users.id')
    .execute();
}
