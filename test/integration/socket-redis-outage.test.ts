import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/logger.js';
import { startEmbeddedRedis, type EmbeddedRedis } from '../../server/src/services/embedded-redis.js';
import { createFixtures, PASSWORD } from '../support/fixtures.js';
import { createLiveFair, type LiveFixtures } from '../support/live-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { connectAs, must } from '../support/sockets.js';
import { waitFor } from '../support/wait.js';

/** Starts redis-server again on a stopped embedded Redis's port and folder; resolves once it answers. */
async function restartRedis(stopped: EmbeddedRedis, dir: string): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', new URL(stopped.url).port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', dir], { stdio: 'ignore' });
  const probe = new Redis(stopped.url, { maxRetriesPerRequest: null });
  probe.on('error', () => undefined);
  try {
    await probe.ping();
  } finally {
    probe.disconnect();
  }
  return child;
}

/**
 * The Socket.IO streams adapter sends some commands without waiting for them (a dropped
 * connection's recovery state, server-side emits). While Redis is down those fail; the node must
 * log it and keep serving, not die of an unhandled rejection.
 */
describe('a node while its Redis is down', () => {
  let dir: string;
  let redis: EmbeddedRedis;
  let restarted: ChildProcess | undefined;
  let t: TestPlatform;
  let live: LiveFixtures;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-redis-outage-'));
    redis = await startEmbeddedRedis(dir, createLogger('silent'));
    t = await startTestPlatform({ redisUrl: redis.url, captureLogs: true });
    live = await createLiveFair(t.platform.ctx.db, await createFixtures(t.platform.ctx.db), { graduateCount: 1 });
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await t?.close();
    restarted?.kill('SIGKILL');
    await redis?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  const failures = (command: string) =>
    t.logs.filter((line) => {
      const entry = JSON.parse(line) as { msg?: string; command?: string };
      return entry.msg === 'socket adapter redis command failed' && entry.command === command;
    });

  it('logs the adapter commands it cannot send, stays up, and serves again once Redis is back', async () => {
    const { socket, api } = await connectAs(t.url, live.graduates[0]!.login, PASSWORD);
    await must(socket, 'lobby:enter', { fairId: live.fairId });
    await redis.stop();

    // A dropped transport: the server stores the connection's recovery state (SET, not awaited).
    const dropped = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    socket.io.engine.close();
    await dropped;
    socket.close();
    // A booth change told to the other nodes (PUBLISH, not awaited).
    t.platform.sockets.io.serverSideEmit('live:booths-changed', [[live.booths.a, 'q']]);

    await waitFor(async () => (failures('set').length > 0 && failures('publish').length > 0 ? true : undefined), 'the failed adapter commands to be logged', 15_000);
    expect(unhandled).toEqual([]);
    // Still up, and says what is missing.
    const down = await fetch(`${t.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ checks: { database: 'ok', redis: 'down' } });
    // What needs only PostgreSQL keeps working for a signed-in user.
    const towns = await api.request('GET', '/api/v1/towns');
    expect(towns.status).toBe(200);

    // Redis comes back on the same port: the node reconnects and takes sockets again.
    restarted = await restartRedis(redis, dir);
    await waitFor(async () => ((await fetch(`${t.url}/readyz`)).status === 200 ? true : undefined), 'the node to report ready again', 15_000);
    const again = await connectAs(t.url, live.graduates[0]!.login, PASSWORD);
    try {
      await must(again.socket, 'lobby:enter', { fairId: live.fairId });
    } finally {
      again.socket.close();
    }
    expect(unhandled).toEqual([]);
  });
});

describe('closing a node while its Redis is down', () => {
  it('finishes, dropping the queue connections BullMQ would wait on for good', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-redis-down-'));
    const redis = await startEmbeddedRedis(dir, createLogger('silent'));
    let restarted: ChildProcess | undefined;
    let t: TestPlatform | undefined;
    try {
      t = await startTestPlatform({ redisUrl: redis.url, captureLogs: true });
      await redis.stop();
      const url = t.url;
      await waitFor(async () => ((await fetch(`${url}/readyz`)).status === 503 ? true : undefined), 'the node to see Redis gone', 15_000);
      await t.platform.close();
      expect(t.logs.some((line) => line.includes('did not close in time'))).toBe(true);
      // Redis back for the test's own clean-up (its keys, the database).
      restarted = await restartRedis(redis, dir);
    } finally {
      await t?.close();
      restarted?.kill('SIGKILL');
      await redis.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
