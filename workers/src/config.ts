import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parseEnv } from '@yunpin/shared/node';

const ZWorkerConfigSchema = z.object({
  REDIS_URL: z.string({ error: 'expected a redis:// URL (the workers need the same Redis as the server)' }).regex(/^rediss?:\/\//, 'expected a redis:// or rediss:// URL'),
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, _ and - only').default('yp'),
  DATA_DIR: z.string().min(1, 'expected a folder path').default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'expected one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  HEALTH_FILE: z.string().min(1).optional(),
  WORKER_CONCURRENCY: z.coerce.number({ error: 'expected a whole number from 1 to 100' }).int().min(1).max(100).default(10),
  /** Threads parsing resumes; each has its own memory limit. Defaults to the number of cores. */
  PARSE_THREADS: z.coerce.number({ error: 'expected a whole number from 1 to 32' }).int().min(1).max(32).default(os.availableParallelism()),
  PARSE_TIMEOUT_MS: z.coerce.number({ error: 'expected milliseconds from 1000 to 300000' }).int().min(1000).max(300_000).default(15_000),
  /** How long a job stays locked to a worker that stopped answering before another runs it. */
  /** Crash tests only: pause between storing a signed offer and posting the result. */
  YP_ESIGN_PAUSE_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  WORKER_LOCK_MS: z.coerce.number({ error: 'expected milliseconds from 1000 to 600000' }).int().min(1000).max(600_000).default(30_000),
});

export interface WorkerConfig {
  redisUrl: string;
  redisPrefix: string;
  dataDir: string;
  logLevel: string;
  concurrency: number;
  parseThreads: number;
  parseTimeoutMs: number;
  lockMs: number;
  /** Crash tests only: see YP_ESIGN_PAUSE_MS. */
  esignPauseMs?: number;
  /** Touched every few seconds while every worker runs; container healthchecks read its age. */
  healthFile?: string | undefined;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const c = parseEnv(ZWorkerConfigSchema, env);
  return { redisUrl: c.REDIS_URL, redisPrefix: c.REDIS_PREFIX, dataDir: path.resolve(c.DATA_DIR), logLevel: c.LOG_LEVEL, concurrency: c.WORKER_CONCURRENCY, parseThreads: c.PARSE_THREADS, parseTimeoutMs: c.PARSE_TIMEOUT_MS, lockMs: c.WORKER_LOCK_MS, esignPauseMs: c.YP_ESIGN_PAUSE_MS, healthFile: c.HEALTH_FILE };
}
