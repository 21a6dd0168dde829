import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.js';

function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * `npm start` on a fresh data folder: embedded PGlite, a spawned redis-server, the workers
 * child process, the demo district and the built client, all from `server/dist/main.js`.
 */
describe('npm start with embedded defaults', () => {
  let child: ChildProcess | undefined;
  let dataDir: string | undefined;

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('serves the client, prints demo logins that work, runs the workers and stops everything on SIGTERM', async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-start-'));
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JANUS_WS_URL', 'PUBLIC_URL']) delete env[name];
    const proc = spawn(process.execPath, ['server/dist/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let output = '';
    proc.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    proc.stderr!.on('data', (c: Buffer) => (output += c.toString()));

    const deadline = Date.now() + 150_000;
    while (!/demo logins/.test(output) || !/graduate\s+\d{11}/.test(output)) {
      if (proc.exitCode !== null) throw new Error(`server exited early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`server did not start in time:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
    const password = /password for all: (\S+)\)/.exec(output)?.[1];
    const graduateLogin = /graduate\s+(\d{11})/.exec(output)?.[1];
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(output).toContain('database: pglite');
    expect(output).toMatch(/redis: redis:\/\/127\.0\.0\.1:\d+ \(embedded\)/);
    const base = url!.replace('localhost', '127.0.0.1');

    const page = await fetch(`${base}/login`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    expect(html).toContain('云聘');

    const ready = await fetch(`${base}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });

    const client = new ApiClient(base);
    const session = await client.login(graduateLogin!, password!);
    expect(session.body.user.role).toBe('graduate');
    const admin = new ApiClient(base);
    await admin.login(/admin\s+(\d{11})/.exec(output)![1]!, password!);
    const graduates = await admin.get('/api/v1/graduates?pageSize=1');
    expect(graduates.body.total).toBe(3000);
    const towns = await admin.get('/api/v1/towns');
    expect(towns.body.items).toHaveLength(18);
    expect(towns.body.items.filter((t: { isDevZone: boolean }) => t.isDevZone)).toHaveLength(1);

    // The workers child process delivers the welcome message of a new account.
    const fresh = new ApiClient(base);
    await fresh.post('/api/v1/auth/register', { role: 'graduate', name: '启动测试', login: '13966667777', password: 'start-test-pass' });
    const welcomeDeadline = Date.now() + 30_000;
    let items: unknown[] = [];
    while (items.length === 0 && Date.now() < welcomeDeadline) {
      items = (await fresh.get('/api/v1/account/notifications')).body.items;
      if (items.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(items).toHaveLength(1);

    const redisPort = /redis:\/\/127\.0\.0\.1:(\d+)/.exec(output)![1]!;
    const exit = new Promise<number | null>((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    expect(await exit).toBe(0);
    // The embedded redis-server went down with it.
    expect(await isPortOpen(Number(redisPort))).toBe(false);
    await expect(fs.readdir(path.join(dataDir, 'redis'))).resolves.toContain('appendonlydir');
  }, 180_000);
});
