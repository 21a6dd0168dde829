/**
 * One server node for the benchmarks: a real, separate Node process running `createPlatform`
 * (based on test/support/server-process.ts), with an IPC channel the bench uses to ask for the
 * heap after a full GC, for CPU and event-loop figures, for per-event handler times, and for an
 * optional CPU profile. Spawn it with `--expose-gc --import tsx` and an IPC stdio slot.
 *
 * Env: YP_BENCH_DB_URL, YP_BENCH_SCHEMA, YP_BENCH_REDIS_URL, YP_BENCH_PREFIX, YP_BENCH_DATA_DIR; with
 * YP_BENCH_JANUS_URL and YP_BENCH_JANUS_ADMIN_KEY the interview calls use that Janus (through the Janus
 * adapter, started on the first call as in production) and { type: 'media-dump' } answers the adapter's dump.
 * Sends { type: 'listening', port } when ready. SIGTERM (or message { type: 'stop' }) closes it.
 *
 * Nothing here changes the server: the instruments are attached from outside (a Socket.IO
 * packet middleware wrapping the ack, and counters around pg/ioredis calls), and only after the
 * heap measurement, so they do not count in the per-client heap.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, performance, PerformanceObserver, type EventLoopUtilization } from 'node:perf_hooks';
import pg from 'pg';
import { Redis } from 'ioredis';
import * as ws from 'ws';
import { loadConfig } from '../../server/src/config.js';
import { createLogger } from '../../server/src/logger.js';
import { GrantAuthority } from '../../server/src/media/grants.js';
import { JanusMediaServer } from '../../server/src/media/janus/JanusMediaServer.js';
import { createPlatform } from '../../server/src/platform.js';
import type { NodeReply, NodeRequest, NodeStats } from './protocol.js';

const env = process.env;
const need = (name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('start the bench node with --expose-gc');

const config = loadConfig({ DATA_DIR: need('YP_BENCH_DATA_DIR'), REDIS_PREFIX: need('YP_BENCH_PREFIX'), PUBLIC_URL: 'http://127.0.0.1:1', LOG_LEVEL: 'silent' });
const logger = createLogger(env.YP_BENCH_LOG_LEVEL ?? 'silent');
const janusUrl = env.YP_BENCH_JANUS_URL;
let mediaServer: JanusMediaServer | undefined;
const platform = await createPlatform({
  config,
  logger,
  ...(janusUrl
    ? {
        media: async () => {
          const media = await JanusMediaServer.create({ url: janusUrl, adminKey: need('YP_BENCH_JANUS_ADMIN_KEY'), grants: new GrantAuthority(randomBytes(32)), logger });
          mediaServer = media;
          return { media, close: () => media.close() };
        },
      }
    : {}),
  redisUrl: need('YP_BENCH_REDIS_URL'),
  database: { kind: 'pg', url: need('YP_BENCH_DB_URL'), schema: need('YP_BENCH_SCHEMA') },
  // Production defaults otherwise: rate limit 40 burst / 20 per s, session re-check every 30 s,
  // call timeout from the fair (60 s).
});
const port = await platform.listen(0);
// A bare round trip through this node's own Socket.IO server and event loop (no session check, no
// Redis, no SQL): the baseline that shares the node's load with the calls.
platform.sockets.io.on('connection', (socket) => {
  // Not one of the platform's typed events: registered untyped.
  const on = socket.on.bind(socket) as (event: string, listener: (payload: unknown, ack: unknown) => void) => void;
  on('bench:echo', (_payload, ack) => {
    if (typeof ack === 'function') (ack as (v: number) => void)(1);
  });
});

// ---------- instruments (installed on demand) ----------

const eventTimes = new Map<string, number[]>();
let instrumentsOn = false;
let dbQueries = 0;
let dbMs = 0;
let poolWaits = 0;
let poolWaitMs = 0;
let poolWaitMax = 0;
let redisMs = 0;
let redisTimed = 0;
let dbSamples: number[] = [];
let poolSamples: number[] = [];
let redisSamples: number[] = [];
const statements = new Map<string, { n: number; ms: number }>();
let elu: EventLoopUtilization = performance.eventLoopUtilization();
const redisCommands = new Map<string, number>();
let redisCount = 0;
let wsFrames = 0;
let wsBytes = 0;

// With --profile: the work each client event causes (its SQL, Redis commands and WebSocket frames,
// including the broadcasts it schedules) is attributed to the event through AsyncLocalStorage.
// Off otherwise, as it costs a little on every promise.
const requestContext = new AsyncLocalStorage<{ event: string; started: number }>();
/** With --profile: ms from a request's packet arriving to each broadcast it caused, by 'request → event'. */
const emitDelays = new Map<string, number[]>();
let attributing = false;
const BACKGROUND = '(no client event: sweeps, presence, broadcasts relayed from the other node)';
type Cost = { sql: number; redis: number; frames: number; bytes: number };
const costs = new Map<string, Cost>();
function costOf(): Cost | undefined {
  if (!attributing) return undefined;
  const key = requestContext.getStore()?.event ?? BACKGROUND;
  let c = costs.get(key);
  if (!c) costs.set(key, (c = { sql: 0, redis: 0, frames: 0, bytes: 0 }));
  return c;
}
let loopDelay = monitorEventLoopDelay({ resolution: 5 });
/** Garbage-collection pauses on the main thread (ms) while measuring. */
let gcPauses: number[] = [];
/** The same pauses by kind (minor, major, incremental, weak callbacks): count and longest. */
let gcByKind = new Map<string, { n: number; max: number }>();
const GC_KINDS: Record<number, string> = { 1: 'minor', 4: 'major', 8: 'incremental', 16: 'weakcb' };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcPauses.push(entry.duration);
    const kind = GC_KINDS[(entry.toJSON() as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'other';
    const k = gcByKind.get(kind) ?? { n: 0, max: 0 };
    gcByKind.set(kind, { n: k.n + 1, max: Math.max(k.max, entry.duration) });
  }
}).observe({ entryTypes: ['gc'] });
let cpuStart = process.cpuUsage();
let wallStart = performance.now();

