/**
 * fair-queue: the live fair queue under a fair-sized crowd, across two server nodes.
 *
 *   npm run bench -- fair-queue [--duration=60] [--graduates=5000] [--booths=100] [--k=2]
 *                               [--lanes=1] [--think=15000] [--stagger=1000] [--churn=5]
 *                               [--join-rate=400] [--workers=2] [--prefill=redis|api] [--profile]
 *
 * Starts a fresh PostgreSQL schema (migrated with server/src/db/migrate.ts), a unique Redis
 * prefix, two server processes running createPlatform on free ports, and load workers holding
 * the Socket.IO clients; seeds a live fair straight into the database with ready sessions; then
 * measures heap per connected client, call latency, queue fan-out latency, and two round-trip
 * baselines. Everything it started is stopped and removed at the end, and a hard timeout kills
 * the children and cleans up if anything hangs. The last line printed is the RESULT line.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { openDatabase, type DatabaseHandle } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { createFieldCrypto } from '../server/src/services/field-crypto.js';
import { QueueStore } from '../server/src/domain/live-fair/queue-store.js';
import { DATABASE_URL, flag, option, REDIS_URL } from './lib/args.js';
import { BENCH_DIR, fileLimit, killAllChildren, spawnChild, type Child } from './lib/children.js';
import { summarizeProfile } from './lib/cpu-profile.js';
import type { NodeReply, NodeRequest, NodeStats, WorkerParams, WorkerReply, WorkerRequest, WorkerRunResult, WorkerUser } from './lib/protocol.js';
import { CpuWatch, type CpuShare } from './lib/proc-cpu.js';
import { deleteRedisPrefix } from '../test/support/redis-prefix.js';
import { seedLiveFair } from './lib/seed.js';
import { fmt, line, merge, summarize } from './lib/stats.js';

const STARTED = Date.now();
// Everything is stopped within 5 minutes, cleanup included (YP_BENCH_HARD_LIMIT_MS only to test that path).
const HARD_LIMIT_MS = Number(process.env.YP_BENCH_HARD_LIMIT_MS ?? 285_000);
const TEARDOWN_RESERVE_MS = 45_000;

// ---------- options ----------

const o = {
  graduates: option('graduates', 5000),
  booths: option('booths', 100),
  k: option('k', 2),
  lanes: option('lanes', 1),
  durationMs: option('duration', 60) * 1000,
  thinkMs: option('think', 15000),
  staggerMs: option('stagger', 1000),
  churn: option('churn', 5),
  joinRate: option('join-rate', 400),
  workers: option('workers', 2),
  profile: flag('profile'),
  /** How the initial places get into the queues (see the queue phase below). */
  prefill: (process.argv.find((a) => a.startsWith('--prefill='))?.split('=')[1] ?? 'redis') as 'redis' | 'api',
};
if (o.prefill !== 'redis' && o.prefill !== 'api') throw new Error('--prefill expects redis or api');
if (o.booths % o.workers !== 0) throw new Error('--booths must be a multiple of --workers');
if (o.lanes > o.k) throw new Error('--lanes must not exceed --k');
const PROBES_PER_WORKER = 2; // one idle graduate per server node per worker, never queued

const elapsed = () => `[${((Date.now() - STARTED) / 1000).toFixed(1).padStart(5)}s]`;
const say = (text: string) => console.log(`${elapsed()} ${text}`);

// ---------- resources and their cleanup ----------

