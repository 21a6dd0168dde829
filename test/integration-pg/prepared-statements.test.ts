import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../server/src/db/database.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { TEST_DATABASE_URL } from '../support/env.js';

/** The statements kept prepared on the pool's one connection. */
async function preparedStatements(db: DatabaseHandle): Promise<string[]> {
  const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db.db);
  return rows.map((r) => r.statement);
}

describe('PostgreSQL statements are prepared once per connection', () => {
  const schema = `yptest_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  let admin: DatabaseHandle;
  let db: DatabaseHandle;

  beforeAll(async () => {
    admin = await openDatabase({ kind: 'pg', url: TEST_DATABASE_URL });
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
    // One connection, so every query below meets the statements the earlier ones prepared.
    db = await openDatabase({ kind: 'pg', url: TEST_DATABASE_URL, schema, poolMax: 1 });
    await migrateToLatest(db.db, schema);
  });
  afterAll(async () => {
    await db?.close();
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
    await admin?.close();
  });

  it('runs a repeated query from one prepared statement, with each call’s values', async () => {
    const ids = [randomUUID(), randomUUID()];
    await db.db
      .insertInto('regions')
      .values(ids.map((id, i) => ({ id, name: `区域 Region ${i}`, code: `R${i}` })))
      .execute();
    const byId = (id: string) => db.db.selectFrom('regions').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
    expect(await byId(ids[0]!)).toEqual({ id: ids[0], name: '区域 Region 0' });
    expect(await byId(ids[1]!)).toEqual({ id: ids[1], name: '区域 Region 1' });
    expect(await byId(randomUUID())).toBeUndefined();
    const prepared = (await preparedStatements(db)).filter((s) => s.includes('from "regions" where "id" = $1'));
    expect(prepared).toHaveLength(1);
  });

  it('does not keep statements with long parameter lists, nor the migrations’ DDL', async () => {
    const many = Array.from({ length: 40 }, () => randomUUID());
    expect(await db.db.selectFrom('regions').select('id').where('id', 'in', many).execute()).toEqual([]);
    const prepared = await preparedStatements(db);
    expect(prepared.some((s) => s.includes('"id" in ($1'))).toBe(false);
    expect(prepared.some((s) => /^\s*create /i.test(s))).toBe(false);
    // What is kept is the application's reads and writes only.
    expect(prepared.length).toBeGreaterThan(0);
    expect(prepared.every((s) => /^\s*(select|insert|update|delete|with)\b/i.test(s))).toBe(true);
  });

  it('answers from the table as it is now when a migration altered it under a prepared statement', async () => {
    const r0 = () => db.db.selectFrom('regions').selectAll().where('code', '=', 'R0').executeTakeFirst();
    expect(await r0()).toMatchObject({ code: 'R0' });
    // As a newer server's migration would, while this one serves: PostgreSQL refuses the prepared `select *` now.
    await sql`alter table ${sql.id(schema, 'regions')} add column note text not null default '备注 note'`.execute(admin.db);
    expect(await r0()).toMatchObject({ code: 'R0', note: '备注 note' });
    expect(await r0()).toMatchObject({ code: 'R0', note: '备注 note' });
  });

  it('reports a failing statement as before, and the connection goes on serving', async () => {
    await expect(sql`select * from no_such_table where id = ${1}`.execute(db.db)).rejects.toThrow(/no_such_table/);
    await expect(sql`select * from no_such_table where id = ${1}`.execute(db.db)).rejects.toThrow(/no_such_table/);
    expect((await sql<{ n: number }>`select ${2}::int + 1 as n`.execute(db.db)).rows).toEqual([{ n: 3 }]);
  });
});
