import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { createLogger } from '../../server/src/logger.js';
import { createPlatform, type Platform, type PlatformOptions } from '../../server/src/platform.js';
import { openDatabase, type DatabaseTarget } from '../../server/src/db/database.js';
import type { LoginRateLimit } from '../../server/src/domain/auth/login-rate-limit.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './env.js';
import { installTestFieldKeys } from './field-keys.js';
import { deleteRedisPrefix } from './redis-prefix.js';

export type DbKind = 'pg' | 'pglite';

export function testDbKind(): DbKind {
  return process.env.YP_TEST_DB === 'pg' ? 'pg' : 'pglite';
}

export interface TestPlatform {
  platform: Platform;
  url: string;
  redisPrefix: string;
  dataDir: string;
  dbKind: DbKind;
  target: DatabaseTarget;
  /** The server's log lines when started with `captureLogs`. */
  logs: string[];
  close(): Promise<void>;
}

export interface TestPlatformOptions {
  loginRateLimit?: LoginRateLimit;
  clientDir?: string;
  /** Share another platform's database and Redis prefix (a second node). */
  shareWith?: TestPlatform;
  socket?: PlatformOptions['socket'];
  /** The media plane for interview calls (tests start their own Janus). */
  media?: PlatformOptions['media'];
  /** Keep every log line (level debug) in `TestPlatform.logs`, e.g. to check that no personal data is logged. */
  captureLogs?: boolean;
  /** Another Redis than the machine's test Redis (e.g. one the test stops and starts). */
  redisUrl?: string;
}

const uniqueName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

/** A fresh, isolated database: a new schema on PostgreSQL, or a clone of the migrated PGlite. */
async function freshDatabase(kind: DbKind): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (kind === 'pg') {
    const schema = uniqueName('yptest');
    const admin = await openDatabase({ kind: 'pg', url: TEST_DATABASE_URL });
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
    await admin.close();
    return {
      target: { kind: 'pg', url: TEST_DATABASE_URL, schema },
      drop: async () => {
        const cleaner = await openDatabase({ kind: 'pg', url: TEST_DATABASE_URL });
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(cleaner.db);
        await cleaner.close();
      },
    };
  }
  const dump = await fs.readFile(inject('pgliteDump'));
  return { target: { kind: 'pglite', loadDataDir: new Blob([dump]) }, drop: async () => undefined };
}

/** Starts the real server on a free port against real PostgreSQL or PGlite and the real Redis. */
export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const shared = options.shareWith;
  const dbKind = shared?.dbKind ?? testDbKind();
  const redisPrefix = shared?.redisPrefix ?? uniqueName('yptest');
  const redisUrl = options.redisUrl ?? TEST_REDIS_URL;
  const dataDir = shared?.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'yp-data-')));
  if (shared && dbKind === 'pglite') throw new Error('PGlite is single-process: a second node needs PostgreSQL');
  if (!shared) await installTestFieldKeys(dataDir);
  const database = shared ? undefined : await freshDatabase(dbKind);
  const target = shared?.target ?? database!.target;
  const config = loadConfig({ DATA_DIR: dataDir, REDIS_PREFIX: redisPrefix, PUBLIC_URL: 'http://127.0.0.1:1', LOG_LEVEL: 'silent' });
  const logs: string[] = [];
  const logger = options.captureLogs ? createLogger('debug', 'server', { write: (line: string) => void logs.push(line) }) : createLogger('silent');
  /** What this platform made for itself (a shared one's belong to its first node). */
  const removeOwn = async () => {
    if (shared) return;
    await database?.drop();
    await deleteRedisPrefix(redisUrl, redisPrefix);
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  let platform: Platform | undefined;
  let port: number;
  try {
    platform = await createPlatform({
      config,
      logger,
      redisUrl,
      database: target,
      ...(options.loginRateLimit ? { loginRateLimit: options.loginRateLimit } : {}),
      ...(options.clientDir ? { clientDir: options.clientDir } : {}),
      ...(options.socket ? { socket: options.socket } : {}),
      ...(options.media ? { media: options.media } : {}),
    });
    port = await platform.listen(0);
  } catch (error) {
    // A platform that did not start leaves nothing behind either.
    await platform?.close().catch(() => undefined);
    await removeOwn().catch(() => undefined);
    throw error;
  }
  const started = platform;
  const url = `http://127.0.0.1:${port}`;
  const result: TestPlatform = {
    platform: started,
    url,
    redisPrefix,
    dataDir,
    dbKind,
    target,
    logs,
    async close() {
      await started.close();
      await removeOwn();
    },
  };
  return result;
}
