import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_NAMES, QUEUE_NAMES, welcomeJobId } from '@yunpin/shared';
import type { RunningWorkers } from '../../workers/src/run-workers.js';
import { createLogger } from '../../server/src/logger.js';
import { startEmbeddedRedis } from '../../server/src/services/embedded-redis.js';
import { startTestWorkers } from '../support/workers.js';
import { ApiClient } from '../support/client.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { deleteRedisPrefix } from '../support/redis-prefix.js';
import { waitFor } from '../support/wait.js';

/** Starts the workers process from its entry point; `output()` is everything it printed so far. */
function spawnWorkers(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output };
}

describe('workers: the welcome message, end to end through BullMQ', () => {
  let t: TestPlatform;
  let workers: RunningWorkers;

  beforeAll(async () => {
    t = await startTestPlatform();
    workers = startTestWorkers(t, { concurrency: 2 });
  });
  afterAll(async () => {
    await workers?.close();
    await t?.close();
  });

  it('delivers one welcome message to the outbox after registration, readable by its owner', async () => {
    const client = new ApiClient(t.url);
    const reg = await client.post('/api/v1/auth/register', { role: 'graduate', name: '欢迎', login: 'welcome@example.com', password: 'welcome-pass' });
    expect(reg.status).toBe(201);
    const userId = reg.body.user.id as string;
    const messages = await waitFor(async () => {
      const res = await client.get('/api/v1/account/notifications');
      return res.body.items.length > 0 ? res.body.items : undefined;
    }, 'the welcome message', 15_000);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ id: welcomeJobId(userId), channel: 'email', to: 'welcome@example.com', subject: '欢迎使用云聘 24365' });
    expect(messages[0].body).toContain('欢迎');
    const files = await fs.readdir(path.join(t.dataDir, 'outbox', userId));
    expect(files).toEqual([`${welcomeJobId(userId)}.json`]);

    // Another user sees none of it.
    const stranger = new ApiClient(t.url);
    await stranger.post('/api/v1/auth/register', { role: 'graduate', name: '路人', login: '13933334444', password: 'stranger-pass' });
    const theirs = await stranger.get('/api/v1/account/notifications');
    expect(theirs.body.items.every((m: { id: string }) => m.id !== welcomeJobId(userId))).toBe(true);
  });

  it('enqueues a welcome once per user, however often it is asked', async () => {
    const userId = '11111111-1111-4111-8111-111111111111';
    const job = { userId, name: '一次', channel: 'sms' as const, to: '13955556666', role: 'graduate' };
    await t.platform.ctx.jobs.enqueueWelcome(job);
    await t.platform.ctx.jobs.enqueueWelcome(job);
    const queue = new Queue(QUEUE_NAMES.notifications, { connection: { url: TEST_REDIS_URL }, prefix: t.redisPrefix });
    try {
      await waitFor(async () => ((await queue.getJobState(welcomeJobId(userId))) === 'completed' ? true : undefined), 'the welcome job to complete', 15_000);
      const jobs = await queue.getJobs(['completed', 'waiting', 'active', 'delayed', 'failed']);
      expect(jobs.filter((j) => j.name === JOB_NAMES.welcome && j.data.userId === userId)).toHaveLength(1);
    } finally {
      await queue.close();
    }
    const files = await fs.readdir(path.join(t.dataDir, 'outbox', userId));
    expect(files).toHaveLength(1);
  });

  it('fails a malformed job without retrying it', async () => {
    const queue = new Queue(QUEUE_NAMES.notifications, { connection: { url: TEST_REDIS_URL }, prefix: t.redisPrefix });
    try {
      const job = await queue.add(JOB_NAMES.welcome, { userId: 'not-a-uuid' }, { jobId: 'malformed-1', attempts: 5, backoff: { type: 'fixed', delay: 10 } });
      await waitFor(async () => ((await queue.getJobState(job.id!)) === 'failed' ? true : undefined), 'the job to fail', 15_000);
      const failed = await queue.getJob(job.id!);
      expect(failed?.attemptsMade).toBe(1);
      expect(failed?.failedReason).toContain('Invalid welcome payload');
    } finally {
      await queue.close();
    }
  });
});

describe('workers process', () => {
  it('starts from its entry point, processes jobs and exits cleanly on SIGTERM', async () => {
    const prefix = `yptest_proc_${Date.now().toString(36)}`;
    const dataDir = await fs.mkdtemp(path.join((await import('node:os')).tmpdir(), 'yp-workers-'));
    const { child, output } = spawnWorkers({ ...process.env, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, DATA_DIR: dataDir, LOG_LEVEL: 'info', HEALTH_FILE: path.join(dataDir, 'alive') });
    const queue = new Queue(QUEUE_NAMES.notifications, { connection: { url: TEST_REDIS_URL }, prefix });
    try {
      await waitFor(async () => (output().includes('workers started') ? true : undefined), 'the workers to start', 30_000);
      const userId = '22222222-2222-4222-8222-222222222222';
      await queue.add(JOB_NAMES.welcome, { userId, name: '进程', channel: 'sms', to: '13977778888', role: 'graduate' }, { jobId: welcomeJobId(userId) });
      await waitFor(async () => ((await queue.getJobState(welcomeJobId(userId))) === 'completed' ? true : undefined), 'the welcome job to complete', 15_000);
      // The container healthcheck reads this file's age.
      const beat = await waitFor(() => fs.readFile(path.join(dataDir, 'alive'), 'utf8').catch(() => undefined), 'the heartbeat file', 15_000);
      expect(Date.now() - Date.parse(beat)).toBeLessThan(30_000);
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(output()).toContain('workers stopped');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await queue.obliterate({ force: true });
      await queue.close();
      // The process registered every queue it consumes (their meta keys), not just this one.
      await deleteRedisPrefix(TEST_REDIS_URL, prefix);
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  it('still exits on SIGTERM while its Redis is down, after the lock-length deadline', async () => {
    const dataDir = await fs.mkdtemp(path.join((await import('node:os')).tmpdir(), 'yp-workers-'));
    const redis = await startEmbeddedRedis(path.join(dataDir, 'redis'), createLogger('silent'));
    const { child, output } = spawnWorkers({ ...process.env, REDIS_URL: redis.url, REDIS_PREFIX: 'yptest_down', DATA_DIR: dataDir, LOG_LEVEL: 'info', WORKER_LOCK_MS: '2000', PARSE_THREADS: '1' });
    try {
      await waitFor(async () => (output().includes('workers started') ? true : undefined), 'the workers to start', 30_000);
      await redis.stop();
      // BullMQ's own close waits for good on a connection that is reconnecting.
      await waitFor(async () => (output().includes('ECONNREFUSED') ? true : undefined), 'the connection error in the log', 15_000);
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(1);
      expect(output()).toContain('did not close within 2000 ms');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await redis.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start without REDIS_URL, naming the variable', async () => {
    const env = { ...process.env };
    delete env.REDIS_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'workers/src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('REDIS_URL');
  });
});
