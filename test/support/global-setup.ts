import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/src/db/database.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
  }
}

async function assertReachable(): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  try {
    await client.connect();
    await client.query('select 1');
    // Schemas left behind by an interrupted run (names carry their creation time) are dropped after an hour.
    const { rows } = await client.query<{ nspname: string }>("select nspname from pg_namespace where nspname like 'yptest\\_%'");
    for (const { nspname } of rows) {
      const created = parseInt(nspname.split('_')[1] ?? '', 36);
      if (Number.isFinite(created) && Date.now() - created > 3600_000) await client.query(`drop schema if exists "${nspname}" cascade`);
    }
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${TEST_DATABASE_URL} (set YP_TEST_DATABASE_URL): ${String(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis is not reachable at ${TEST_REDIS_URL} (set YP_TEST_REDIS_URL): ${String(error)}`);
  } finally {
    redis.disconnect();
  }
}

/**
 * Checks the real services once, and builds one migrated PGlite database that every
 * PGlite test clones (a fresh PGlite takes seconds to initialise; a clone well under one).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await assertReachable();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-pglite-'));
  const dumpFile = path.join(dir, 'migrated.tar');
  const handle = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(handle.db);
  const dump = await handle.pglite!.dumpDataDir('none');
  await fs.writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteDump', dumpFile);
  return async () => {
    await fs.rm(dir, { recursive: true, force: true });
  };
}
