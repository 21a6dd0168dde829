/**
 * One server node as its own process, for multi-node and restart tests.
 * Env: YP_NODE_DB ("pg:<schema>" or "pglite:<dir>[:<dump file>]"), YP_NODE_PREFIX, YP_NODE_DATA_DIR,
 * YP_NODE_CALL_TIMEOUT_MS. Prints "LISTENING <port>" when ready; SIGTERM closes it.
 */
import fs from 'node:fs/promises';
import { loadConfig } from '../../server/src/config.js';
import { createLogger } from '../../server/src/logger.js';
import { createPlatform } from '../../server/src/platform.js';
import type { DatabaseTarget } from '../../server/src/db/database.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './env.js';

async function target(spec: string): Promise<DatabaseTarget> {
  const [kind, where, dump] = spec.split(':') as [string, string, string | undefined];
  if (kind === 'pg') return { kind: 'pg', url: TEST_DATABASE_URL, schema: where };
  const isFresh = (await fs.readdir(where).catch(() => [])).length === 0;
  return { kind: 'pglite', dataDir: where, ...(isFresh && dump ? { loadDataDir: new Blob([await fs.readFile(dump)]) } : {}) };
}

const env = process.env;
const config = loadConfig({ DATA_DIR: env.YP_NODE_DATA_DIR, REDIS_PREFIX: env.YP_NODE_PREFIX, PUBLIC_URL: 'http://127.0.0.1:1', LOG_LEVEL: 'silent' });
const platform = await createPlatform({
  config,
  logger: createLogger('silent'),
  redisUrl: TEST_REDIS_URL,
  database: await target(env.YP_NODE_DB ?? ''),
  socket: { live: { callTimeoutMs: Number(env.YP_NODE_CALL_TIMEOUT_MS ?? 60_000) }, rateLimit: { burst: 1000, perSecond: 1000 } },
});
const port = await platform.listen(0);
process.stdout.write(`LISTENING ${port}\n`);
process.once('SIGTERM', () => {
  void platform.close().then(() => process.exit(0));
});
