import path from 'node:path';
import { Worker, type Processor } from 'bullmq';
import type { Logger } from 'pino';
import { JOB_NAMES, QUEUE_NAMES } from '@yunpin/shared';
import { OutboxNotifier, type Notifier } from '@yunpin/shared/node';
import type { WorkerConfig } from './config.js';
import { welcomeProcessor } from './processors/welcome.processor.js';

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

/** Routes each job of a queue to its processor by job name; an unknown name fails the job. */
function byName(processors: Record<string, Processor>): Processor {
  return (job, token) => {
    const processor = processors[job.name];
    if (!processor) throw new Error(`No processor for job ${job.name}`);
    return processor(job, token);
  };
}

/** Starts every processor against one Redis; `close()` lets active jobs finish, then disconnects. */
export function runWorkers(config: WorkerConfig, logger: Logger, notifier: Notifier = new OutboxNotifier(path.join(config.dataDir, 'outbox'))): RunningWorkers {
  const connection = { url: config.redisUrl, maxRetriesPerRequest: null };
  const notifications = new Worker(
    QUEUE_NAMES.notifications,
    byName({ [JOB_NAMES.welcome]: welcomeProcessor(notifier) }),
    { connection, prefix: config.redisPrefix, concurrency: config.concurrency },
  );
  const workers = [notifications];
  for (const worker of workers) {
    worker.on('failed', (job, error) => logger.warn({ queue: worker.name, jobId: job?.id, attempts: job?.attemptsMade, err: error }, 'job failed'));
    worker.on('error', (error) => logger.error({ queue: worker.name, err: error }, 'worker error'));
  }
  let closing: Promise<void> | undefined;
  return {
    workers,
    close() {
      closing ??= Promise.all(workers.map((w) => w.close())).then(() => undefined);
      return closing;
    },
  };
}
