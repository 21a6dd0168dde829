import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { freePort } from './free-port.js';

export const REDIS_INSTALL_HINT =
  'redis-server was not found on PATH. Install it (Debian/Ubuntu: sudo apt-get install -y redis-server) or set REDIS_URL=redis://host:6379 to use a running Redis.';

export interface EmbeddedRedis {
  url: string;
  stop(): Promise<void>;
}

/** Starts redis-server on a free loopback port with an append-only file in `dir`, for development. */
export async function startEmbeddedRedis(dir: string, logger: Logger, binary = 'redis-server'): Promise<EmbeddedRedis> {
  await fs.mkdir(dir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--daemonize', 'no', '--loglevel', 'warning'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new Error(REDIS_INSTALL_HINT) : error));
  });
  await spawned;
  child.stdout?.on('data', (chunk: Buffer) => logger.debug({ redis: chunk.toString().trim() }, 'redis-server'));
  child.stderr?.on('data', (chunk: Buffer) => logger.warn({ redis: chunk.toString().trim() }, 'redis-server'));
  const url = `redis://127.0.0.1:${port}`;
  await waitForRedis(url, child);
  logger.info({ url, dir }, 'embedded redis-server started');
  let stopping: Promise<void> | undefined;
  return {
    url,
    stop() {
      stopping ??= stopChild(child);
      return stopping;
    },
  };
}

async function waitForRedis(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode} while starting`);
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      // While loading the append-only file Redis answers LOADING; wait for a real PONG.
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      // not up yet
    } finally {
      probe.disconnect();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopChild(child);
  throw new Error('redis-server did not answer within 10 s');
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