function onPacket(packet: unknown[], next: (err?: Error) => void): void {
  const last = packet.length - 1;
  const ack = packet[last];
  if (instrumentsOn && typeof ack === 'function') {
    const event = String(packet[0]);
    const started = performance.now();
    packet[last] = (...args: unknown[]) => {
      let list = eventTimes.get(event);
      if (!list) eventTimes.set(event, (list = []));
      list.push(performance.now() - started);
      (ack as (...a: unknown[]) => void)(...args);
    };
    if (attributing) {
      requestContext.run({ event, started }, next);
      return;
    }
  }
  next();
}

function installInstruments(): void {
  if (instrumentsOn) return;
  instrumentsOn = true;
  const io = platform.sockets.io;
  for (const socket of io.of('/').sockets.values()) socket.use(onPacket as never);
  io.on('connection', (socket) => socket.use(onPacket as never));

  // Time waiting for one of the pool's 10 connections (Kysely asks the pool for one per query).
  const poolProto = pg.Pool.prototype as unknown as { connect: (...a: unknown[]) => unknown };
  const originalConnect = poolProto.connect;
  poolProto.connect = function (this: unknown, ...args: unknown[]) {
    const result = originalConnect.apply(this, args);
    if (instrumentsOn && args.length === 0 && result && typeof (result as Promise<unknown>).then === 'function') {
      const started = performance.now();
      const done = () => {
        const waited = performance.now() - started;
        poolWaits++;
        poolWaitMs += waited;
        poolSamples.push(waited);
        poolWaitMax = Math.max(poolWaitMax, waited);
      };
      void (result as Promise<unknown>).then(done, done);
    }
    return result;
  };

  const clientProto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const originalQuery = clientProto.query;
  clientProto.query = function (this: unknown, ...args: unknown[]) {
    const result = originalQuery.apply(this, args);
    if (instrumentsOn && result && typeof (result as Promise<unknown>).then === 'function') {
      const started = performance.now();
      dbQueries++;
      const c = costOf();
      if (c) c.sql++;
      const first = args[0] as string | { text?: string };
      const text = (typeof first === 'string' ? first : first?.text ?? '?').replace(/\s+/g, ' ').replace(/\$\d+(, \$\d+)*/g, '$n').slice(0, 90);
      const done = () => {
        const ms = performance.now() - started;
        dbMs += ms;
        dbSamples.push(ms);
        let st = statements.get(text);
        if (!st) statements.set(text, (st = { n: 0, ms: 0 }));
        st.n++;
        st.ms += ms;
      };
      void (result as Promise<unknown>).then(done, done);
    }
    return result;
  };

  countFrames();
  const operatorProto = Object.getPrototypeOf(io.to('bench')) as { emit: (event: string, ...args: unknown[]) => unknown };
  const originalEmit = operatorProto.emit;
  operatorProto.emit = function (this: unknown, event: string, ...args: unknown[]) {
    const store = attributing ? requestContext.getStore() : undefined;
    if (store) {
      const key = `${store.event} → ${event}`;
      let list = emitDelays.get(key);
      if (!list) emitDelays.set(key, (list = []));
      list.push(performance.now() - store.started);
    }
    return originalEmit.call(this, event, ...args);
  };
  const redisProto = Redis.prototype as unknown as { sendCommand: (command: { name: string; promise?: Promise<unknown> }, ...rest: unknown[]) => unknown };
  const originalSend = redisProto.sendCommand;
  redisProto.sendCommand = function (this: unknown, command: { name: string; promise?: Promise<unknown> }, ...rest: unknown[]) {
    if (instrumentsOn) {
      redisCount++;
      if (command.name !== 'xread' && command.promise) {
        const started = performance.now();
        const done = () => {
          const ms = performance.now() - started;
          redisMs += ms;
          redisTimed++;
          redisSamples.push(ms);
        };
        command.promise.then(done, done);
      }
      const name = command.name === 'evalsha' || command.name === 'eval' ? 'eval(lua)' : command.name;
      redisCommands.set(name, (redisCommands.get(name) ?? 0) + 1);
      const c = costOf();
      if (c) c.redis++;
    }
    return originalSend.call(this, command, ...rest);
  };
}

