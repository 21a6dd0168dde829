/**
 * screening: resumes from upload to screened result, through the real server and a real worker process.
 *
 *   npm run bench -- screening [--resumes=1000] [--uploaders=8] [--parse-threads=1] [--warmup=600] [--rounds=4]
 *
 * Generates the resumes first (half PDF with an embedded CJK font, half DOCX; Chinese and English),
 * then measures, in the same run:
 *   - the baseline: bare text extraction of the same files in this process (pdf.js / mammoth), CPU ms per file;
 *     both sides first process the same --warmup files unmeasured (a fresh worker compiles its hot
 *     code over the first few hundred resumes), then the measured files go through them in
 *     --rounds alternating rounds, so drift in the machine's speed falls on both alike;
 *   - the pipeline: a server (createPlatform on a fresh PostgreSQL schema and Redis prefix) in this
 *     process, and one worker process (`workers/dist/main.js`) with one parse thread. Every graduate
 *     has applied to a job; their resume is uploaded over HTTP (multipart), checked, stored, parsed on
 *     the worker in a sandboxed thread, scored, and the score recorded by the server. The time from
 *     the start of the upload to the recorded score is taken from the results queue's events.
 *   - hostile files (zip bombs, an escaping zip entry, an encrypted PDF, garbage) sent straight to
 *     the worker's queue, which must refuse each without its memory growing out of bounds.
 * Per-core throughput is resumes per CPU-second of the worker process (all its threads), read from
 * /proc; the ratio is the worker's CPU per resume over the bare extraction's CPU per file.
 * The worker runs compiled (workers/dist, built first with `tsc -b workers`), as in production.
 * The worker process gets the production flags (WORKER_NODE_FLAGS). Diagnostics: YP_BENCH_THREADS=1
 * prints the worker's CPU per thread; YP_BENCH_NODE_FLAGS replaces the flags ("" for none).
 * The last line printed is the RESULT line. Everything started is stopped and removed at the end.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { QueueEvents } from 'bullmq';
import { sql } from 'kysely';
import { Redis } from 'ioredis';
import { WORKER_NODE_FLAGS } from '@yunpin/shared/node';
import { QUEUE_NAMES, ndcgAt, rankGraduatesForJob, type TScreeningCandidate, type TScreeningJob } from '@yunpin/shared';
import { loadConfig } from '../server/src/config.js';
import { createLogger } from '../server/src/logger.js';
import { createPlatform, type Platform } from '../server/src/platform.js';
import { openDatabase } from '../server/src/db/database.js';
import { hashToken, newToken } from '../server/src/domain/auth/session-tokens.js';
import { extractText } from '../workers/src/lib/parsing/extract-text.js';
import {
  makeEncryptedPdf,
  makeResumeDocx,
  makeResumePdf,
  makeZipBombDocx,
  makeZipSlipDocx,
  randomFixtureResume,
} from '../test/support/resume-fixtures.js';
import { REPO_DIR } from './lib/children.js';
import { CLOCK_TICKS, readStat } from './lib/proc-cpu.js';
import { fmt, summarize } from './lib/stats.js';

const HARD_LIMIT_MS = 285_000;
const STARTED = Date.now();
const DATABASE_URL = process.env.YP_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.YP_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

const arg = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const RESUMES = arg('resumes', 1000);
const UPLOADERS = arg('uploaders', 8);
const PARSE_THREADS = arg('parse-threads', 1);
/** Files each side processes before measuring (the same files), so both are measured warm. */
const WARMUP = arg('warmup', 600);
/** Alternating rounds of bare extraction and pipeline in the measured run. */
const ROUNDS = arg('rounds', 4);

const say = (s: string) => console.log(`[${((Date.now() - STARTED) / 1000).toFixed(1).padStart(5)} s] ${s}`);

