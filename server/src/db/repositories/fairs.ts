import type { Kysely } from 'kysely';
import type { Database, FairRow } from '../schema.js';

export function findFair(db: Kysely<Database>, id: string): Promise<FairRow | undefined> {
  return db.selectFrom('fairs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function isRegisteredForFair(db: Kysely<Database>, fairId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('fair_registrations').select('user_id').where('fair_id', '=', fairId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}
