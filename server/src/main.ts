import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { createPlatform, type Platform } from './platform.js';
import { startEmbeddedRedis, type EmbeddedRedis } from './services/embedded-redis.js';
import { startWorkerProcess, type WorkerProcess } from './services/worker-process.js';
import { isEmpty, newDemoPassword, seedDemo, type DemoLogin } from './domain/seed/seed-demo.js';
import { seedDemoNationalIds } from './domain/registry/seed-national-ids.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLIENT_DIR = path.resolve(here, '../../client/dist');
const WORKERS_ENTRY = path.resolve(here, '../../workers/dist/main.js');

/** Seeds the demo district on an empty database; the demo password is generated once and kept in DATA_DIR. */
async function ensureDemo(platform: Platform, config: Config, logger: Logger): Promise<{ logins: DemoLogin[]; password: string } | undefined> {
  const file = path.join(config.dataDir, 'demo-logins.json');
  if (await isEmpty(platform.ctx.db)) {
    if (!config.seedDemo) return undefined;
    logger.info('empty database: seeding the demo district');
    const seeded = await seedDemo(platform.ctx.db, platform.ctx.fieldCrypto, newDemoPassword());
    await seedDemoNationalIds(platform.ctx.db, platform.ctx.fieldCrypto);
    await fs.writeFile(file, JSON.stringify(seeded, null, 2), { mode: 0o600 });
    return seeded;
  }
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as { logins: DemoLogin[]; password: string };
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  await fs.mkdir(config.dataDir, { recursive: true });

  let embeddedRedis: EmbeddedRedis | undefined;
  let workers: WorkerProcess | undefined;
  let platform: Platform | undefined;
  let shuttingDown: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    shuttingDown ??= (async () => {
      logger.info({ reason }, 'shutting down');
      await workers?.stop();
      await platform?.close();
      await embeddedRedis?.stop();
    })();
    return shuttingDown;
  };
  process.once('SIGINT', () => void shutdown('SIGINT').then(() => process.exit(0)));
  process.once('SIGTERM', () => void shutdown('SIGTERM').then(() => process.exit(0)));

  try {
    let redisUrl = config.redisUrl;
    if (!redisUrl) {
      embeddedRedis = await startEmbeddedRedis(path.join(config.dataDir, 'redis'), logger);
      redisUrl = embeddedRedis.url;
    }
    platform = await createPlatform({
      config,
      logger,
      redisUrl,
      database: config.databaseUrl ? { kind: 'pg', url: config.databaseUrl, ...(config.databasePoolMax ? { poolMax: config.databasePoolMax } : {}) } : { kind: 'pglite', dataDir: path.join(config.dataDir, 'db') },
      clientDir: CLIENT_DIR,
    });
    const demo = await ensureDemo(platform, config, logger);
    if (config.startWorkers) {
      workers = startWorkerProcess(
        WORKERS_ENTRY,
        { ...process.env, REDIS_URL: redisUrl, REDIS_PREFIX: config.redisPrefix, DATA_DIR: config.dataDir, LOG_LEVEL: config.logLevel },
        logger,
      );
    }
    const port = await platform.listen(config.port, config.host);
    const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);
    const lines = [`\n云聘 24365 is running at ${url}`, `  database: ${platform.database.kind}${config.databaseUrl ? '' : ` (${path.join(config.dataDir, 'db')})`}`, `  redis: ${redisUrl}${embeddedRedis ? ' (embedded)' : ''}`];
    if (demo) {
      lines.push(`  demo logins (password for all: ${demo.password}):`);
      for (const login of demo.logins) lines.push(`    ${login.role.padEnd(15)} ${login.login.padEnd(14)} ${login.name}`);
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
  } catch (error) {
    logger.fatal({ err: error }, error instanceof Error ? error.message : 'start-up failed');
    process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
    await shutdown('start-up failed');
    process.exit(1);
  }
}

void main();
