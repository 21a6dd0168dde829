import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionOf, openDatabase, type DatabaseHandle } from '../../server/src/db/database.js';
import { TEST_DATABASE_URL } from '../support/env.js';

describe('a database URL with its own startup options', () => {
  const schema = `yptest_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  let admin: DatabaseHandle;

  beforeAll(async () => {
    admin = await openDatabase({ kind: 'pg', url: TEST_DATABASE_URL });
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  });
  afterAll(async () => {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
    await admin?.close();
  });

  it('keeps the URL’s options and still works in the schema', async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', '-c statement_timeout=4321');
    const db = await openDatabase({ kind: 'pg', url: url.toString(), schema, poolMax: 1 });
    try {
      const { rows } = await sql<{ schema: string; timeout: string }>`select current_schema() as schema, current_setting('statement_timeout') as timeout`.execute(db.db);
      expect(rows).toEqual([{ schema, timeout: '4321ms' }]);
    } finally {
      await db.close();
    }
  });

  it('leaves a URL without a schema as it is', () => {
    expect(connectionOf(TEST_DATABASE_URL, undefined)).toEqual({ connectionString: TEST_DATABASE_URL });
    expect(connectionOf('postgres://u:p%40ss@db.example:5433/yunpin', 'yp')).toEqual({ connectionString: 'postgres://u:p%40ss@db.example:5433/yunpin', options: '-c search_path=yp' });
  });
});