function countFrames(): void {
  // Every frame to a client ends in ws's Sender#sendFrame: ordinary sends, and the pre-encoded
  // frames Socket.IO shares between all the sockets of a broadcast.
  const { Sender } = ws as unknown as { Sender: { prototype: unknown } };
  const proto = Sender.prototype as { sendFrame: (list: Buffer[], ...rest: unknown[]) => unknown };
  const original = proto.sendFrame;
  proto.sendFrame = function (this: unknown, list: Buffer[], ...rest: unknown[]) {
    if (instrumentsOn) {
      let size = 0;
      for (const b of list) size += b.length;
      wsFrames++;
      wsBytes += size;
      const c = costOf();
      if (c) {
        c.frames++;
        c.bytes += size;
      }
    }
    return original.call(this, list, ...rest);
  };
}

function resetCounters(): void {
  eventTimes.clear();
  dbQueries = 0;
  dbMs = 0;
  poolWaits = 0;
  poolWaitMs = 0;
  poolWaitMax = 0;
  redisMs = 0;
  redisTimed = 0;
  dbSamples = [];
  poolSamples = [];
  redisSamples = [];
  statements.clear();
  elu = performance.eventLoopUtilization();
  redisCommands.clear();
  redisCount = 0;
  wsFrames = 0;
  wsBytes = 0;
  costs.clear();
  emitDelays.clear();
  gcPauses = [];
  gcByKind = new Map();
  loopDelay.disable();
  loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  cpuStart = process.cpuUsage();
  wallStart = performance.now();
}

