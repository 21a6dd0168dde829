import path from 'node:path';
import { Queue, Worker, type Processor, MetricsTime } from 'bullmq';
import type { Logger } from 'pino';
import { DEFAULT_JOB_OPTIONS, JOB_NAMES, QUEUE_NAMES } from '@yunpin/shared';
import { BLOB_DIR, FsBlobStore, OutboxNotifier, closeWithin, loadEsignKeys, type BlobStore, type EsignKeys, type Notifier } from '@yunpin/shared/node';
import type { WorkerConfig } from './config.js';
import { welcomeProcessor } from './processors/welcome.processor.js';
import { messageProcessor } from './processors/message.processor.js';
import { parseResumeProcessor } from './processors/parse-resume.processor.js';
import { screenApplicationProcessor } from './processors/screen-application.processor.js';
import { signOfferProcessor } from './processors/sign-offer.processor.js';
import { createParsePool } from './lib/parsing/parse-pool.js';

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

export interface WorkerDeps {
  notifier?: Notifier;
  blobs?: BlobStore;
}

/** Routes each job of a queue to its processor by job name; an unknown name fails the job. */
function byName(processors: Record<string, Processor>): Processor {
  return (job, token) => {
    const processor = processors[job.name];
    if (!processor) throw new Error(`No processor for job ${job.name}`);
    return processor(job, token);
  };
}

/**
 * Starts every processor against one Redis; `close()` lets active jobs finish, then disconnects.
 * A worker killed mid-job leaves its job locked until `lockMs` passes; another worker (or this one
 * restarted) then finds it stalled and runs it again.
 */
export function runWorkers(config: WorkerConfig, logger: Logger, deps: WorkerDeps = {}): RunningWorkers {
  const notifier = deps.notifier ?? new OutboxNotifier(path.join(config.dataDir, 'outbox'));
  const blobs = deps.blobs ?? new FsBlobStore(path.join(config.dataDir, BLOB_DIR));
  const connection = { url: config.redisUrl, maxRetriesPerRequest: null };
  const common = {
    connection,
    prefix: config.redisPrefix,
    lockDuration: config.lockMs,
    stalledInterval: config.lockMs,
    metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
  };
  const results = new Queue(QUEUE_NAMES.results, { connection, prefix: config.redisPrefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  results.on('error', (error) => logger.warn({ queue: results.name, err: error }, 'results queue redis error'));
  const parser = createParsePool({ size: config.parseThreads, timeoutMs: config.parseTimeoutMs });
  let keys: Promise<EsignKeys> | undefined;
  const esignKeys = () => (keys ??= loadEsignKeys(config.dataDir).catch((error: unknown) => {
    keys = undefined; // the next job tries again
    throw error;
  }));
  const workers = [
    new Worker(QUEUE_NAMES.notifications, byName({ [JOB_NAMES.welcome]: welcomeProcessor(notifier), [JOB_NAMES.message]: messageProcessor(notifier) }), { ...common, concurrency: config.concurrency }),
    // Twice the threads, so a thread never waits for the next file to be fetched.
    new Worker(QUEUE_NAMES.resumes, byName({ [JOB_NAMES.parseResume]: parseResumeProcessor({ blobs, parser, results }) }), { ...common, concurrency: config.parseThreads * 2 }),
    new Worker(QUEUE_NAMES.screening, byName({ [JOB_NAMES.screenApplication]: screenApplicationProcessor({ results }) }), { ...common, concurrency: config.concurrency }),
    // Signing is CPU work on this thread: a few at a time keeps the other queues moving.
    new Worker(
      QUEUE_NAMES.esign,
      byName({ [JOB_NAMES.signOffer]: signOfferProcessor({ blobs, keys: esignKeys, results, logger, ...(config.esignPauseMs ? { pauseBeforeResultMs: config.esignPauseMs } : {}) }) }),
      { ...common, concurrency: 2 },
    ),
  ];
  for (const worker of workers) {
    worker.on('failed', (job, error) => logger.warn({ queue: worker.name, jobId: job?.id, attempts: job?.attemptsMade, err: error }, 'job failed'));
    worker.on('error', (error) => logger.error({ queue: worker.name, err: error }, 'worker error'));
  }
  let closing: Promise<void> | undefined;
  return {
    workers,
    close() {
      closing ??= (async () => {
        // Active jobs get up to a lock's length to finish; past it (or with Redis unreachable, where
        // BullMQ's close would wait for good) the connections are dropped and the jobs run again later.
        const inTime = await closeWithin(workers, config.lockMs);
        await parser.close();
        if (!(await closeWithin([results], config.lockMs)) || !inTime) throw new Error(`Queues did not close within ${config.lockMs} ms (Redis unreachable?); connections dropped`);
      })();
      return closing;
    },
  };
}
