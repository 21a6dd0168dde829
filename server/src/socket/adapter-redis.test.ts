import fs from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedRedis, type EmbeddedRedis } from '../services/embedded-redis.js';
import { adapterRedisClient } from './adapter-redis.js';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A Socket.IO server on the streams adapter, as the platform sets it up (recovery on), over a Redis
 * of its own that the test stops. `guarded` says whether its client goes through adapterRedisClient.
 */
async function nodeOnItsOwnRedis(guarded: boolean) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-adapter-redis-'));
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  const redis: EmbeddedRedis = await startEmbeddedRedis(dir, pino({ level: 'silent' }));
  cleanups.push(() => redis.stop());
  const failures: { command: string }[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void failures.push(JSON.parse(line) as { command: string }) });
  const base = new Redis(redis.url, { maxRetriesPerRequest: 3 });
  base.on('error', () => undefined);
  cleanups.push(() => base.disconnect());
  const client = guarded ? adapterRedisClient(base.duplicate(), logger) : base.duplicate();
  client.on('error', () => undefined);
  cleanups.push(() => client.disconnect());
  const http = createServer();
  const server = new Server(http, { adapter: createAdapter(client), connectionStateRecovery: { maxDisconnectionDuration: 60_000 } });
  cleanups.push(() => server.close());
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const socket: ClientSocket = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'], reconnection: false, forceNew: true });
  cleanups.push(() => socket.close());
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return { redis, server, socket, failures: (command: string) => failures.filter((f) => f.command === command).length };
}

describe('the streams adapter client while Redis is down', () => {
  it('logs the commands the adapter does not wait for (recovery state, server-side emits) instead of leaving them unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    cleanups.push(() => process.off('unhandledRejection', onUnhandled));
    const node = await nodeOnItsOwnRedis(true);
    await node.redis.stop();

    // A dropped transport: the server keeps the connection's state for recovery (SET).
    const dropped = new Promise<void>((resolve) => node.socket.once('disconnect', () => resolve()));
    node.socket.io.engine.close();
    await dropped;
    // A message to the other nodes (PUBLISH).
    node.server.serverSideEmit('ping', 1);

    await until(() => node.failures('set') > 0 && node.failures('publish') > 0, 'both failures to be logged');
    // Rejections are reported after the microtask queue drains: give them a turn.
    await new Promise((r) => setTimeout(r, 100));
    expect(unhandled).toEqual([]);
  });
});