// ---------- /proc helpers (Linux) ----------
function cpuSeconds(pid: number): number {
  return readStat(`/proc/${pid}/stat`).ticks / CLOCK_TICKS;
}
/** CPU seconds of each thread of a process, by thread id. */
function threadCpu(pid: number): Map<string, { comm: string; s: number }> {
  const threads = new Map<string, { comm: string; s: number }>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    const { comm, ticks } = readStat(`/proc/${pid}/task/${tid}/stat`);
    threads.set(tid, { comm, s: ticks / CLOCK_TICKS });
  }
  return threads;
}
function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

// ---------- cleanup ----------
const cleanups: (() => Promise<unknown>)[] = [];
let worker: ChildProcess | undefined;
async function cleanup() {
  if (worker && worker.exitCode === null) worker.kill('SIGKILL');
  for (const fn of cleanups.reverse()) await fn().catch((e: unknown) => console.error('cleanup:', e));
  cleanups.length = 0;
}
const hardStop = setTimeout(() => {
  console.error('screening bench: hard time limit reached, cleaning up');
  void cleanup().finally(() => process.exit(2));
}, HARD_LIMIT_MS);
hardStop.unref();

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const entry = process.env.YP_BENCH_WORKER_SRC ? ['--import', 'tsx', 'workers/src/main.ts'] : [...(process.env.YP_BENCH_NODE_FLAGS !== undefined ? process.env.YP_BENCH_NODE_FLAGS.split(' ').filter(Boolean) : WORKER_NODE_FLAGS), 'workers/dist/main.js'];
  const child = spawn(process.execPath, entry, { cwd: REPO_DIR, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      output = (output + c.toString()).slice(-20_000);
      if (output.includes('workers started')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}:\n${output}`)));
  });
}

interface Upload {
  graduateId: string;
  applicationId: string;
  cookie: string;
  csrf: string;
  bytes: Uint8Array;
  name: string;
  kind: 'pdf' | 'docx';
  startedAt?: number;
  screenedAt?: number;
}

async function upload(url: string, u: Upload, onUploaded: (u: Upload, resumeId: string) => void): Promise<void> {
  const form = new FormData();
  const type = u.kind === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  form.append('file', new Blob([u.bytes], { type }), u.name);
  u.startedAt = performance.now();
  const res = await fetch(`${url}/api/v1/me/resumes`, { method: 'POST', headers: { cookie: u.cookie, 'x-csrf-token': u.csrf }, body: form });
  if (res.status !== 201) throw new Error(`upload ${u.name}: ${res.status} ${await res.text()}`);
  onUploaded(u, ((await res.json()) as { id: string }).id);
}

async function runPool<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

function fixtureNdcg(): number {
  const read = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(REPO_DIR, 'test/fixtures/ranking', name), 'utf8')) as T;
  const jobs = read<{ jobs: { id: string; job: TScreeningJob }[] }>('jobs.json').jobs;
  const candidates = new Map(read<{ candidates: { id: string; candidate: TScreeningCandidate }[] }>('candidates.json').candidates.map((c) => [c.id, c.candidate]));
  const labels = read<{ labels: { jobId: string; candidateId: string; relevance: number }[] }>('labels.json').labels;
  const perJob = jobs.map((j) => {
    const judged = labels.filter((l) => l.jobId === j.id);
    const ranked = rankGraduatesForJob(j.job, judged.map((l) => ({ id: l.candidateId, candidate: candidates.get(l.candidateId)! })));
    return ndcgAt(5, ranked.map((r) => r.id), new Map(judged.map((l) => [l.candidateId, l.relevance])));
  });
  return perJob.reduce((a, b) => a + b, 0) / perJob.length;
}

async function main() {
  say(`screening bench: ${RESUMES} resumes (half PDF, half DOCX), ${UPLOADERS} concurrent uploads, ${PARSE_THREADS} parse thread(s), ${os.cpus().length} cores`);

  execFileSync(process.execPath, [path.join(REPO_DIR, 'node_modules/typescript/bin/tsc'), '-b', 'workers'], { cwd: REPO_DIR, stdio: 'inherit' });
  say('workers built');

  // ---------- fixtures ----------
  const files: { bytes: Uint8Array; kind: 'pdf' | 'docx' }[] = [];
  for (let i = 0; i < RESUMES + WARMUP; i++) {
    const resume = randomFixtureResume(1000 + i, i % 4 < 2 ? 'zh' : 'en');
    const kind = i % 2 === 0 ? 'pdf' : 'docx';
    files.push({ kind, bytes: kind === 'pdf' ? await makeResumePdf(resume) : await makeResumeDocx(resume) });
  }
  const sizes = summarize(files.map((f) => f.bytes.byteLength / 1024));
  say(`generated ${files.length} files, ${fmt(sizes.p50)} KB median, ${fmt(sizes.max)} KB largest`);

  // ---------- baseline warm-up (measured later, in rounds alternating with the pipeline) ----------
  const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
  const warmCpu0 = process.cpuUsage();
  for (const f of files.slice(0, WARMUP)) await extractText(f.bytes, f.kind);
  say(`bare extraction warmed up on ${WARMUP} files: ${fmt(cpuMs(process.cpuUsage(warmCpu0)) / Math.max(1, WARMUP))} CPU ms per file meanwhile`);

  // ---------- platform ----------
  const schema = `ypbench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const prefix = schema;
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'yp-bench-screening-'));
  const admin = await openDatabase({ kind: 'pg', url: DATABASE_URL });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  cleanups.push(async () => {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
    await admin.close();
  });
  cleanups.push(() => fsp.rm(dataDir, { recursive: true, force: true }));
  cleanups.push(async () => {
    const redis = new Redis(REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  });
  const config = loadConfig({ DATA_DIR: dataDir, REDIS_PREFIX: prefix, PUBLIC_URL: 'http://127.0.0.1:1', LOG_LEVEL: 'silent' });
  const platform: Platform = await createPlatform({ config, logger: createLogger('silent'), redisUrl: REDIS_URL, database: { kind: 'pg', url: DATABASE_URL, schema } });
  cleanups.push(() => platform.close());
  const port = await platform.listen(0);
  const url = `http://127.0.0.1:${port}`;
  const db = platform.ctx.db;

  // ---------- seed: a verified employer, five published jobs, one graduate per resume with a session and an application ----------
  const townId = randomUUID();
  await db.insertInto('towns').values({ id: townId, name: '松江经济技术开发区', kind: 'dev_zone', is_dev_zone: true, region_id: null }).execute();
  const orgId = randomUUID();
  await db.insertInto('organisations').values({ id: orgId, name: '上海云聘测试有限公司', town_id: townId, is_verified: true, industry: '电子信息' }).execute();
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const jobSpecs = [
    { title: 'Java 开发工程师', skills: ['Java', 'Spring Boot', 'MySQL'], majors: ['软件工程', '计算机科学与技术'] },
    { title: '数据分析师', skills: ['Python', '数据分析', 'SQL'], majors: ['统计学', '数学'] },
    { title: 'Accountant', skills: ['Accounting', 'Excel', 'Taxation'], majors: ['Accounting'] },
    { title: '电商运营', skills: ['电子商务', '新媒体运营'], majors: ['电子商务', '市场营销'] },
    { title: 'Mechanical Engineer', skills: ['AutoCAD', 'SolidWorks'], majors: ['Mechanical Engineering'] },
  ];
  const jobIds = jobSpecs.map(() => randomUUID());
  await db.insertInto('jobs').values(jobSpecs.map((j, i) => ({
    id: jobIds[i]!,
    organisation_id: orgId,
    title: j.title,
    description: `${j.title}，负责相关业务。`,
    requirements: JSON.stringify({ skills: j.skills, preferredSkills: [], degree: 'bachelor', majors: j.majors, languages: ['english'] }),
    town_id: townId,
    salary_min: 8000,
    salary_max: 12000,
    headcount: 10,
    deadline,
    status: 'published' as const,
    published_at: new Date(),
  }))).execute();
  const uploads: Upload[] = [];
  const expires = new Date(Date.now() + 86_400_000);
  for (let i = 0; i < files.length; i += 200) {
    const chunk = files.slice(i, i + 200).map((f, k) => {
      const n = i + k;
      const token = newToken();
      return { n, f, token, csrf: randomBytes(16).toString('hex'), userId: randomUUID(), graduateId: randomUUID(), applicationId: randomUUID() };
    });
    await db.insertInto('users').values(chunk.map((c) => ({ id: c.userId, role: 'graduate' as const, name: `毕业生${c.n}`, phone: `1370${String(c.n).padStart(7, '0')}`, email: null, password_hash: 'x', organisation_id: null, region_id: null }))).execute();
    const noHardship = await Promise.all(chunk.map(() => platform.ctx.fieldCrypto.sealFlag(false)));
    await db.insertInto('graduate_profiles').values(chunk.map((c, k) => ({ id: c.graduateId, user_id: c.userId, name: `毕业生${c.n}`, phone: null, email: null, school: null, major: null, degree: null, graduation_year: 2026, hukou_town_id: null, job_intention: null, training_needs: null, hardship_sealed: noHardship[k]! }))).execute();
    await db.insertInto('sessions').values(chunk.map((c) => ({ token_hash: hashToken(c.token), user_id: c.userId, csrf_token: c.csrf, expires_at: expires, ip: null, user_agent: 'bench' }))).execute();
    await db.insertInto('applications').values(chunk.map((c) => ({ id: c.applicationId, job_id: jobIds[c.n % jobIds.length]!, graduate_id: c.graduateId, resume_id: null, cover_note: '' }))).execute();
    for (const c of chunk) uploads.push({ graduateId: c.graduateId, applicationId: c.applicationId, cookie: `yp_session=${c.token}`, csrf: c.csrf, bytes: c.f.bytes, kind: c.f.kind, name: `resume-${c.n}.${c.f.kind}` });
  }
  say(`seeded ${uploads.length} graduates with sessions and applications to ${jobIds.length} jobs`);

  // ---------- completion events ----------
  const byApplication = new Map(uploads.map((u) => [u.applicationId, u]));
  const events = new QueueEvents(QUEUE_NAMES.results, { connection: { url: REDIS_URL }, prefix });
  cleanups.push(() => events.close());
  await events.waitUntilReady();
  let screenedCount = 0;
  const markScreened = (u: Upload | undefined) => {
    if (u && u.screenedAt === undefined) {
      u.screenedAt = performance.now();
      screenedCount++;
    }
  };
  // A score arrives either inside the parse result (applications waiting for the resume are scored in
  // the parse job) or as its own screening result; either way the results job completes once the
  // server has written it.
  const byResume = new Map<string, Upload>();
  const parsedEarly = new Set<string>();
  const checkParsed = async (u: Upload) => {
    const row = await db.selectFrom('screenings').select('application_id').where('application_id', '=', u.applicationId).executeTakeFirst();
    if (row) markScreened(u);
  };
  events.on('completed', ({ jobId }) => {
    const screened = /^screened-([0-9a-f-]{36})-/.exec(jobId);
    if (screened) return markScreened(byApplication.get(screened[1]!));
    const parsed = /^parsed-([0-9a-f-]{36})$/.exec(jobId);
    if (!parsed) return;
    const u = byResume.get(parsed[1]!);
    if (u) void checkParsed(u);
    else parsedEarly.add(parsed[1]!);
  });
  const onUploaded = (u: Upload, resumeId: string) => {
    byResume.set(resumeId, u);
    if (parsedEarly.delete(resumeId)) void checkParsed(u);
  };
  const waitScreened = (n: number, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${screenedCount} of ${n} screened`)), timeoutMs);
      const check = setInterval(() => {
        if (screenedCount >= n) {
          clearTimeout(timer);
          clearInterval(check);
          resolve();
        }
      }, 20);
    });

  // ---------- worker process ----------
  worker = await startWorker({ REDIS_URL, REDIS_PREFIX: prefix, DATA_DIR: dataDir, LOG_LEVEL: 'info', PARSE_THREADS: String(PARSE_THREADS), WORKER_CONCURRENCY: '16' });
  const pid = worker.pid!;
  say(`worker process ${pid} started`);

  // Warm-up: the parse thread starts and loads pdf.js on its first file, and a fresh process
  // compiles its hot code over the first few hundred (cold, it costs about half as much again).
  const warmWorkerCpu0 = cpuSeconds(pid);
  const warm = uploads.slice(0, WARMUP);
  await runPool(warm, UPLOADERS, (u) => upload(url, u, onUploaded));
  await waitScreened(WARMUP, 120_000);
  say(`worker warmed up on ${WARMUP} resumes: ${fmt(((cpuSeconds(pid) - warmWorkerCpu0) * 1000) / Math.max(1, WARMUP))} CPU ms per resume meanwhile`);

  // ---------- the measured run: bare extraction and the pipeline in alternating rounds ----------
  // The machine's speed drifts from minute to minute (it is shared), so each side is measured in
  // every part of the run and the ratio is taken over the sums.
  const run = uploads.slice(WARMUP);
  const measured = files.slice(WARMUP);
  let bareCpuMs = 0;
  let bareWallMs = 0;
  let chars = 0;
  let workerCpuS = 0;
  let uploadedMs = 0;
  let wallMs = 0;
  const rounds: { bare: number; worker: number }[] = [];
  const threadsAtStart = process.env.YP_BENCH_THREADS ? threadCpu(pid) : new Map<string, { comm: string; s: number }>();
  for (let r = 0; r < ROUNDS; r++) {
    const [from, to] = [Math.floor((run.length * r) / ROUNDS), Math.floor((run.length * (r + 1)) / ROUNDS)];
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    for (const f of measured.slice(from, to)) chars += (await extractText(f.bytes, f.kind)).text.length;
    const bare = cpuMs(process.cpuUsage(cpu0));
    bareCpuMs += bare;
    bareWallMs += performance.now() - wall0;

    const workerCpu0 = cpuSeconds(pid);
    const t0 = performance.now();
    await runPool(run.slice(from, to), UPLOADERS, (u) => upload(url, u, onUploaded));
    uploadedMs += performance.now() - t0;
    await waitScreened(WARMUP + to, Math.max(30_000, HARD_LIMIT_MS - (Date.now() - STARTED) - 60_000));
    wallMs += performance.now() - t0;
    const worker = cpuSeconds(pid) - workerCpu0;
    workerCpuS += worker;
    rounds.push({ bare: bare / (to - from), worker: (worker * 1000) / (to - from) });
  }
  const bareCpuMsPerFile = bareCpuMs / measured.length;
  say(`baseline: bare extraction ${fmt(bareCpuMsPerFile)} CPU ms per file (${fmt(bareWallMs / measured.length)} wall ms), ${chars} characters`);
  say(`per round (${ROUNDS} × ${Math.floor(run.length / ROUNDS)}), CPU ms per file, worker / bare: ${rounds.map((x) => `${fmt(x.worker)}/${fmt(x.bare)}`).join(', ')}`);
  const latencies = summarize(run.map((u) => u.screenedAt! - u.startedAt!));
  const p95 = [...run.map((u) => u.screenedAt! - u.startedAt!)].sort((a, b) => a - b)[Math.ceil(0.95 * run.length) - 1]!;
  const perCore = run.length / workerCpuS;
  const workerCpuMsPerResume = (workerCpuS * 1000) / run.length;
  const ratio = workerCpuMsPerResume / bareCpuMsPerFile;
  const rows = await db.selectFrom('screenings').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  say(`pipeline: ${run.length} resumes uploaded in ${fmt(uploadedMs / 1000)} s of rounds, all screened after ${fmt(wallMs / 1000)} s (${fmt(run.length / (wallMs / 1000))} resumes/s wall); ${rows.n} screenings recorded`);
  say(`worker CPU ${fmt(workerCpuS)} s = ${fmt(workerCpuMsPerResume)} ms per resume → ${fmt(perCore)} resumes/s per core`);
  say(`upload → screened: p50 ${fmt(latencies.p50)} ms, p95 ${fmt(p95)} ms, p99 ${fmt(latencies.p99)} ms, max ${fmt(latencies.max)} ms`);
  say(`ratio: worker CPU per resume / bare extraction CPU per file = ${fmt(workerCpuMsPerResume)} / ${fmt(bareCpuMsPerFile)} = ${fmt(ratio)}×`);

  if (process.env.YP_BENCH_THREADS) {
    const after = threadCpu(pid);
    say(`worker CPU by thread while measured (ms per resume; the first is the main thread):`);
    for (const [tid, { comm, s: t }] of after) {
      const used = t - (threadsAtStart.get(tid)?.s ?? 0);
      if (used > 0.05) say(`  thread ${tid} ${comm}: ${fmt((used * 1000) / run.length)} ms`);
    }
  }
  const rssBeforeHostile = peakRssMb(pid);
  say(`worker peak RSS so far ${fmt(rssBeforeHostile)} MB`);

  // ---------- hostile files straight to the worker ----------
  const hostileGraduate = uploads[0]!.graduateId;
  const hostile: [string, Uint8Array, 'pdf' | 'docx'][] = [
    ['zip bomb (ratio)', makeZipBombDocx('ratio'), 'docx'],
    ['zip bomb (total size)', makeZipBombDocx('total-size'), 'docx'],
    ['zip bomb (entries)', makeZipBombDocx('entry-count'), 'docx'],
    ['zip slip', makeZipSlipDocx(), 'docx'],
    ['encrypted pdf', makeEncryptedPdf({ userPassword: 'x' }), 'pdf'],
    ['garbage named pdf', randomBytes(200_000), 'pdf'],
    ['truncated pdf', files[0]!.bytes.slice(0, Math.floor(files[0]!.bytes.byteLength / 3)), 'pdf'],
  ];
  const hostileIds: string[] = [];
  for (const [name, bytes, kind] of hostile) {
    const blob = await platform.ctx.blobs.put(bytes);
    const id = randomUUID();
    hostileIds.push(id);
    await db.insertInto('resumes').values({ id, graduate_id: hostileGraduate, filename: name, kind, size_bytes: bytes.byteLength, sha256: blob.sha256 }).execute();
    await platform.ctx.jobs.enqueueParseResume({ resumeId: id, sha256: blob.sha256, kind });
  }
  const hostileDeadline = Date.now() + 60_000;
  let outcomes: { filename: string; status: string; failure_code: string | null }[] = [];
  for (;;) {
    outcomes = await db.selectFrom('resumes').select(['filename', 'status', 'failure_code']).where('id', 'in', hostileIds).execute();
    if (outcomes.every((o) => o.status !== 'parsing') || Date.now() > hostileDeadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const o of outcomes) say(`hostile: ${o.filename.padEnd(24)} → ${o.status}${o.failure_code ? ` (${o.failure_code})` : ''}`);
  const refused = outcomes.filter((o) => o.status === 'failed').length;
  const peakRss = peakRssMb(pid);
  const alive = worker.exitCode === null;
  say(`worker after hostile files: ${alive ? 'still running' : 'EXITED'}, peak RSS ${fmt(peakRss)} MB; ${refused} of ${hostile.length} refused`);

  const ndcg = fixtureNdcg();
  say(`NDCG@5 on the labelled ranking set: ${ndcg.toFixed(3)}`);
  say(`targets: ≥ 50 resumes/s per core (${perCore >= 50 ? 'met' : 'NOT met'}), ≤ 1.5× bare extraction (${ratio <= 1.5 ? 'met' : 'NOT met'}), peak RSS ≤ 600 MB (${peakRss <= 600 ? 'met' : 'NOT met'})`);

  worker.kill('SIGTERM');
  await new Promise((r) => worker!.once('exit', r));
  await cleanup();
  console.log(
    `RESULT screening resumes=${run.length} resumes_per_s_per_core=${perCore.toFixed(1)} p95_upload_to_screened_ms=${p95.toFixed(0)} ratio_to_extraction=${ratio.toFixed(2)} ndcg5=${ndcg.toFixed(3)} worker_peak_rss_mb=${peakRss.toFixed(0)}`,
  );
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  },
);
