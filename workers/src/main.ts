import fs from 'node:fs/promises';
import { pino } from 'pino';
import { ConfigError } from '@yunpin/shared/node';
import { loadWorkerConfig } from './config.js';
import { runWorkers } from './run-workers.js';

const HEARTBEAT_MS = 5000;

function start(): void {
  let config;
  try {
    config = loadWorkerConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = pino({ name: 'workers', level: config.logLevel });
  const running = runWorkers(config, logger);
  logger.info({ queues: running.workers.map((w) => w.name), prefix: config.redisPrefix }, 'workers started');
  const healthFile = config.healthFile;
  const beat = () => {
    if (healthFile && running.workers.every((w) => w.isRunning())) {
      fs.writeFile(healthFile, new Date().toISOString()).catch((error: unknown) => logger.warn({ err: error }, 'health file not written'));
    }
  };
  const heartbeat = healthFile ? setInterval(beat, HEARTBEAT_MS) : undefined;
  beat();
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'workers stopping: finishing active jobs');
    clearInterval(heartbeat);
    running.close().then(
      () => {
        logger.info('workers stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'workers did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

start();