const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const schema = `ypbench_${id}`;
const redisPrefix = `ypbench_${id}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yp-bench-'));
let db: DatabaseHandle | undefined;
let schemaCreated = false;
const nodes: Child<NodeRequest, NodeReply>[] = [];
const workers: Child<WorkerRequest, WorkerReply>[] = [];
let bare: { io: Server; http: http.Server } | undefined;

let cleaning: Promise<void> | undefined;
function cleanup(graceful: boolean): Promise<void> {
  cleaning ??= (async () => {
    if (graceful) {
      await Promise.all(workers.map((w) => w.stop(3000)));
      await Promise.all(nodes.map((n) => n.stop(10_000)));
    } else {
      killAllChildren();
    }
    if (bare) {
      bare.io.close();
      bare.http.closeAllConnections();
    }
    if (db) {
      if (schemaCreated) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db.db).catch((e: unknown) => console.error(`could not drop schema ${schema}: ${String(e)}`));
      await db.close().catch(() => undefined);
    }
    const keys = await deleteRedisPrefix(REDIS_URL, redisPrefix).catch((e: unknown) => {
      console.error(`could not delete Redis keys ${redisPrefix}:*: ${String(e)}`);
      return 0;
    });
    await fsp.rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    say(`cleaned up: schema ${schema} dropped, ${keys} Redis keys under ${redisPrefix}:* deleted, children stopped`);
    for (const n of nodes) {
      const noise = n.shutdownNoise();
      if (noise.lines) say(`${n.name} wrote ${noise.lines} stderr lines while shutting down; first: ${noise.first}`);
    }
  })();
  return cleaning;
}

const hardTimer = setTimeout(() => {
  console.error(`${elapsed()} HARD TIMEOUT: killing every child process and cleaning up`);
  killAllChildren();
  const exit = setTimeout(() => process.exit(2), 12_000);
  exit.unref();
  void cleanup(false).finally(() => process.exit(2));
}, HARD_LIMIT_MS);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`${elapsed()} ${signal}: stopping`);
    killAllChildren();
    void cleanup(false).finally(() => process.exit(130));
  });
}

// ---------- helpers ----------

let requestId = 0;
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
async function ask<T extends NodeReply['type']>(node: Child<NodeRequest, NodeReply>, message: WithoutId<NodeRequest>, reply: T, timeoutMs = 30_000) {
  const waiting = node.next(reply, timeoutMs);
  node.send({ ...message, id: ++requestId } as NodeRequest);
  return waiting;
}

async function allWorkers<T extends WorkerReply['type']>(message: WorkerRequest | ((i: number) => WorkerRequest), reply: T, timeoutMs: number) {
  return Promise.all(
    workers.map((w, i) => {
      const waiting = w.next(reply, timeoutMs);
      w.send(typeof message === 'function' ? message(i) : message);
      return waiting;
    }),
  );
}

function startBareServer(): Promise<number> {
  const server = http.createServer();
  const io = new Server(server, { serveClient: false });
  io.on('connection', (socket) => {
    socket.on('echo', (_payload: unknown, ack: unknown) => {
      if (typeof ack === 'function') (ack as (a: unknown) => void)({ ok: true, data: null });
    });
  });
  bare = { io, http: server };
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

function cpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const c of os.cpus()) {
    const t = c.times;
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, total };
}

const kb = (bytes: number) => bytes / 1024;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const passMiss = (ok: boolean) => (ok ? 'PASS' : 'MISS');

// ---------- the run ----------

async function main(): Promise<void> {
  const limit = fileLimit();
  const socketsPerWorker = Math.ceil((o.graduates + o.booths) / o.workers) + PROBES_PER_WORKER + 2;
  const socketsPerNode = Math.ceil((o.graduates + o.booths) / 2) + o.workers * 2;
  const needed = Math.max(socketsPerWorker, socketsPerNode) + 256;
  const raiseTo = limit.soft < needed ? Math.min(limit.hard, Math.max(needed, 65_536)) : undefined;
  say(`machine: ${os.cpus().length} cores, ${mb(os.totalmem())} MB, Node ${process.version}; open-file limit (ulimit -n) soft=${limit.soft} hard=${limit.hard}; each process needs ≈${needed}`);
  if (raiseTo) say(`raising the children's soft open-file limit to ${raiseTo}`);
  if (limit.hard < needed) say(`WARNING: the hard open-file limit ${limit.hard} is below ${needed}; connections will fail (raise it, e.g. in /etc/security/limits.conf)`);

  // Database: a fresh schema, migrated, then seeded in bulk.
  const admin = await openDatabase({ kind: 'pg', url: DATABASE_URL });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  schemaCreated = true;
  await admin.close();
  db = await openDatabase({ kind: 'pg', url: DATABASE_URL, schema });
  await migrateToLatest(db.db, schema);
  say(`schema ${schema} created and migrated; Redis prefix ${redisPrefix}`);
  // The server nodes read DATA_DIR's field key: the seed seals with the same one.
  const seed = await seedLiveFair(db.db, createFieldCrypto(dataDir), { booths: o.booths, graduates: o.graduates + o.workers * PROBES_PER_WORKER, maxConcurrentChats: o.k });
  const probeUsers = seed.graduates.slice(o.graduates);
  const graduateUsers = seed.graduates.slice(0, o.graduates);
  say(`seeded: 1 live fair, ${o.booths} approved booths (K=${o.k}, 1 representative each, on the rota now), ${o.booths} recruiters, ${o.graduates} graduates (+${probeUsers.length} idle probes) registered, ${seed.recruiters.length + seed.graduates.length} sessions`);

  // Processes: the bare Socket.IO server here, two server nodes, the load workers.
  const barePort = await startBareServer();
  const nodeEnv = { YP_BENCH_DB_URL: DATABASE_URL, YP_BENCH_SCHEMA: schema, YP_BENCH_REDIS_URL: REDIS_URL, YP_BENCH_PREFIX: redisPrefix, YP_BENCH_DATA_DIR: dataDir };
  for (let i = 0; i < 2; i++) {
    nodes.push(
      spawnChild<NodeRequest, NodeReply>({
        name: `node${i}`,
        script: path.join(BENCH_DIR, 'lib/server-node.ts'),
        nodeArgs: ['--expose-gc', ...(process.env.YP_BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean)],
        env: nodeEnv,
        echoStderr: true,
        ...(raiseTo ? { raiseFileLimitTo: raiseTo } : {}),
      }),
    );
  }
  const ports = (await Promise.all(nodes.map((n) => n.next('listening', 60_000)))).map((m) => m.port);
  const nodeUrls = ports.map((p) => `http://127.0.0.1:${p}`);
  say(`server nodes listening on ${nodeUrls.join(' and ')} (separate processes, same schema and Redis prefix); bare Socket.IO server on :${barePort}`);

  const params: WorkerParams = {
    connectBatch: 100,
    joinRate: o.joinRate / o.workers,
    joinConcurrency: 20,
    lanes: o.lanes,
    thinkMs: o.thinkMs,
    staggerMs: o.staggerMs,
    emptyBackoffMs: 500,
    churnPerSecond: o.churn / o.workers,
    rejoinAfterMs: 2000,
    probeEveryMs: 100,
  };
  const boothsPerWorker = o.booths / o.workers;
  // Initial places: each graduate picks 1–3 distinct booths of its worker's slice (seeded, repeatable).
  let rng = 20_260_501;
  const rand = () => {
    rng = (rng + 0x6d2b79f5) | 0;
    let t = rng;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const initialBooths = graduateUsers.map((_, i) => {
    const w = i % o.workers;
    const n = Math.min(boothsPerWorker, 1 + Math.floor(rand() * 3));
    const chosen = new Set<string>();
    while (chosen.size < n) chosen.add(seed.booths[w * boothsPerWorker + Math.floor(rand() * boothsPerWorker)]!);
    return [...chosen];
  });
  for (let w = 0; w < o.workers; w++) {
    workers.push(
      spawnChild<WorkerRequest, WorkerReply>({
        name: `load${w}`,
        script: path.join(BENCH_DIR, 'lib/fair-queue-worker.ts'),
        echoStderr: true,
        ...(raiseTo ? { raiseFileLimitTo: raiseTo } : {}),
      }),
    );
  }
  // Each worker owns a slice of the booths with their recruiters, and every graduate who queues
  // there; within a worker, graduates and recruiters alternate between the two nodes, so about
  // half of all calls and broadcasts cross from one node to the other.
  await allWorkers(
    (w) => {
      const boothIdx = Array.from({ length: boothsPerWorker }, (_, i) => w * boothsPerWorker + i);
      const asUser = (u: { id: string; token: string }, i: number): WorkerUser => ({ id: u.id, token: u.token, node: i % 2 });
      return {
        type: 'init',
        nodeUrls,
        bareUrl: `http://127.0.0.1:${barePort}`,
        booths: boothIdx.map((i) => seed.booths[i]!),
        recruiters: boothIdx.map((i) => asUser(seed.recruiters[i]!, i)),
        graduates: graduateUsers.flatMap((u, i) => (i % o.workers === w ? [{ ...asUser(u, Math.floor(i / o.workers)), booths: initialBooths[i]! }] : [])),
        probes: probeUsers.slice(w * PROBES_PER_WORKER, (w + 1) * PROBES_PER_WORKER).map((u, i) => asUser(u, i)),
        params,
        seed: 20_260_000 + w,
      };
    },
    'ready',
    60_000,
  );
  say(`${o.workers} load worker processes ready`);

  // Heap per client: warm each node up with the probe connections, measure, connect everyone, measure.
  await allWorkers({ type: 'connect-probes' }, 'connected', 30_000);
  await allWorkers({ type: 'idle-rtt', durationMs: 500 }, 'idle-rtt', 30_000);
  const before = await Promise.all(nodes.map((n) => ask(n, { type: 'heap' }, 'heap')));
  say(`heap before (after gc): ${before.map((h, i) => `node${i} ${mb(h.heapUsed)} MB with ${h.sockets} sockets`).join(', ')}`);
  const connected = await allWorkers({ type: 'connect' }, 'connected', 120_000);
  const ok = connected.reduce((n, c) => n + c.ok, 0);
  const failed = connected.reduce((n, c) => n + c.failed, 0);
  const connectMs = Math.max(...connected.map((c) => c.ms));
  say(`connected ${ok} clients (${failed} failed) in ${(connectMs / 1000).toFixed(1)} s, ${params.connectBatch} at a time per worker${failed ? `; first error: ${connected.find((c) => c.firstError)?.firstError}` : ''}`);
  if (ok === 0) throw new Error('no client could connect');
  await new Promise((r) => setTimeout(r, 1000));
  const after = await Promise.all(nodes.map((n) => ask(n, { type: 'heap' }, 'heap')));
  const perClient = after.map((h, i) => kb(h.heapUsed - before[i]!.heapUsed) / Math.max(1, h.sockets - before[i]!.sockets));
  say(`heap after (after gc):  ${after.map((h, i) => `node${i} ${mb(h.heapUsed)} MB with ${h.sockets} sockets (rss ${mb(h.rss)} MB) → ${fmt(perClient[i]!)} KB/client`).join(', ')}`);
  const heapKbPerClient = perClient.reduce((a, b) => a + b, 0) / perClient.length;

  // Baselines with nothing else going on (in the bench; the machine may be shared).
  const ours = new Map<number, string>([[process.pid, 'bench orchestrator + bare Socket.IO server']]);
  nodes.forEach((n, i) => ours.set(n.process.pid!, `server node${i}`));
  workers.forEach((w, i) => ours.set(w.process.pid!, `load worker ${i}`));
  const idleWatch = new CpuWatch(ours);
  const idle = await allWorkers({ type: 'idle-rtt', durationMs: 3000 }, 'idle-rtt', 30_000);
  const idleCpu = idleWatch.stop();
  const idleOthers = idleCpu.filter((c) => c.group.startsWith('other')).reduce((n, c) => n + c.percent, 0);
  say(`idle baseline: bare RTT p99 ${fmt(summarize(merge(idle.map((r) => r.bareRttMs))).p99)} ms; CPU used by processes outside the bench, PostgreSQL and Redis meanwhile: ${fmt(idleOthers)}% of a core`);
  const idleBare = summarize(merge(idle.map((r) => r.bareRttMs)));
  const idleMine = summarize(merge(idle.map((r) => r.mineRttMs)));

  // Queues: recruiters open their consoles, graduates join 1–3 booths each.
  // Queues. --prefill=redis (default): the initial places are written straight to Redis with the
  // server's own QueueStore (the same Lua script queue:join runs), in a shuffled order, like the
  // database seed; then every graduate sends queue:mine, which subscribes its sockets to those
  // booths and returns its tickets. --prefill=api: every initial place is a queue:join. Either way
  // requests go at up to --join-rate, at most 20 per worker awaiting their ack, and the phase stops
  // early (and says so) if the servers are too slow for the time left.
  if (o.prefill === 'redis') {
    const redis = new Redis(REDIS_URL);
    const store = new QueueStore(redis, redisPrefix);
    const pairs = graduateUsers.flatMap((u, i) => initialBooths[i]!.map((b) => [i, b] as const));
    for (let i = pairs.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
    }
    const t = Date.now();
    for (let i = 0; i < pairs.length; i += 200) {
      await Promise.all(pairs.slice(i, i + 200).map(([g, b]) => store.join(b, graduateUsers[g]!.id, false, graduateUsers[g]!.summary, Date.now())));
    }
    redis.disconnect();
    say(`prefilled ${pairs.length} queue places in Redis in ${((Date.now() - t) / 1000).toFixed(1)} s (QueueStore.join, no broadcasts); graduates now send queue:mine`);
  }
  const queueMaxMs = Math.max(20_000, HARD_LIMIT_MS - (Date.now() - STARTED) - TEARDOWN_RESERVE_MS - o.durationMs - 15_000);
  const queued = await allWorkers({ type: 'queue', maxMs: queueMaxMs, mode: o.prefill === 'redis' ? 'mine' : 'api' }, 'queued', queueMaxMs + 30_000);
  const joinAck = summarize(merge(queued.map((q) => q.joinAckMs)));
  const places = queued.reduce((n, q) => n + q.places, 0);
  const planned = queued.reduce((n, q) => n + q.planned, 0);
  const queueMs = Math.max(...queued.map((q) => q.ms));
  const what = o.prefill === 'redis' ? 'queue:mine' : 'queue:join';
  say(`queued: ${places} places held by ${o.graduates} graduates over ${o.booths} booths (≈${(places / o.booths).toFixed(0)} per booth), ${planned} ${what} requests in ${(queueMs / 1000).toFixed(1)} s = ${fmt(planned / (queueMs / 1000), 0)}/s; ${what} ack p50=${fmt(joinAck.p50)} ms p99=${fmt(joinAck.p99)} ms; ${queued.reduce((n, q) => n + q.failed, 0)} failed`);
  if (queued.some((q) => q.cutShort)) say(`the queue phase was cut short after ${(queueMaxMs / 1000).toFixed(0)} s: ${queued.reduce((n, q) => n + q.joins, 0)} of ${planned} ${what} requests sent (the servers took them more slowly than planned)`);

  // The workload, cut short if the setup ate into the time budget.
  const budget = HARD_LIMIT_MS - (Date.now() - STARTED) - TEARDOWN_RESERVE_MS - 10_000;
  const durationMs = Math.max(10_000, Math.min(o.durationMs, budget));
  if (durationMs < o.durationMs) say(`shortening the workload to ${(durationMs / 1000).toFixed(0)} s to stay within the 5-minute limit`);
  say(`workload for ${(durationMs / 1000).toFixed(0)} s: ${o.booths} recruiters × ${o.lanes} call loop(s) (first calls spread over ${o.staggerMs} ms; call:next → graduate accepts → one message each way → conversation:end → think ≈${o.thinkMs} ms), ${o.churn} leave+rejoin/s, served graduates requeue elsewhere; probes every ${params.probeEveryMs} ms`);
  await Promise.all(nodes.map((n) => ask(n, { type: 'stats-start', profile: o.profile }, 'ok')));
  const cpu0 = cpuTimes();
  const runWatch = new CpuWatch(ours);
  const ran = await allWorkers({ type: 'run', durationMs }, 'ran', durationMs + 60_000);
  const cpuShares = runWatch.stop();
  const cpu1 = cpuTimes();
  const profileFiles = nodes.map((_, i) => path.join(os.tmpdir(), `yp-bench-${id}-node${i}.cpuprofile`));
  const stats = (await Promise.all(nodes.map((n, i) => ask(n, { type: 'stats-stop', ...(o.profile ? { profileFile: profileFiles[i] } : {}) }, 'stats', 60_000)))).map((m) => m.stats);
  const machineBusy = ((cpu1.busy - cpu0.busy) / (cpu1.total - cpu0.total)) * 100;

  await allWorkers({ type: 'close' }, 'closed', 30_000).catch(() => undefined);
  const profiles = o.profile ? await Promise.all(profileFiles.map((f) => summarizeProfile(f).catch(() => undefined))) : [];
  await cleanup(true);
  clearTimeout(hardTimer);

  report({ results: ran.map((r) => r.result), stats, heapKbPerClient, perClient, idleBare, idleMine, machineBusy, cpuShares, clients: ok, profiles, profileFiles });
  process.exit(0);
}

