/**
 * registry: importing the graduate registry, then the 4×100% dashboard at district scale.
 *
 *   npm run bench -- registry [--rows=3000] [--graduates=30000] [--rounds=60]
 *
 * One platform (`createPlatform`, production defaults, no workers) in this process, on a fresh
 * PostgreSQL schema and Redis prefix, with the test fixtures' small district (towns 泗泾镇 and 新浜镇,
 * an administrator). Then:
 *  1. Import: an xlsx of `--rows` valid rows (the test fixtures' row generator: real national IDs
 *     with check digits) is uploaded through the API exactly as the import page does, first in
 *     validate mode, then in commit mode (one transaction). Reported: rows per second of the commit
 *     upload, wall time from the request to the report.
 *  2. Growth: more files are added straight in SQL (generate_series) up to `--graduates`, with a
 *     mix of complete and incomplete census fields, employment statuses, priority groups, services
 *     for about a third and subsidy claims for about a tenth, so every goal has work to count.
 *  3. Dashboard: `--rounds` alternating rounds of the dashboard's query (`getDashboard` for a
 *     district administrator: the two grouped scans and the assembly) and, as the baseline in the
 *     same rounds, a bare `select count(*) from graduate_profiles` on the same pool. The HTTP figure
 *     (GET /api/v1/dashboard/goals) is printed as well. Reported: p50/p95 of each, and
 *     ratio = dashboard p95 / count p95.
 * Targets: import ≥ 1,000 rows/s; dashboard p95 ≤ 200 ms at 30,000 graduates. The schema, Redis
 * keys and data folder are removed at the end. Last line: the RESULT line.
 */
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { TSessionUser } from '@yunpin/shared';
import { loadConfig } from '../server/src/config.js';
import { createLogger } from '../server/src/logger.js';
import { openDatabase } from '../server/src/db/database.js';
import { createPlatform, type Platform } from '../server/src/platform.js';
import { getDashboard } from '../server/src/domain/dashboard/dashboard.js';
import { ApiClient } from '../test/support/client.js';
import { createFixtures, PASSWORD } from '../test/support/fixtures.js';
import { installTestFieldKeys } from '../test/support/field-keys.js';
import { makeRegistryXlsx, registryRow, uploadRegistry } from '../test/support/registry-fixtures.js';
import { deleteRedisPrefix } from '../test/support/redis-prefix.js';
import { fmt, summarize } from './lib/stats.js';

const HARD_LIMIT_MS = 285_000;
const STARTED = Date.now();
const arg = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const ROWS = arg('rows', 3000);
const GRADUATES = arg('graduates', 30_000);
const ROUNDS = arg('rounds', 60);
const DB_URL = process.env.YP_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.YP_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const say = (s: string) => console.log(`[${((Date.now() - STARTED) / 1000).toFixed(1).padStart(5)} s] ${s}`);

const tag = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const schema = `ypbench_registry_${tag}`;
const prefix = `ypbench-registry-${tag}`;
const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'yp-bench-registry-'));
let platform: Platform | undefined;

async function cleanup() {
  await platform?.close().catch(() => undefined);
  const admin = await openDatabase({ kind: 'pg', url: DB_URL });
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
  await admin.close();
  await deleteRedisPrefix(REDIS_URL, prefix);
  await fsp.rm(dataDir, { recursive: true, force: true });
}
const hardStop = setTimeout(() => {
  console.error('registry bench: hard time limit reached, cleaning up');
  void cleanup().finally(() => process.exit(2));
}, HARD_LIMIT_MS);

