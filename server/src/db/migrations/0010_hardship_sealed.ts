import { sql, type Kysely, type Migration } from 'kysely';
import type { FieldCrypto } from '../../services/field-crypto.js';

/** What this migration needs of the field crypto: the key lives in DATA_DIR, never in the database. */
export type FlagCrypto = Pick<FieldCrypto, 'sealFlag' | 'openFlags'>;

const CHUNK = 5000;

function needKey(direction: string): never {
  throw new Error(`graduate files hold hardship statuses: ${direction} needs the field key (DATA_DIR/registry), so run it from the platform`);
}

/**
 * Hardship status encrypted at rest: `hardship_sealed` (services/field-crypto.ts, sealFlag) replaces
 * the plain `is_hardship`. Every existing file is sealed with its status, false included, in this
 * migration's transaction, so the plain column is gone once it has run; down opens them again.
 * With files present both directions need the field key, which the platform passes in.
 */
export function hardshipSealed(crypto: FlagCrypto | undefined): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('graduate_profiles').addColumn('hardship_sealed', 'text').execute();
      const rows = (await sql<{ id: string; is_hardship: boolean }>`select id, is_hardship from graduate_profiles`.execute(db)).rows;
      if (rows.length && !crypto) needKey('sealing them');
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const sealed = await Promise.all(chunk.map((r) => crypto!.sealFlag(r.is_hardship)));
        await sql`
          update graduate_profiles g set hardship_sealed = v.sealed
          from unnest(${chunk.map((r) => r.id)}::uuid[], ${sealed}::text[]) as v(id, sealed)
          where g.id = v.id`.execute(db);
      }
      await db.schema.alterTable('graduate_profiles').alterColumn('hardship_sealed', (c) => c.setNotNull()).execute();
      await db.schema.alterTable('graduate_profiles').dropColumn('is_hardship').execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('graduate_profiles').addColumn('is_hardship', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
      const rows = (await sql<{ id: string; hardship_sealed: string }>`select id, hardship_sealed from graduate_profiles`.execute(db)).rows;
      if (rows.length && !crypto) needKey('opening them');
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const flags = await crypto!.openFlags(chunk.map((r) => r.hardship_sealed));
        const ids = chunk.filter((_, k) => flags[k]).map((r) => r.id);
        if (ids.length) await sql`update graduate_profiles set is_hardship = true where id = any(${ids}::uuid[])`.execute(db);
      }
      await db.schema.alterTable('graduate_profiles').dropColumn('hardship_sealed').execute();
    },
  };
}
