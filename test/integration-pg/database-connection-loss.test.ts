import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/database.js';
import { ApiClient } from '../support/client.js';
import { TEST_DATABASE_URL } from '../support/env.js';
import { createFixtures, PASSWORD } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { waitFor } from '../support/wait.js';

/**
 * PostgreSQL restarting, failing over or an administrator ending sessions kills the server's idle
 * pooled connections. `pg` reports that as an 'error' event on the pool, which ends the process
 * when nobody listens; the node must log it and carry on with new connections.
 */
describe('a node whose database connections are cut', () => {
  let t: TestPlatform;

  beforeAll(async () => {
    t = await startTestPlatform({ captureLogs: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('logs the lost connections and serves the next requests on new ones', async () => {
    const f = await createFixtures(t.platform.ctx.db);
    const caseworker = new ApiClient(t.url);
    await caseworker.login(f.logins.caseworker, PASSWORD);
    // Several pooled connections, then idle: their backends' ids.
    const busy = await Promise.all(
      Array.from({ length: 4 }, () => sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.2)`.execute(t.platform.ctx.db)),
    );
    const pids = [...new Set(busy.map((r) => r.rows[0]!.pid))];
    expect(pids.length).toBeGreaterThan(1);

    const admin = await openDatabase({ kind: 'pg', url: TEST_DATABASE_URL });
    try {
      const ended = await sql<{ ended: boolean }>`select pg_terminate_backend(pid) as ended from unnest(${pids}::int[]) as pid`.execute(admin.db);
      expect(ended.rows.every((r) => r.ended)).toBe(true);
    } finally {
      await admin.close();
    }
    await waitFor(async () => (t.logs.some((line) => line.includes('database connection lost')) ? true : undefined), 'the lost connections to be logged', 10_000);

    const towns = await caseworker.request('GET', '/api/v1/towns');
    expect(towns.status).toBe(200);
    const again = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(t.platform.ctx.db);
    expect(pids).not.toContain(again.rows[0]!.pid);
  });
});
