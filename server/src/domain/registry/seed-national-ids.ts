import { sql, type Kysely } from 'kysely';
import { makeNationalId } from '@yunpin/shared';
import type { Database } from '../../db/schema.js';
import type { FieldCrypto } from '../../services/field-crypto.js';
import { nationalIdColumns } from './national-id.js';

/** Songjiang district's area code (上海市松江区). */
const SONGJIANG = '310117';
const DAY_MS = 86_400_000;
const BATCH = 500;

/**
 * Gives demo files without one a valid national ID (Songjiang area code, born 2002–2004, correct
 * check character), sealed like real ones, and marks nine in ten as registered in the district.
 */
export async function seedDemoNationalIds(db: Kysely<Database>, crypto: FieldCrypto): Promise<number> {
  const files = await db.selectFrom('graduate_profiles').select('id').where('national_id_hash', 'is', null).where('erased_at', 'is', null).orderBy('created_at').orderBy('id').execute();
  const start = Date.UTC(2002, 8, 1);
  const rows = await Promise.all(
    files.map(async (file, i) => {
      const birth = new Date(start + (i % 730) * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
      return { id: file.id, is_registered_local: i % 10 !== 0, ...(await nationalIdColumns(crypto, makeNationalId(SONGJIANG, birth, Math.floor(i / 730)))) };
    }),
  );
  for (let i = 0; i < rows.length; i += BATCH) {
    await sql`
      update graduate_profiles as g set national_id_sealed = v.national_id_sealed, national_id_hash = v.national_id_hash,
        national_id_masked = v.national_id_masked, is_registered_local = v.is_registered_local
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + BATCH))}::jsonb)
        as v(id uuid, national_id_sealed text, national_id_hash text, national_id_masked text, is_registered_local boolean)
      where g.id = v.id`.execute(db);
  }
  return rows.length;
}
