import { pino } from 'pino';
import { runWorkers, type RunningWorkers } from '../../workers/src/run-workers.js';
import type { WorkerConfig } from '../../workers/src/config.js';
import { TEST_REDIS_URL } from './env.js';

/** The workers' config for a test platform's Redis prefix and data folder. */
export function testWorkerConfig(t: { redisPrefix: string; dataDir: string }, overrides: Partial<WorkerConfig> = {}): WorkerConfig {
  return {
    redisUrl: TEST_REDIS_URL,
    redisPrefix: t.redisPrefix,
    dataDir: t.dataDir,
    logLevel: 'silent',
    concurrency: 4,
    parseThreads: 1,
    parseTimeoutMs: 15_000,
    lockMs: 30_000,
    ...overrides,
  };
}

/** Runs the real processors in this process against a test platform's queues. */
export function startTestWorkers(t: { redisPrefix: string; dataDir: string }, overrides: Partial<WorkerConfig> = {}): RunningWorkers {
  return runWorkers(testWorkerConfig(t, overrides), pino({ level: 'silent' }));
}