try {
  const setup = await openDatabase({ kind: 'pg', url: DB_URL });
  await sql`create schema ${sql.id(schema)}`.execute(setup.db);
  await setup.close();
  // The fixtures seal with the test field key: the platform reads them with it.
  await installTestFieldKeys(dataDir);
  platform = await createPlatform({
    config: loadConfig({ DATA_DIR: dataDir, REDIS_PREFIX: prefix, PUBLIC_URL: 'http://127.0.0.1:1', LOG_LEVEL: 'silent' }),
    logger: createLogger('silent'),
    redisUrl: REDIS_URL,
    database: { kind: 'pg', url: DB_URL, schema },
    consumeResults: false,
  });
  const port = await platform.listen(0);
  const db = platform.ctx.db;
  const f = await createFixtures(db);
  const admin = new ApiClient(`http://127.0.0.1:${port}`);
  await admin.login(f.logins.admin, PASSWORD);
  const actor = (await admin.get('/api/v1/auth/session')).body.user as TSessionUser;

  // 1. Import.
  const rows = Array.from({ length: ROWS }, (_, i) => registryRow(i + 1));
  const xlsx = await makeRegistryXlsx(rows);
  say(`import: ${ROWS} rows, ${(xlsx.length / 1024).toFixed(0)} KB xlsx`);
  let t0 = performance.now();
  const validated = await uploadRegistry(admin, xlsx, 'registry.xlsx', 'validate');
  const validateMs = performance.now() - t0;
  if (validated.status !== 200 || validated.body.invalidRows !== 0) throw new Error(`validate: ${validated.status} ${JSON.stringify(validated.body).slice(0, 500)}`);
  t0 = performance.now();
  const committed = await uploadRegistry(admin, xlsx, 'registry.xlsx', 'commit');
  const commitMs = performance.now() - t0;
  if (committed.status !== 200 || !committed.body.isCommitted) throw new Error(`commit: ${committed.status} ${JSON.stringify(committed.body).slice(0, 500)}`);
  const importRowsPerS = ROWS / (commitMs / 1000);
  say(`import: validate ${fmt(validateMs)} ms, commit ${fmt(commitMs)} ms → ${fmt(importRowsPerS)} rows/s (created ${committed.body.created})`);

  // 2. Growth to district scale.
  const have = Number((await sql<{ n: number }>`select count(*)::int as n from graduate_profiles`.execute(db)).rows[0]!.n);
  const add = Math.max(0, GRADUATES - have);
  // Hardship is sealed in the application (one file in nine has it): generate_series picks file i's value.
  const { fieldCrypto } = platform.ctx;
  const hardship = await Promise.all(Array.from({ length: add }, (_, k) => fieldCrypto.sealFlag((k + 1) % 9 === 0)));
  await sql`
    insert into graduate_profiles (id, user_id, name, phone, school, major, degree, graduation_year, hukou_town_id, job_intention, training_needs,
      hardship_sealed, employment_status, national_id_hash, is_registered_local)
    select gen_random_uuid(), null, '毕业生' || i, case when i % 10 <> 0 then '139' || lpad(i::text, 8, '0') end, '上海大学',
      case when i % 7 <> 0 then '软件工程' end, 'bachelor', 2026,
      (array[${f.towns.a}::uuid, ${f.towns.b}::uuid, ${f.towns.devZone}::uuid])[1 + i % 3],
      case when i % 5 <> 0 then '开发' end, '无', (${hardship}::text[])[i],
      (array['unemployed', 'unemployed', 'employed', 'further_study', 'not_seeking'])[1 + i % 5],
      case when i % 11 <> 0 then md5(i::text) || md5((i * 7)::text) end, i % 4 <> 0
    from generate_series(1, ${add}) as i`.execute(db);
  await sql`
    insert into case_services (id, graduate_id, type, served_on, created_at)
    select gen_random_uuid(), id, 'career_guidance', current_date, now() from graduate_profiles where abs(hashtext(id::text)) % 3 = 0`.execute(db);
  await sql`
    insert into subsidy_claims (id, kind, graduate_id, amount_yuan, status, approved_at, paid_at)
    select gen_random_uuid(), 'job_search', id, 1500,
      case when abs(hashtext(id::text)) % 20 < 13 then 'paid' else 'approved' end, now() - interval '10 days',
      case when abs(hashtext(id::text)) % 20 < 13 then now() end
    from graduate_profiles where abs(hashtext(id::text)) % 10 = 0`.execute(db);
  await sql`analyze`.execute(db);
  const total = Number((await sql<{ n: number }>`select count(*)::int as n from graduate_profiles`.execute(db)).rows[0]!.n);
  say(`growth: ${total} graduate files`);

  // 3. Dashboard against count(*), alternating.
  for (let i = 0; i < 5; i += 1) {
    await getDashboard(platform.ctx, actor);
    await sql`select count(*) from graduate_profiles`.execute(db);
  }
  const dashboard: number[] = [];
  const count: number[] = [];
  const http: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    t0 = performance.now();
    const board = await getDashboard(platform.ctx, actor);
    dashboard.push(performance.now() - t0);
    if (board.scope.registered !== total) throw new Error(`dashboard counted ${board.scope.registered} of ${total}`);
    t0 = performance.now();
    await sql`select count(*) from graduate_profiles`.execute(db);
    count.push(performance.now() - t0);
    if (i % 4 === 0) {
      t0 = performance.now();
      const res = await admin.get('/api/v1/dashboard/goals');
      http.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`GET /dashboard/goals: ${res.status}`);
    }
  }
  const d = summarize(dashboard);
  const c = summarize(count);
  const h = summarize(http);
  say(`dashboard query: p50 ${fmt(d.p50)} ms, p95 ${fmt(d.p95)} ms, max ${fmt(d.max)} ms (${ROUNDS} rounds)`);
  say(`count(*) baseline: p50 ${fmt(c.p50)} ms, p95 ${fmt(c.p95)} ms`);
  say(`GET /api/v1/dashboard/goals over HTTP: p50 ${fmt(h.p50)} ms, p95 ${fmt(h.p95)} ms (${http.length} requests)`);
  const ratio = d.p95 / c.p95;
  say(`targets: import ≥ 1000 rows/s: ${importRowsPerS >= 1000 ? 'met' : 'NOT met'}; dashboard p95 ≤ 200 ms: ${d.p95 <= 200 ? 'met' : 'NOT met'}; ratio to count(*) ${fmt(ratio)}×`);
  await cleanup();
  clearTimeout(hardStop);
  console.log(`RESULT registry rows=${ROWS} import_rows_per_s=${fmt(importRowsPerS)} dashboard_p95_ms=${fmt(d.p95)} count_p95_ms=${fmt(c.p95)} ratio=${fmt(ratio)}`);
  process.exit(0);
} catch (error) {
  console.error(error);
  await cleanup().catch(() => undefined);
  process.exit(1);
}
