import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrator, migrateToLatest } from '../../server/src/db/migrate.js';
import { createFieldCrypto } from '../../server/src/services/field-crypto.js';
import { createFixtures, type Fixtures } from '../support/fixtures.js';
import { prepareSharedDatabase, type SharedDatabase } from '../support/shared-database.js';

/** Migration 0010: hardship goes from a plain column to a sealed one and back, with files present. */
describe('migration 0010_hardship_sealed', () => {
  let shared: SharedDatabase;
  let f: Fixtures;
  const columns = async () =>
    (await sql<{ column_name: string }>`select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'graduate_profiles' and column_name in ('is_hardship', 'hardship_sealed')`.execute(shared.handle.db)).rows
      .map((r) => r.column_name)
      .sort();

  beforeAll(async () => {
    // A migrated database and a DATA_DIR with the field key, as the platform would open them.
    shared = await prepareSharedDatabase();
    f = await createFixtures(shared.handle.db);
  });
  afterAll(async () => {
    await shared?.cleanup();
  });

  it('opens every status on the way down, seals them again on the way up, and needs the field key for both', async () => {
    const db = shared.handle.db;
    const schema = shared.handle.schema;
    const fieldCrypto = createFieldCrypto(shared.dataDir);
    // Back to the migration before (later ones, if any, go down first).
    const down = await createMigrator(db, schema, { fieldCrypto }).migrateTo('0009_subsidies');
    expect(down.error).toBeUndefined();
    expect(down.results?.at(-1)).toMatchObject({ migrationName: '0010_hardship_sealed', direction: 'Down', status: 'Success' });
    expect(await columns()).toEqual(['is_hardship']);
    const plain = async () => (await sql<{ id: string; is_hardship: boolean }>`select id, is_hardship from graduate_profiles`.execute(db)).rows;
    expect(Object.fromEntries((await plain()).map((r) => [r.id, r.is_hardship]))).toEqual({ [f.graduates.a]: true, [f.graduates.b]: false });

    // More files than one batch of the backfill, every seventh with hardship.
    await sql`
      insert into graduate_profiles (id, name, hukou_town_id, is_hardship)
      select gen_random_uuid(), '毕业生' || i, ${f.towns.b}::uuid, i % 7 = 0 from generate_series(1, 6000) as i`.execute(db);
    const before = new Map((await plain()).map((r) => [r.id, r.is_hardship]));

    // Without the key nothing changes: the migration fails inside its transaction.
    await expect(migrateToLatest(db, schema)).rejects.toThrow(/0010_hardship_sealed.*field key/);
    expect(await columns()).toEqual(['is_hardship']);

    expect((await migrateToLatest(db, schema, { fieldCrypto }))[0]).toBe('0010_hardship_sealed');
    expect(await columns()).toEqual(['hardship_sealed']);
    const rows = await db.selectFrom('graduate_profiles').select(['id', 'hardship_sealed']).execute();
    expect(rows).toHaveLength(before.size);
    const opened = await fieldCrypto.openFlags(rows.map((r) => r.hardship_sealed));
    expect(new Map(rows.map((r, i) => [r.id, opened[i]]))).toEqual(before);
    expect(opened.filter(Boolean)).toHaveLength(1 + Math.floor(6000 / 7));
    expect(new Set(rows.map((r) => r.hardship_sealed)).size).toBe(rows.length);
    // Every file has a value from now on.
    await expect(sql`insert into graduate_profiles (id, name) values (gen_random_uuid(), '无状态')`.execute(db)).rejects.toThrow(/hardship_sealed/);
  });
});
