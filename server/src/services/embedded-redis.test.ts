import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { REDIS_INSTALL_HINT, startEmbeddedRedis } from './embedded-redis.js';

const logger = pino({ level: 'silent' });
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

describe('embedded redis-server launcher', () => {
  it('starts on a free loopback port and keeps data across restarts through its append-only file', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-redis-'));
    dirs.push(dir);
    const first = await startEmbeddedRedis(dir, logger);
    expect(first.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    const client = new Redis(first.url);
    await client.set('kept', 'across restarts');
    client.disconnect();
    await first.stop();
    await first.stop();

    const second = await startEmbeddedRedis(dir, logger);
    const again = new Redis(second.url);
    try {
      expect(await again.get('kept')).toBe('across restarts');
    } finally {
      again.disconnect();
      await second.stop();
    }
    expect(await fs.readdir(dir)).toContain('appendonlydir');
  });

  it('explains how to install redis-server when it is missing', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-redis-'));
    dirs.push(dir);
    await expect(startEmbeddedRedis(dir, logger, 'redis-server-that-does-not-exist')).rejects.toThrow(REDIS_INSTALL_HINT);
    expect(REDIS_INSTALL_HINT).toContain('apt-get install -y redis-server');
    expect(REDIS_INSTALL_HINT).toContain('REDIS_URL');
  });
});
