import type { Kysely } from 'kysely';
import type { TPage, TPageQuery, TUserSummary } from '@yunpin/shared';
import type { Database, NewUser, UserRow } from '../schema.js';
import { paginate } from '../paginate.js';

export function toUserSummary(row: UserRow): TUserSummary {
  return {
    id: row.id,
    role: row.role,
    name: row.name,
    phone: row.phone,
    email: row.email,
    organisationId: row.organisation_id,
    isDisabled: row.is_disabled,
    createdAt: row.created_at.toISOString(),
  };
}

/** A login is a phone number or an email; emails compare case-insensitively. */
export function findUserByLogin(db: Kysely<Database>, login: string): Promise<UserRow | undefined> {
  const normalised = normaliseLogin(login);
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.or([eb('phone', '=', normalised), eb('email', '=', normalised)]))
    .executeTakeFirst();
}

export function normaliseLogin(login: string): string {
  const trimmed = login.trim();
  return trimmed.includes('@') ? trimmed.toLowerCase() : trimmed;
}

export function findUser(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Kysely<Database>, user: NewUser): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Pick<UserRow, 'name' | 'phone' | 'email' | 'password_hash' | 'is_disabled'>>,
): Promise<void> {
  await db.updateTable('users').set({ ...changes, updated_at: new Date() }).where('id', '=', id).execute();
}

export function listUsers(db: Kysely<Database>, page: TPageQuery): Promise<TPage<UserRow>> {
  return paginate(db.selectFrom('users'), page, (q) => q.selectAll().orderBy('created_at').orderBy('id'));
}

export async function townIdsOfCaseworker(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('caseworker_towns').select('town_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.town_id);
}

export async function assignCaseworkerTowns(db: Kysely<Database>, userId: string, townIds: string[]): Promise<void> {
  if (townIds.length === 0) return;
  await db
    .insertInto('caseworker_towns')
    .values(townIds.map((town_id) => ({ user_id: userId, town_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** True when another user already uses this phone or email. */
export async function isLoginTaken(db: Kysely<Database>, login: { phone?: string | null; email?: string | null }, exceptUserId?: string): Promise<boolean> {
  const checks = [login.phone, login.email].filter((v): v is string => Boolean(v));
  if (checks.length === 0) return false;
  let q = db.selectFrom('users').select('id').where((eb) => eb.or(checks.flatMap((v) => [eb('phone', '=', v), eb('email', '=', v)])));
  if (exceptUserId) q = q.where('id', '<>', exceptUserId);
  return (await q.executeTakeFirst()) !== undefined;
}

export function findUsers(db: Kysely<Database>, ids: string[]): Promise<UserRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').selectAll().where('id', 'in', ids).execute();
}