function report(r: {
  results: WorkerRunResult[];
  stats: NodeStats[];
  heapKbPerClient: number;
  perClient: number[];
  idleBare: ReturnType<typeof summarize>;
  idleMine: ReturnType<typeof summarize>;
  machineBusy: number;
  cpuShares: CpuShare[];
  clients: number;
  profiles: (Awaited<ReturnType<typeof summarizeProfile>> | undefined)[];
  profileFiles: string[];
}): void {
  const res = r.results;
  const sum = (f: (x: WorkerRunResult) => number) => res.reduce((n, x) => n + f(x), 0);
  const wallS = Math.max(...res.map((x) => x.wallMs)) / 1000;
  const call = summarize(merge(res.map((x) => x.callMs)));
  const fanout = summarize(merge(res.map((x) => x.fanoutMs)));
  const fanoutAck = summarize(merge(res.map((x) => x.fanoutFromAckMs)));
  const bareRtt = summarize(merge(res.map((x) => x.bareRttMs)));
  const mineRtt = summarize(merge(res.map((x) => x.mineRttMs)));
  const nodeEcho = summarize(merge(res.map((x) => x.nodeEchoMs)));
  const message = summarize(merge(res.map((x) => x.messageMs)));
  const errors: Record<string, number> = {};
  for (const x of res) for (const [k, v] of Object.entries(x.errors)) errors[k] = (errors[k] ?? 0) + v;

  console.log('');
  console.log('=== fair-queue: live fair queue, 2 server nodes ===');
  console.log(`clients ${r.clients} (${o.graduates} graduates + ${o.booths} recruiters), booths ${o.booths}, K=${o.k}, ${o.lanes} call loop(s) per recruiter, load workers ${o.workers}`);
  console.log(`throughput: ${sum((x) => x.calls)} calls (${fmt(sum((x) => x.calls) / wallS)}/s), ${sum((x) => x.conversations)} conversations ended, ${sum((x) => x.emptyCalls)} empty call:next, ${sum((x) => x.joins)} joins, ${sum((x) => x.leaves)} leaves, ${sum((x) => x.snapshotsReceived)} queue snapshots received (${fmt(sum((x) => x.snapshotsReceived) / wallS, 0)}/s, ≈${mb(sum((x) => x.snapshotBytesApprox))} MB)`);
  console.log('');
  console.log('latency (ms)');
  console.log(line('  call:next → call:incoming', call));
  const callsWhere = (cross: number) => summarize(Float64Array.from(res.flatMap((x) => Array.from(x.callMs).filter((_, i) => x.callCross[i] === cross))));
  console.log(line('    recruiter and graduate on one node', callsWhere(0)));
  console.log(line('    on different nodes (via Redis)', callsWhere(1)));
  console.log(line('  fan-out (request sent → watcher)', fanout));
  for (const kind of ['join', 'leave', 'call']) console.log(line(`    of a ${kind}`, summarize(merge(res.map((x) => x.fanoutByKind[kind] ?? new Float64Array())))));
  console.log(line('  fan-out measured from the ack', fanoutAck));
  console.log(`  fan-out changes never seen within 10 s: ${sum((x) => x.fanoutUndelivered)}`);
  // Where the slow calls are: the recruiters' first calls all come within --stagger ms, and the
  // rounds after it stay bunched (each takes about the same time), so the rush repeats.
  const windowMs = 5000;
  const windows = new Map<number, number[]>();
  for (const x of res) x.callAtMs.forEach((at, i) => {
    const w = Math.floor(at / windowMs);
    let list = windows.get(w);
    if (!list) windows.set(w, (list = []));
    list.push(x.callMs[i]!);
  });
  const byWindow = [...windows].sort((a, b) => a[0] - b[0]).map(([w, l]) => `${(w * windowMs) / 1000}s:${l.length}/${fmt(summarize(Float64Array.from(l)).max, 0)}`);
  console.log(`    calls and max latency (ms) per ${windowMs / 1000} s window of sending: ${byWindow.join(' ')}`);
  console.log(line('  chat message send → other side', message));
  console.log(line('  raw RTT, bare Socket.IO, under load', bareRtt));
  console.log(line('  raw RTT, bare Socket.IO, idle', r.idleBare));
  console.log(line('  raw RTT, echo on the server nodes, load', nodeEcho));
  console.log(line('  queue:mine RTT, idle client, load', mineRtt));
  console.log(line('  queue:mine RTT, idle client, idle', r.idleMine));
  console.log('client-side ack round trips during the workload (ms)');
  const ackEvents = [...new Set(res.flatMap((x) => Object.keys(x.ackMs)))].sort();
  for (const e of ackEvents) console.log(line(`  ${e}`, summarize(merge(res.map((x) => x.ackMs[e] ?? new Float64Array())))));
  console.log('server-side handler time, packet in → ack out, both nodes (ms)');
  const serverEvents = [...new Set(r.stats.flatMap((s) => Object.keys(s.events)))].sort();
  for (const e of serverEvents) console.log(line(`  ${e}`, summarize(merge(r.stats.map((s) => s.events[e] ?? new Float64Array())))));
  console.log('');
  console.log('processes during the workload');
  console.log(`  machine: ${fmt(r.machineBusy)}% busy over ${os.cpus().length} cores; CPU by process (% of one core):`);
  const shown = r.cpuShares.filter((c) => c.percent >= 1).slice(0, 12);
  for (const c of shown) console.log(`    ${fmt(c.percent).padStart(6)}%  ${c.group}`);
  const others = r.cpuShares.filter((c) => c.group.startsWith('other')).reduce((n, c) => n + c.percent, 0);
  if (others >= 20) console.log(`    WARNING: ${fmt(others)}% of a core went to processes outside this benchmark (a shared machine): latency figures are inflated by CPU contention`);
  r.stats.forEach((s, i) => {
    const perS = (n: number) => fmt(n / (s.wallMs / 1000), 0);
    console.log(`  node${i}: cpu ${fmt(s.cpuPercent)}% of a core, event loop busy ${fmt(s.eventLoopUtilization * 100)}%, delay p50=${fmt(s.loopDelayP50Ms)} p99=${fmt(s.loopDelayP99Ms)} max=${fmt(s.loopDelayMaxMs)} ms; heap ${mb(s.heapUsed)} MB, rss ${mb(s.rss)} MB, ${s.sockets} sockets`);
    const [pw, q, rd] = [summarize(s.poolWaitMs), summarize(s.dbMs), summarize(s.redisMs)];
    console.log(`         ${perS(s.dbQueries)} SQL/s: pool wait p50/p99 ${fmt(pw.p50)}/${fmt(pw.p99)} ms, query p50/p99 ${fmt(q.p50)}/${fmt(q.p99)} ms; ${perS(s.redisCommands)} Redis cmds/s: p50/p99 ${fmt(rd.p50)}/${fmt(rd.p99)} ms; ${perS(s.wsFrames)} WebSocket frames/s out (${fmt(s.wsBytes / 1024 / 1024 / (s.wallMs / 1000), 2)} MB/s)`);
    const gc = summarize(s.gcPauseMs);
    console.log(`         GC: ${gc.n} pauses, ${fmt(s.gcPauseMs.reduce((a, b) => a + b, 0) / (s.wallMs / 1000))} ms/s, p99 ${fmt(gc.p99)} ms, max ${fmt(gc.max)} ms (${Object.entries(s.gcByKind).map(([k, v]) => `${k} ${v.n}× max ${fmt(v.max)}`).join(', ')})`);
    console.log(`         top Redis commands: ${s.redisTop.map(([k, v]) => `${k} ${perS(v)}/s`).join(', ')}`);
    if (o.profile) for (const st of s.statements.slice(0, 6)) console.log(`         SQL ${perS(st.n).padStart(4)}/s mean ${fmt(st.meanMs, 1).padStart(5)} ms  ${st.text}`);
  });
  res.forEach((x, i) => console.log(`  load${i}: cpu ${fmt(x.cpuPercent)}% of a core, event-loop delay p99=${fmt(x.loopDelayP99Ms)} max=${fmt(x.loopDelayMaxMs)} ms, ${x.disconnects} unexpected disconnects`));
  if (Object.keys(errors).length) console.log(`  errors: ${Object.entries(errors).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  else console.log('  errors: none');
  const costKeys = [...new Set(r.stats.flatMap((s) => Object.keys(s.costs)))];
  if (costKeys.length) {
    console.log('server work per client event, both nodes (everything the handler and the broadcasts it scheduled did on its node)');
    console.log(`  ${'event'.padEnd(24)} ${'n'.padStart(6)} ${'SQL'.padStart(6)} ${'Redis'.padStart(7)} ${'frames'.padStart(7)} ${'KB out'.padStart(8)}`);
    const wallS = r.stats[0]!.wallMs / 1000;
    for (const key of costKeys.sort()) {
      const c = r.stats.reduce((t, s) => {
        const x = s.costs[key];
        return x ? { sql: t.sql + x.sql, redis: t.redis + x.redis, frames: t.frames + x.frames, bytes: t.bytes + x.bytes } : t;
      }, { sql: 0, redis: 0, frames: 0, bytes: 0 });
      const n = r.stats.reduce((t, s) => t + (s.events[key]?.length ?? 0), 0);
      if (n > 0) console.log(`  ${key.padEnd(24)} ${String(n).padStart(6)} ${fmt(c.sql / n).padStart(6)} ${fmt(c.redis / n).padStart(7)} ${fmt(c.frames / n).padStart(7)} ${fmt(c.bytes / 1024 / n).padStart(8)}`);
      else console.log(`  ${key}: per second ${fmt(c.sql / wallS)} SQL, ${fmt(c.redis / wallS)} Redis, ${fmt(c.frames / wallS)} frames, ${fmt(c.bytes / 1024 / wallS)} KB`);
    }
  }
  const delayKeys = [...new Set(r.stats.flatMap((s) => Object.keys(s.emitDelays)))].sort();
  if (delayKeys.length) {
    console.log('server: request packet in → broadcast emitted, on the node that handled it (ms)');
    for (const key of delayKeys) {
      const sm = summarize(merge(r.stats.map((s) => s.emitDelays[key] ?? new Float64Array())));
      if (sm.n >= 5 && !key.includes('conversation:send') && !key.endsWith('lobby:booth-updated')) console.log(line(`  ${key}`, sm));
    }
  }
  r.profiles.forEach((p, i) => {
    if (!p) return;
    console.log(`CPU profile node${i} (${r.profileFiles[i]}): busy ${fmt(p.busyMs / 1000)} s of ${fmt(p.totalMs / 1000)} s`);
    console.log(`  by area: ${p.byArea.slice(0, 9).map(([k, v]) => `${k} ${fmt((v / p.busyMs) * 100)}%`).join(', ')}`);
    console.log('  top self time:');
    for (const [k, v] of p.topFunctions.slice(0, 12)) console.log(`    ${fmt((v / p.busyMs) * 100).padStart(5)}%  ${k}`);
    console.log('  app functions, inclusive (synchronous part):');
    for (const [k, v] of p.appInclusive.slice(0, 12)) console.log(`    ${fmt((v / p.busyMs) * 100).padStart(5)}%  ${k}`);
  });

  const ratio = call.p99 / bareRtt.p99;
  console.log('');
  console.log('targets');
  console.log(`  call p99 ${fmt(call.p99)} ms ≤ 100 ms                      ${passMiss(call.p99 <= 100)}`);
  console.log(`  call p99 / raw p99 = ${fmt(call.p99)} / ${fmt(bareRtt.p99)} = ${fmt(ratio, 2)} ≤ 3          ${passMiss(ratio <= 3)}`);
  console.log(`  heap ${fmt(r.heapKbPerClient)} KB/client ≤ 30 KB (node0 ${fmt(r.perClient[0]!)}, node1 ${fmt(r.perClient[1]!)})   ${passMiss(r.heapKbPerClient <= 30)}`);
  // Not the target's baseline: the same bare round trip answered by the loaded server nodes, so
  // the share of a call's tail that is the nodes' own queueing (CPU, GC) rather than the call's work.
  console.log(`  (call p99 / echo p99 on the server nodes = ${fmt(call.p99)} / ${fmt(nodeEcho.p99)} = ${fmt(call.p99 / nodeEcho.p99, 2)}, no target)`);
  console.log(`  (fan-out p99 ${fmt(fanout.p99)} ms, no target; p99/raw p99 = ${fmt(fanout.p99 / bareRtt.p99, 2)})`);
  console.log(
    `RESULT fair-queue clients=${r.clients} booths=${o.booths} p50_ms=${fmt(call.p50)} p99_ms=${fmt(call.p99)} raw_p99_ms=${fmt(bareRtt.p99)} ratio_p99=${fmt(ratio, 2)} node_echo_p99_ms=${fmt(nodeEcho.p99)} fanout_p99_ms=${fmt(fanout.p99)} heap_kb_per_client=${fmt(r.heapKbPerClient)}`,
  );
}

main().catch(async (error: unknown) => {
  console.error(`${elapsed()} fair-queue failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  clearTimeout(hardTimer);
  killAllChildren();
  await cleanup(false);
  process.exit(1);
});
