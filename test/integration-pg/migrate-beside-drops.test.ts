import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../server/src/db/database.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { TEST_DATABASE_URL } from '../support/env.js';

const schemaName = () => `yptest_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

/**
 * Kysely's migrator looks for its bookkeeping tables by reading the tables of every schema in the
 * database, and that read fails when another schema is dropped meanwhile: as when parallel test
 * files drop their schemas, or another user of a shared database drops one of theirs.
 */
describe('migrating while other schemas come and go', () => {
  let admin: DatabaseHandle;

  beforeAll(async () => {
    admin = await openDatabase({ kind: 'pg', url: TEST_DATABASE_URL });
  });
  afterAll(async () => {
    await admin?.close();
  });

  it('brings fresh schemas up to date while other schemas with tables are created and dropped', async () => {
    let churning = true;
    let dropped = 0;
    const churn = async () => {
      while (churning) {
        const other = schemaName();
        await sql`create schema ${sql.id(other)}`.execute(admin.db);
        for (let i = 0; i < 5; i++) await sql`create table ${sql.id(other, `t${i}`)} (id serial primary key, name text, at timestamptz)`.execute(admin.db);
        await sql`drop schema ${sql.id(other)} cascade`.execute(admin.db);
        dropped++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const churners = [churn()];
    const applied: number[] = [];
    try {
      for (let run = 0; run < 6; run++) {
        const schema = schemaName();
        await sql`create schema ${sql.id(schema)}`.execute(admin.db);
        const handle = await openDatabase({ kind: 'pg', url: TEST_DATABASE_URL, schema });
        try {
          applied.push((await migrateToLatest(handle.db, schema)).length);
        } finally {
          await handle.close();
          await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
        }
      }
    } finally {
      churning = false;
      await Promise.all(churners);
    }
    console.log(`[migrate] 6 fresh schemas migrated while ${dropped} other schemas were dropped`);
    expect(dropped).toBeGreaterThan(6);
    expect(new Set(applied).size).toBe(1);
    expect(applied[0]).toBeGreaterThan(0);
  });
});