function readStats(): NodeStats {
  const cpu = process.cpuUsage(cpuStart);
  const wallMs = performance.now() - wallStart;
  const events: NodeStats['events'] = {};
  for (const [event, times] of eventTimes) events[event] = Float64Array.from(times);
  return {
    wallMs,
    cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
    loopDelayP50Ms: loopDelay.percentile(50) / 1e6,
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    loopDelayMaxMs: loopDelay.max / 1e6,
    gcPauseMs: Float64Array.from(gcPauses),
    gcByKind: Object.fromEntries(gcByKind),
    dbQueries,
    dbMeanMs: dbQueries ? dbMs / dbQueries : 0,
    poolWaitMeanMs: poolWaits ? poolWaitMs / poolWaits : 0,
    poolWaitMaxMs: poolWaitMax,
    redisMeanMs: redisTimed ? redisMs / redisTimed : 0,
    dbMs: Float64Array.from(dbSamples),
    poolWaitMs: Float64Array.from(poolSamples),
    redisMs: Float64Array.from(redisSamples),
    eventLoopUtilization: performance.eventLoopUtilization(elu).utilization,
    statements: [...statements.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10).map(([text, v]) => ({ text, n: v.n, meanMs: v.ms / v.n })),
    redisCommands: redisCount,
    redisTop: [...redisCommands.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12),
    wsFrames,
    wsBytes,
    costs: Object.fromEntries(costs),
    emitDelays: Object.fromEntries([...emitDelays].map(([k, v]) => [k, Float64Array.from(v)])),
    events,
    sockets: platform.sockets.io.of('/').sockets.size,
    heapUsed: process.memoryUsage().heapUsed,
    rss: process.memoryUsage().rss,
  };
}

// ---------- CPU profile ----------

let profiler: Session | undefined;

async function startProfile(): Promise<void> {
  profiler = new Session();
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 500 });
  await profiler.post('Profiler.start');
}

async function stopProfile(file: string): Promise<void> {
  if (!profiler) return;
  const { profile } = await profiler.post('Profiler.stop');
  await fs.writeFile(file, JSON.stringify(profile));
  profiler.disconnect();
  profiler = undefined;
}

// ---------- IPC ----------

function reply(message: NodeReply): void {
  process.send?.(message);
}

async function handle(message: NodeRequest): Promise<void> {
  switch (message.type) {
    case 'heap': {
      for (let i = 0; i < 3; i++) {
        gc!();
        await new Promise((r) => setImmediate(r));
      }
      const m = process.memoryUsage();
      reply({ type: 'heap', id: message.id, heapUsed: m.heapUsed, rss: m.rss, sockets: platform.sockets.io.of('/').sockets.size });
      return;
    }
    case 'stats-start':
      installInstruments();
      resetCounters();
      attributing = message.profile;
      if (message.profile) await startProfile();
      reply({ type: 'ok', id: message.id });
      return;
    case 'stats-stop': {
      const stats = readStats();
      instrumentsOn = false;
      attributing = false;
      if (message.profileFile) await stopProfile(message.profileFile);
      reply({ type: 'stats', id: message.id, stats });
      return;
    }
    case 'media-dump':
      reply({ type: 'media-dump', id: message.id, dump: mediaServer?.dump() ?? null });
      return;
    case 'stop':
      await shutdown();
      return;
  }
}

let closing: Promise<void> | undefined;
function shutdown(): Promise<void> {
  closing ??= (async () => {
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await platform.close().catch(() => undefined);
    process.exit(0);
  })();
  return closing;
}

process.on('message', (message: NodeRequest) => {
  handle(message).catch((error: unknown) => reply({ type: 'error', id: message.id, message: error instanceof Error ? error.stack ?? error.message : String(error) }));
});
// The bench died: do not outlive it.
process.on('disconnect', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());

reply({ type: 'listening', port });
