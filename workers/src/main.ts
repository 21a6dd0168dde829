import { pino } from 'pino';
import { ConfigError } from '@yunpin/shared/node';
import { loadWorkerConfig } from './config.js';
import { runWorkers } from './run-workers.js';

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
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'workers stopping: finishing active jobs');
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
