import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../server/src/db/database.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './env.js';
import { testDbKind } from './platform.js';
import { deleteRedisPrefix } from './redis-prefix.js';
import { installTestFieldKeys } from './field-keys.js';

export interface SharedDatabase {
  /** For YP_NODE_DB of test/support/server-process.ts. */
  spec: string;
  redisPrefix: string;
  dataDir: string;
  /** Open while the test writes fixtures; PGlite must be closed before a node process opens it. */
  handle: DatabaseHandle;
  release(): Promise<void>;
  cleanup(): Promise<void>;
}

/** A migrated database that separate server processes can open: a PostgreSQL schema, or a PGlite folder. */
export async function prepareSharedDatabase(): Promise<SharedDatabase> {
  const id = `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const redisPrefix = `yptest_${id}`;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-node-'));
  await installTestFieldKeys(dataDir);
  if (testDbKind() === 'pg') {
    const schema = `yptest_${id}`;
    const admin = await openDatabase({ kind: 'pg', url: TEST_DATABASE_URL });
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
    await admin.close();
    const handle = await openDatabase({ kind: 'pg', url: TEST_DATABASE_URL, schema });
    await migrateToLatest(handle.db, schema);
    return {
      spec: `pg:${schema}`,
      redisPrefix,
      dataDir,
      handle,
      release: () => Promise.resolve(),
      async cleanup() {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db);
        await handle.close();
        await deleteRedisPrefix(TEST_REDIS_URL, redisPrefix);
        await fs.rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const dbDir = path.join(dataDir, 'db');
  const handle = await openDatabase({ kind: 'pglite', dataDir: dbDir, loadDataDir: new Blob([await fs.readFile(inject('pgliteDump'))]) });
  await migrateToLatest(handle.db);
  return {
    spec: `pglite:${dbDir}`,
    redisPrefix,
    dataDir,
    handle,
    release: () => handle.close(),
    async cleanup() {
      await handle.close();
      await deleteRedisPrefix(TEST_REDIS_URL, redisPrefix);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
