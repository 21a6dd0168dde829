import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { TBooth } from '@yunpin/shared';
import type { BoothJob, BoothRow, BoothUpdate, Database } from '../schema.js';

export interface BoothWithOrganisation extends BoothRow {
  organisation_name: string;
  industry: string | null;
  town_id: string;
}

export interface RotaSlot {
  userId: string;
  startsAt: Date;
  endsAt: Date;
}

/** What a booth's API shape adds to its row. */
export interface BoothDetails {
  representatives: { userId: string; name: string }[];
  rota: RotaSlot[];
  isOnDuty: boolean;
}

export function toBooth(row: BoothWithOrganisation, details: BoothDetails): TBooth {
  return {
    id: row.id,
    fairId: row.fair_id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    industry: row.industry,
    townId: row.town_id,
    status: row.status,
    profile: row.profile,
    jobs: row.jobs,
    maxConcurrentChats: row.max_concurrent_chats,
    softLimitMinutes: row.soft_limit_minutes,
    representatives: details.representatives,
    rota: details.rota.map((slot) => ({ userId: slot.userId, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() })),
    isOnDuty: details.isOnDuty,
    reviewReason: row.review_reason,
  };
}

function selectBooths(db: Kysely<Database>) {
  return db
    .selectFrom('booths')
    .innerJoin('organisations', 'organisations.id', 'booths.organisation_id')
    .selectAll('booths')
    .select(['organisations.name as organisation_name', 'organisations.industry', 'organisations.town_id']);
}

export function findBooth(db: Kysely<Database>, id: string): Promise<BoothWithOrganisation | undefined> {
  return selectBooths(db).where('booths.id', '=', id).executeTakeFirst();
}

export function listApprovedBooths(db: Kysely<Database>, fairId: string): Promise<BoothWithOrganisation[]> {
  return selectBooths(db).where('booths.fair_id', '=', fairId).where('booths.status', '=', 'approved').orderBy('organisations.name').execute();
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

/** A fair's booths: the approved ones, plus every other one when `includeAll`, or those of `organisationId`. */
export function listBoothsOfFair(
  db: Kysely<Database>,
  fairId: string,
  also: { includeAll: boolean; organisationId: string | null },
): Promise<BoothWithOrganisation[]> {
  let q = selectBooths(db).where('booths.fair_id', '=', fairId);
  if (!also.includeAll) {
    const organisationId = also.organisationId;
    q = q.where((eb) => (organisationId ? eb.or([eb('booths.status', '=', 'approved'), eb('booths.organisation_id', '=', organisationId)]) : eb('booths.status', '=', 'approved')));
  }
  return q.orderBy('organisations.name').orderBy('booths.id').execute();
}

export function findBoothOfOrganisation(db: Kysely<Database>, fairId: string, organisationId: string): Promise<BoothRow | undefined> {
  return db.selectFrom('booths').selectAll().where('fair_id', '=', fairId).where('organisation_id', '=', organisationId).executeTakeFirst();
}

export async function insertBooth(
  db: Kysely<Database>,
  b: { id: string; fairId: string; organisationId: string; profile: string; jobs: BoothJob[]; maxConcurrentChats: number; softLimitMinutes: number },
): Promise<void> {
  await db
    .insertInto('booths')
    .values({
      id: b.id,
      fair_id: b.fairId,
      organisation_id: b.organisationId,
      profile: b.profile,
      jobs: JSON.stringify(b.jobs),
      max_concurrent_chats: b.maxConcurrentChats,
      soft_limit_minutes: b.softLimitMinutes,
      review_reason: null,
    })
    .execute();
}

export async function updateBooth(db: Kysely<Database>, id: string, changes: BoothUpdate): Promise<void> {
  await db.updateTable('booths').set({ ...changes, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Representatives of several booths, by booth, ordered by name. */
export async function representativesOfBooths(db: Kysely<Database>, boothIds: string[]): Promise<Map<string, { userId: string; name: string }[]>> {
  const result = new Map<string, { userId: string; name: string }[]>(boothIds.map((id) => [id, []]));
  if (boothIds.length === 0) return result;
  const rows = await db
    .selectFrom('booth_representatives')
    .innerJoin('users', 'users.id', 'booth_representatives.user_id')
    .select(['booth_representatives.booth_id', 'users.id', 'users.name'])
    .where('booth_representatives.booth_id', 'in', boothIds)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  for (const r of rows) result.get(r.booth_id)?.push({ userId: r.id, name: r.name });
  return result;
}

/** Rota slots of several booths, by booth, in time order. */
export async function rotaOfBooths(db: Kysely<Database>, boothIds: string[]): Promise<Map<string, RotaSlot[]>> {
  const result = new Map<string, RotaSlot[]>(boothIds.map((id) => [id, []]));
  if (boothIds.length === 0) return result;
  const rows = await db.selectFrom('booth_rota').selectAll().where('booth_id', 'in', boothIds).orderBy('starts_at').orderBy('id').execute();
  for (const r of rows) result.get(r.booth_id)?.push({ userId: r.user_id, startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at) });
  return result;
}

/** Replaces a booth's representatives; rota slots of people who no longer represent it go too. */
export async function replaceRepresentatives(db: Kysely<Database>, boothId: string, userIds: string[]): Promise<void> {
  await db.deleteFrom('booth_representatives').where('booth_id', '=', boothId).execute();
  await db.insertInto('booth_representatives').values(userIds.map((user_id) => ({ booth_id: boothId, user_id }))).execute();
  await db.deleteFrom('booth_rota').where('booth_id', '=', boothId).where('user_id', 'not in', userIds).execute();
}

export async function replaceRota(db: Kysely<Database>, boothId: string, slots: RotaSlot[]): Promise<void> {
  await db.deleteFrom('booth_rota').where('booth_id', '=', boothId).execute();
  if (slots.length === 0) return;
  await db
    .insertInto('booth_rota')
    .values(slots.map((slot) => ({ id: randomUUID(), booth_id: boothId, user_id: slot.userId, starts_at: slot.startsAt, ends_at: slot.endsAt })))
    .execute();
}

export interface BoothExportRow {
  organisation_name: string;
  credit_code: string | null;
  industry: string | null;
  town_name: string;
  status: BoothRow['status'];
  jobs: BoothJob[];
  representatives: string | null;
  review_reason: string | null;
  created_at: Date;
}

/** Every booth of a fair, whatever its status, with what an organiser's spreadsheet needs. */
export function listBoothsForExport(db: Kysely<Database>, fairId: string): Promise<BoothExportRow[]> {
  return db
    .selectFrom('booths')
    .innerJoin('organisations', 'organisations.id', 'booths.organisation_id')
    .innerJoin('towns', 'towns.id', 'organisations.town_id')
    .select([
      'organisations.name as organisation_name',
      'organisations.credit_code',
      'organisations.industry',
      'towns.name as town_name',
      'booths.status',
      'booths.jobs',
      'booths.review_reason',
      'booths.created_at',
      (eb) =>
        eb
          .selectFrom('booth_representatives')
          .innerJoin('users', 'users.id', 'booth_representatives.user_id')
          .select(sql<string>`string_agg(users.name, '、' order by users.name)`.as('names'))
          .whereRef('booth_representatives.booth_id', '=', 'booths.id')
          .as('representatives'),
    ])
    .where('booths.fair_id', '=', fairId)
    .orderBy('booths.status')
    .orderBy('organisations.name')
    .execute();
}
