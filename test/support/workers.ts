import { spawn, type ChildProcess } from 'node:child_process';
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

/**
 * The workers' real entry point in its own process, as production runs it; resolves once it says
 * "workers started". `onOutput` sees every line it prints (tests wait for a log line to kill it).
 */
export function startWorkerProcess(t: { redisPrefix: string; dataDir: string }, env: Record<string, string> = {}, onOutput?: (text: string) => void): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/src/main.ts'], {
    env: { ...process.env, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: t.redisPrefix, DATA_DIR: t.dataDir, LOG_LEVEL: 'info', PARSE_THREADS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      // Never leave it running: a test that gives up on it would otherwise orphan it.
      child.kill('SIGKILL');
      reject(new Error(`workers did not start:\n${output}`));
    }, 90_000);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      const text = c.toString();
      output += text;
      onOutput?.(text);
      if (output.includes('workers started')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`workers exited with ${code}:\n${output}`)));
  });
}

/** SIGKILL, as a crash would; resolves when the process is gone. */
export function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
