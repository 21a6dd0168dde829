/**
 * media: the interview call's media path on a real Janus.
 *
 *   npm run bench -- media [--joins=20] [--warmup=2] [--window=10] [--fanout=10,25,50] [--rooms=100]
 *
 * Starts its own Janus (the launcher, free ports), a fresh PostgreSQL schema, a unique Redis
 * prefix and the platform server as a child process (bench/lib/server-node.ts, its interview calls
 * on that Janus), then measures:
 *
 *  1. server RSS with 100 idle interview rooms open (100 booked interviews, an interviewer's socket
 *     in each: the join creates the call's Janus room and issues a grant), then closes them and
 *     checks that neither the adapter's dump nor Janus's room list keeps anything;
 *  2. join latency of a 1:1 interview through the platform (Socket.IO join, admission, grant,
 *     media:join/publish/subscribe/answer/trickle) against the same flow driven straight through
 *     janode, alternated (ABBA) in the same run: from the join request to the first decoded remote
 *     frame at both ends;
 *  3. fan-out of one publisher to N subscribers through the MediaServer (the Janus adapter in this
 *     process): RTP delivery at node-datachannel receivers that do not decode, frames decoded at two
 *     wrtc subscribers, and Janus's CPU per forwarded stream.
 *
 * Everything it started is stopped and removed at the end (a hard timeout does the same). The last
 * line printed is the RESULT line.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { createLogger } from '../server/src/logger.js';
import { GrantAuthority } from '../server/src/media/grants.js';
import { JanusMediaServer } from '../server/src/media/janus/JanusMediaServer.js';
import { startJanus, type JanusProcess } from '../server/src/services/janus-launcher.js';
import { ApiClient } from '../test/support/client.js';
import { createFixtures, PASSWORD, type Fixtures } from '../test/support/fixtures.js';
import { installTestFieldKeys } from '../test/support/field-keys.js';
import { eachLimited, insertCallBooking, leaveCalls, must, next, openIdleCalls, roomOf, signalling, type CallSocket } from '../test/support/interview-call.js';
import { listJanusRooms, openJanusControl, type JanusControl } from '../test/support/janus-rooms.js';
import { publisherLive, sleep, startPublisher, startSubscriber, type TestPublisher, type TestSubscriber } from '../test/support/media-peers.js';
import { connectWithCookie } from '../test/support/sockets.js';
import { DATABASE_URL, option, REDIS_URL } from './lib/args.js';
import { BENCH_DIR, killAllChildren, spawnChild, type Child } from './lib/children.js';
import { createRawRoom, destroyRawRoom, joinRawPeer, type RawPeer } from './lib/media-janode.js';
import { startRtpReceiver, type RtpReceiver } from './lib/media-rtp-receiver.js';
import { cpuBetween, CpuWatch, sampleProcs, type CpuShare } from './lib/proc-cpu.js';
import type { NodeReply, NodeRequest } from './lib/protocol.js';
import { deleteRedisPrefix } from '../test/support/redis-prefix.js';
import { fmt, summarize, type Summary } from './lib/stats.js';

const STARTED = Date.now();
const HARD_LIMIT_MS = Number(process.env.YP_BENCH_HARD_LIMIT_MS ?? 285_000);

const fanoutArg = process.argv.find((a) => a.startsWith('--fanout='))?.split('=')[1];
const o = {
  joins: option('joins', 20),
  warmup: option('warmup', 2),
  windowMs: option('window', 10) * 1000,
  rooms: option('rooms', 100),
  fanout: (fanoutArg ?? '10,25,50').split(',').map(Number).sort((a, b) => a - b),
};
if (o.fanout.some((n) => !Number.isInteger(n) || n < 2)) throw new Error('--fanout expects a list of integers ≥ 2');
/** Subscribers that decode (wrtc); the rest only count packets (node-datachannel). */
const DECODERS = 2;
const DELIVERY_TARGET_PCT = 95;

const elapsed = () => `[${((Date.now() - STARTED) / 1000).toFixed(1).padStart(5)}s]`;
const say = (text: string) => console.log(`${elapsed()} ${text}`);
const mb = (bytes: number) => bytes / 1024 / 1024;
const now = () => performance.now();

// ---------- resources and their cleanup (last started, first stopped) ----------

const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const schema = `ypbench_${id}`;
const redisPrefix = `ypbench_${id}`;
const logger = createLogger('silent');
const cleanups: { what: string; run: () => Promise<unknown> }[] = [];
const onCleanup = (what: string, run: () => Promise<unknown>) => cleanups.push({ what, run });

let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const { what, run } of cleanups.splice(0).reverse()) {
      await run().catch((error: unknown) => console.error(`cleanup (${what}): ${error instanceof Error ? error.message : String(error)}`));
    }
    say(`cleaned up: peers closed, server and Janus stopped, schema ${schema} dropped, Redis keys ${redisPrefix}:* deleted`);
  })();
  return cleaning;
}

const hardTimer = setTimeout(() => {
  console.error(`${elapsed()} HARD TIMEOUT: killing the server and cleaning up`);
  killAllChildren();
  setTimeout(() => process.exit(2), 15_000).unref();
  void cleanup().finally(() => process.exit(2));
}, HARD_LIMIT_MS);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`${elapsed()} ${signal}: stopping`);
    killAllChildren();
    void cleanup().finally(() => process.exit(130));
  });
}

let requestId = 0;
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
function ask<T extends NodeReply['type']>(node: Child<NodeRequest, NodeReply>, message: WithoutId<NodeRequest>, reply: T, timeoutMs = 30_000) {
  const waiting = node.next(reply, timeoutMs);
  node.send({ ...message, id: ++requestId } as NodeRequest);
  return waiting;
}

const isEmptyDump = (dump: Record<string, number> | null) => dump !== null && Object.values(dump).every((v) => v === 0);
const showDump = (dump: Record<string, number> | null) => (dump ? Object.entries(dump).map(([k, v]) => `${k}=${v}`).join(' ') : '(media plane not started)');

/** Anything with a close(): the wrtc and node-datachannel peers of one step. */
type Closeable = { close(): void };
const closeAll = (peers: Closeable[]) => {
  for (const peer of peers.splice(0)) peer.close();
};

// ---------- 1. server RSS with idle rooms, and the leak check ----------

interface RoomsResult {
  rssBeforeMb: number;
  rssOpenMb: number;
  rssAfterMb: number;
  heapBeforeMb: number;
  heapOpenMb: number;
  openMs: number;
  dumpOpen: Record<string, number> | null;
  janusRoomsOpen: number;
  dumpAfter: Record<string, number> | null;
  janusRoomsAfter: number;
  leakFree: boolean;
}

async function idleRooms(node: Child<NodeRequest, NodeReply>, url: string, cookie: string, bookingIds: string[], control: JanusControl, adminKey: string): Promise<RoomsResult> {
  const sockets: CallSocket[] = [];
  onCleanup('idle-room sockets', async () => closeAll(sockets));
  // Warm-up: the first call starts the server's media plane (the Janus adapter and its connection).
  const [warmBooking, ...roomBookings] = bookingIds;
  sockets.push((await connectWithCookie(url, cookie)) as unknown as CallSocket);
  await openIdleCalls(sockets, [warmBooking!]);
  await leaveCalls(sockets, [warmBooking!]);
  while (sockets.length < roomBookings.length) sockets.push((await connectWithCookie(url, cookie)) as unknown as CallSocket);
  const before = await ask(node, { type: 'heap' }, 'heap');
  const started = now();
  await openIdleCalls(sockets, roomBookings);
  const openMs = now() - started;
  const dumpOpen = (await ask(node, { type: 'media-dump' }, 'media-dump')).dump;
  const janusRoomsOpen = (await listJanusRooms(control, adminKey)).length;
  const open = await ask(node, { type: 'heap' }, 'heap');
  await leaveCalls(sockets, roomBookings);
  closeAll(sockets);
  await sleep(200);
  const dumpAfter = (await ask(node, { type: 'media-dump' }, 'media-dump')).dump;
  const janusRoomsAfter = (await listJanusRooms(control, adminKey)).length;
  const after = await ask(node, { type: 'heap' }, 'heap');
  return {
    rssBeforeMb: mb(before.rss),
    rssOpenMb: mb(open.rss),
    rssAfterMb: mb(after.rss),
    heapBeforeMb: mb(before.heapUsed),
    heapOpenMb: mb(open.heapUsed),
    openMs,
    dumpOpen,
    janusRoomsOpen,
    dumpAfter,
    janusRoomsAfter,
    leakFree: isEmptyDump(dumpAfter) && janusRoomsAfter === 0,
  };
}

// ---------- 2. join latency: the platform against raw janode ----------

interface JoinSample {
  /** Both ends decoded a first frame of the other (the call is up). */
  bothMs: number;
  /** Each end's first decoded remote frame. */
  sideMs: [number, number];
  /** Each end's subscription alone: subscribe request → first decoded frame. */
  subscribeMs: [number, number];
  /** Both ends, from the join request: in the room and about to publish; the other end known to be live. */
  steps: { publishAtMs: number; otherLiveAtMs: number }[];
}

interface EndTimes {
  doneMs: number;
  subscribeMs: number;
  publishAtMs: number;
  otherLiveAtMs: number;
}

const sample = (a: EndTimes, b: EndTimes): JoinSample => ({
  bothMs: Math.max(a.doneMs, b.doneMs),
  sideMs: [a.doneMs, b.doneMs],
  subscribeMs: [a.subscribeMs, b.subscribeMs],
  steps: [a, b].map((e) => ({ publishAtMs: e.publishAtMs, otherLiveAtMs: e.otherLiveAtMs })),
});

/** One end of a 1:1 call: publish, and subscribe to the other end once it is live, until a first frame is decoded. */
async function callEnd(port: Parameters<typeof startPublisher>[0], roomId: string, self: string, otherLive: () => Promise<string>, peers: Closeable[], t0: number): Promise<EndTimes> {
  const publishAtMs = now() - t0;
  peers.push(await startPublisher(port, roomId, self, { noise: true }));
  const other = await otherLive();
  const subscribing = now();
  const subscriber = await startSubscriber(port, roomId, self, other);
  peers.push(subscriber);
  await subscriber.firstFrame(10_000);
  return { doneMs: now() - t0, subscribeMs: now() - subscribing, publishAtMs, otherLiveAtMs: subscribing - t0 };
}

/**
 * Through the platform: both people send `interview:join` at once; the interviewer admits the candidate as soon as
 * the platform says they wait; each joins the media room with its grant, publishes, and subscribes to the other when
 * `media:publisher-added` (or the join's publisher list) says the other is live.
 */
async function joinOurs(iv: CallSocket, cand: CallSocket, ids: { interviewer: string; candidate: string }, bookingId: string): Promise<JoinSample> {
  const peers: Closeable[] = [];
  const end = async (socket: CallSocket, grant: Promise<string>, self: string, other: string, t0: number) => {
    const added = next(socket, 'media:publisher-added', (p) => p.bookingId === bookingId && p.peerId === other, 15_000);
    added.catch(() => undefined);
    const token = await grant;
    const { publishers } = await must(socket, 'media:join', { grant: token });
    return callEnd(signalling(socket), roomOf(token), self, async () => (publishers.includes(other) ? other : (await added).peerId), peers, t0);
  };
  try {
    const t0 = now();
    const waiting = next(iv, 'interview:waiting', (p) => p.bookingId === bookingId && p.candidatePresent, 15_000);
    const admitted = next(cand, 'interview:admitted', (p) => p.bookingId === bookingId, 15_000);
    const admit = waiting.then(() => must(iv, 'interview:admit', { bookingId }));
    const panelGrant = must(iv, 'interview:join', { bookingId }).then((j) => j.grant ?? Promise.reject(new Error('no grant for the interviewer')));
    const candidateIn = must(cand, 'interview:join', { bookingId }).then(async () => (await admitted).grant);
    const sides = await Promise.all([end(iv, panelGrant, ids.interviewer, ids.candidate, t0), end(cand, candidateIn, ids.candidate, ids.interviewer, t0), admit]);
    return sample(sides[0], sides[1]);
  } finally {
    closeAll(peers);
    // The last one out closes the call: its ack comes once the media room is gone.
    await must(iv, 'interview:leave', { bookingId }).catch(() => undefined);
    await must(cand, 'interview:leave', { bookingId }).catch(() => undefined);
  }
}

/** Straight through janode: a room as our adapter makes one, two sessions joining it at once, each publishing and subscribing to the other. */
async function joinRaw(control: JanusControl, adminKey: string): Promise<JoinSample> {
  const peers: Closeable[] = [];
  const sessions: Promise<RawPeer>[] = [];
  const t0 = now();
  const room = await createRawRoom(control, adminKey);
  try {
    sessions.push(joinRawPeer(control, room, 'interviewer'), joinRawPeer(control, room, 'candidate'));
    for (const s of sessions) s.catch(() => undefined);
    const end = async (self: Promise<RawPeer>, other: Promise<RawPeer>) => {
      const me = await self;
      return callEnd(me.port, String(room.room), String(me.feed), async () => {
        const them = await other;
        await them.live;
        return String(them.feed);
      }, peers, t0);
    };
    const sides = await Promise.all([end(sessions[0]!, sessions[1]!), end(sessions[1]!, sessions[0]!)]);
    return sample(sides[0], sides[1]);
  } finally {
    closeAll(peers);
    await Promise.all(sessions.map((s) => s.then((p) => p.close(), () => undefined)));
    await destroyRawRoom(control, room).catch(() => undefined);
  }
}

// ---------- 3. fan-out ----------

interface FanoutResult {
  n: number;
  windowS: number;
  sentPackets: number;
  sentPerS: number;
  kbps: number;
  retransmitted: number;
  framesSent: number;
  /** Per receiver: packets received ÷ publisher packets sent × 100 (node-datachannel first, then the decoders). */
  deliveryPct: number[];
  decoderDeliveryPct: number[];
  framesDecoded: number[];
  janusCpuPct: number;
  cpu: CpuShare[];
  otherRtp: number;
}

type Stats = Map<string, { type: string; [field: string]: unknown }>;
const rtpStats = async (pc: { getStats(): Promise<Stats> }, type: 'outbound-rtp' | 'inbound-rtp') => {
  for (const s of (await pc.getStats()).values()) if (s.type === type && s.kind === 'video') return s as Record<string, number>;
  throw new Error(`no ${type} video stats`);
};

async function fanout(janus: JanusProcess, serverPid: number): Promise<FanoutResult[]> {
  const media = await JanusMediaServer.create({ url: janus.url, adminKey: janus.adminKey, grants: new GrantAuthority(randomBytes(32)), logger });
  onCleanup('fan-out media server', () => media.close());
  const { roomId } = await media.createRoom({ label: 'fan-out', maxPublishers: 1 });
  const peers: Closeable[] = [];
  onCleanup('fan-out peers', async () => closeAll(peers));
  await media.join(media.issueGrant({ roomId, peerId: 'host', role: 'host' }));
  const live = publisherLive(media, roomId, 'host');
  const publisher: TestPublisher = await startPublisher(media, roomId, 'host', { noise: true });
  peers.push(publisher);
  await live;
  const decoders: TestSubscriber[] = [];
  const receivers: RtpReceiver[] = [];
  const ours = new Map<number, string>([
    [janus.pid()!, 'janus'],
    [process.pid, 'bench process (publisher, wrtc decoders, node-datachannel receivers)'],
    [serverPid, 'platform server (idle here)'],
  ]);
  const results: FanoutResult[] = [];
  // The receivers' counts are read just before and just after the stats calls and averaged, so that the moment the
  // publisher's packetsSent was taken falls in the middle (a slow event loop would otherwise shift a window edge).
  const snapshot = async () => {
    const rx0 = receivers.map((r) => r.packets());
    const procs = sampleProcs();
    const [pub, ...dec] = await Promise.all([rtpStats(publisher.pc, 'outbound-rtp'), ...decoders.map((d) => rtpStats(d.pc, 'inbound-rtp'))]);
    return {
      pub,
      dec,
      rx: receivers.map((r, i) => (rx0[i]! + r.packets()) / 2),
      other: receivers.reduce((t, r) => t + r.otherPackets(), 0),
      frames: decoders.map((d) => d.received()),
      procs,
    };
  };
  let viewer = 0;
  for (const n of o.fanout) {
    const addStarted = now();
    while (decoders.length < DECODERS) {
      const peerId = `viewer-${++viewer}`;
      await media.join(media.issueGrant({ roomId, peerId, role: 'viewer' }));
      const subscriber = await startSubscriber(media, roomId, peerId, 'host');
      peers.push(subscriber);
      decoders.push(subscriber);
    }
    const adding = Array.from({ length: n - DECODERS - receivers.length }, () => `viewer-${++viewer}`);
    await eachLimited(adding, 5, async (peerId) => {
      await media.join(media.issueGrant({ roomId, peerId, role: 'viewer' }));
      const receiver = await startRtpReceiver(media, roomId, peerId, 'host');
      peers.push(receiver);
      receivers.push(receiver);
      await receiver.connected();
    });
    await Promise.all(decoders.map((d) => d.firstFrame(10_000)));
    // Every receiver has packets coming in, then a second to settle.
    const deadline = Date.now() + 10_000;
    while (receivers.some((r) => r.packets() === 0) && Date.now() < deadline) await sleep(100);
    await sleep(1000);
    say(`fan-out N=${n}: ${decoders.length} wrtc decoders + ${receivers.length} node-datachannel receivers up in ${fmt((now() - addStarted) / 1000)} s; measuring ${o.windowMs / 1000} s`);

    const before = await snapshot();
    const watch = new CpuWatch(ours);
    await sleep(o.windowMs);
    const cpu = watch.stop();
    const after = await snapshot();
    const windowS = (after.procs.at - before.procs.at) / 1000;
    const sent = after.pub.packetsSent! - before.pub.packetsSent!;
    const pct = (got: number) => (got / sent) * 100;
    const janusCpuPct = cpuBetween(before.procs, after.procs, ours).find((c) => c.group === 'janus')?.percent ?? Number.NaN;
    const decoderDeliveryPct = after.dec.map((d, i) => pct(d.packetsReceived! - before.dec[i]!.packetsReceived!));
    results.push({
      n,
      windowS,
      sentPackets: sent,
      sentPerS: sent / windowS,
      kbps: ((after.pub.bytesSent! - before.pub.bytesSent!) * 8) / 1000 / windowS,
      retransmitted: (after.pub.retransmittedPacketsSent ?? 0) - (before.pub.retransmittedPacketsSent ?? 0),
      framesSent: after.pub.framesSent! - before.pub.framesSent!,
      deliveryPct: [...after.rx.map((v, i) => pct(v - before.rx[i]!)), ...decoderDeliveryPct],
      decoderDeliveryPct,
      framesDecoded: after.frames.map((v, i) => v - before.frames[i]!),
      janusCpuPct,
      cpu,
      otherRtp: after.other - before.other,
    });
  }
  closeAll(peers);
  await media.closeRoom(roomId);
  return results;
}

// ---------- the run ----------

async function main(): Promise<void> {
  const load = os.loadavg().map((v) => v.toFixed(2)).join(' ');
  say(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${fmt(mb(os.totalmem()), 0)} MB, Node ${process.version}; load average ${load}`);

  const admin = await openDatabase({ kind: 'pg', url: DATABASE_URL });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  onCleanup('schema', async () => {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
    await admin.close();
  });
  onCleanup('Redis keys', () => deleteRedisPrefix(REDIS_URL, redisPrefix));
  const db: DatabaseHandle = await openDatabase({ kind: 'pg', url: DATABASE_URL, schema });
  onCleanup('database', () => db.close());
  await migrateToLatest(db.db, schema);
  const f: Fixtures = await createFixtures(db.db);
  const joinCount = 2 * (o.warmup + o.joins);
  const bookingIds: string[] = [];
  // One booking per call through the platform, plus the warm-up call and the idle rooms.
  for (let i = 0; i < o.rooms + 1 + joinCount / 2; i++) bookingIds.push(await insertCallBooking(db.db, f));
  say(`schema ${schema} migrated; ${bookingIds.length} booked interviews (one graduate, one recruiter as the panel, open now); Redis prefix ${redisPrefix}`);

  const janus = await startJanus(logger);
  onCleanup('janus', () => janus.stop());
  const control = await openJanusControl(janus.url);
  onCleanup('janode control connection', () => control.close());
  const info = await control.connection.getInfo();
  say(`Janus ${info.version_string} started by the launcher: ${janus.url}, pid ${janus.pid()}, ICE on ${janus.iceAddress}`);

  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'yp-bench-media-'));
  onCleanup('data folder', () => fsp.rm(dataDir, { recursive: true, force: true }));
  // The fixtures sealed their files with the test field key: the server reads them with it.
  await installTestFieldKeys(dataDir);
  const node = spawnChild<NodeRequest, NodeReply>({
    name: 'server',
    script: path.join(BENCH_DIR, 'lib/server-node.ts'),
    nodeArgs: ['--expose-gc'],
    env: {
      YP_BENCH_DB_URL: DATABASE_URL,
      YP_BENCH_SCHEMA: schema,
      YP_BENCH_REDIS_URL: REDIS_URL,
      YP_BENCH_PREFIX: redisPrefix,
      YP_BENCH_DATA_DIR: dataDir,
      YP_BENCH_JANUS_URL: janus.url,
      YP_BENCH_JANUS_ADMIN_KEY: janus.adminKey,
    },
    echoStderr: true,
  });
  onCleanup('server', () => node.stop(10_000));
  const { port } = await node.next('listening', 60_000);
  const url = `http://127.0.0.1:${port}`;
  const serverPid = node.process.pid!;
  const login = async (who: string) => {
    const api = new ApiClient(url);
    await api.login(who, PASSWORD);
    return api.cookie!;
  };
  const cookies = { interviewer: await login(f.logins.recruiter), candidate: await login(f.logins.graduate) };
  say(`platform server: separate process ${serverPid} on ${url} (createPlatform, production defaults; interview calls through the Janus adapter on that Janus)`);

  // 1. Idle rooms.
  const roomsBookings = bookingIds.splice(0, o.rooms + 1);
  say(`idle rooms: opening ${o.rooms} interview calls, one interviewer socket in each (interview:join creates the Janus room and issues a grant; nobody publishes)`);
  const rooms = await idleRooms(node, url, cookies.interviewer, roomsBookings, control, janus.adminKey);
  say(`  opened in ${fmt(rooms.openMs / 1000, 2)} s; server RSS (after GC) ${fmt(rooms.rssBeforeMb)} MB before → ${fmt(rooms.rssOpenMb)} MB with ${o.rooms} rooms open → ${fmt(rooms.rssAfterMb)} MB after they closed; JS heap ${fmt(rooms.heapBeforeMb)} → ${fmt(rooms.heapOpenMb)} MB`);
  say(`  open:   adapter dump ${showDump(rooms.dumpOpen)}; Janus lists ${rooms.janusRoomsOpen} rooms`);
  say(`  closed: adapter dump ${showDump(rooms.dumpAfter)}; Janus lists ${rooms.janusRoomsAfter} rooms → ${rooms.leakFree ? 'nothing left' : 'STATE LEFT BEHIND'}`);

  // 2. Join latency, ours and raw alternated ABBA so that drifts in machine load fall on both.
  const iv = (await connectWithCookie(url, cookies.interviewer)) as unknown as CallSocket;
  const cand = (await connectWithCookie(url, cookies.candidate)) as unknown as CallSocket;
  onCleanup('call sockets', async () => {
    iv.close();
    cand.close();
  });
  const ids = { interviewer: f.userIds.recruiter, candidate: f.userIds.graduate };
  const oursMs: JoinSample[] = [];
  const rawMs: JoinSample[] = [];
  say(`join latency: ${o.warmup} + ${o.joins} 1:1 calls each way, alternated (ours, raw, raw, ours, …), the first ${o.warmup} of each discarded`);
  const joinStarted = now();
  const joinWatch = new CpuWatch(new Map([[janus.pid()!, 'janus'], [process.pid, 'bench process'], [serverPid, 'platform server']]));
  for (let i = 0; i < joinCount; i++) {
    const isOurs = i % 4 === 0 || i % 4 === 3;
    const sample = isOurs ? await joinOurs(iv, cand, ids, bookingIds.shift()!) : await joinRaw(control, janus.adminKey);
    (isOurs ? oursMs : rawMs).push(sample);
    await sleep(150);
  }
  const joinCpu = joinWatch.stop();
  const ours = oursMs.slice(o.warmup);
  const raw = rawMs.slice(o.warmup);
  say(`  ${joinCount} calls in ${fmt((now() - joinStarted) / 1000)} s`);
  const afterJoins = (await ask(node, { type: 'media-dump' }, 'media-dump')).dump;
  const janusRoomsAfterJoins = (await listJanusRooms(control, janus.adminKey)).length;
  say(`  after the calls: adapter dump ${showDump(afterJoins)}; Janus lists ${janusRoomsAfterJoins} rooms`);

  // 3. Fan-out.
  say(`fan-out: one wrtc publisher (320x240 VP8 at 30 fps, a moving bar and a box of noise) through the MediaServer (the Janus adapter in this process) to N = ${o.fanout.join(', ')}`);
  const fan = await fanout(janus, serverPid);

  const loadEnd = os.loadavg().map((v) => v.toFixed(2)).join(' ');
  clearTimeout(hardTimer);
  await cleanup();
  report({ rooms, ours, raw, joinCpu, fan, loadStart: load, loadEnd, leakAfterJoins: !isEmptyDump(afterJoins) || janusRoomsAfterJoins !== 0 });
  process.exit(0);
}

/** The busiest processes, one line (command lines shortened, whitespace flattened). */
const cpuList = (shares: CpuShare[], most: number) =>
  shares
    .filter((c) => c.percent >= 2)
    .slice(0, most)
    .map((c) => `${c.group.replace(/\s+/g, ' ').slice(0, 70)} ${fmt(c.percent)}`)
    .join(', ');

function joinLine(label: string, s: Summary, p95: number): string {
  return `  ${label.padEnd(44)} n=${s.n}  min=${fmt(s.min)}  p50=${fmt(s.p50)}  p95=${fmt(p95)}  max=${fmt(s.max)}  mean=${fmt(s.mean)} ms`;
}

const p95 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(0.95 * sorted.length) - 1))] ?? Number.NaN;
};

function report(r: { rooms: RoomsResult; ours: JoinSample[]; raw: JoinSample[]; joinCpu: CpuShare[]; fan: FanoutResult[]; loadStart: string; loadEnd: string; leakAfterJoins: boolean }): void {
  const both = (xs: JoinSample[]) => xs.map((x) => x.bothMs);
  const sides = (xs: JoinSample[], i: 0 | 1) => xs.map((x) => x.sideMs[i]);
  const subscriptions = (xs: JoinSample[]) => xs.flatMap((x) => x.subscribeMs);
  const ours = summarize(both(r.ours));
  const raw = summarize(both(r.raw));
  const oursP95 = p95(both(r.ours));
  const rawP95 = p95(both(r.raw));
  const ratio = ours.p50 / raw.p50;

  console.log('');
  console.log('=== media: interview calls on Janus ===');
  console.log(`load average ${r.loadStart} at the start, ${r.loadEnd} at the end (2 cores)`);
  console.log('');
  console.log('join latency: join request → first decoded remote frame at both ends of a 1:1 call (ms)');
  console.log(joinLine('ours (Socket.IO → server → adapter → Janus)', ours, oursP95));
  console.log(joinLine('raw janode (same Janus, same wrtc peers)', raw, rawP95));
  console.log(joinLine('  ours, interviewer end', summarize(sides(r.ours, 0)), p95(sides(r.ours, 0))));
  console.log(joinLine('  ours, candidate end (admitted first)', summarize(sides(r.ours, 1)), p95(sides(r.ours, 1))));
  console.log(joinLine('  raw, first end', summarize(sides(r.raw, 0)), p95(sides(r.raw, 0))));
  console.log(joinLine('  ours, subscribe → first frame (both ends)', summarize(subscriptions(r.ours)), p95(subscriptions(r.ours))));
  console.log(joinLine('  raw, subscribe → first frame (both ends)', summarize(subscriptions(r.raw)), p95(subscriptions(r.raw))));
  const step = (xs: JoinSample[], k: 'publishAtMs' | 'otherLiveAtMs') => fmt(summarize(xs.flatMap((x) => x.steps.map((e) => e[k]))).p50, 0);
  console.log(`  p50 of both ends' steps from the join request: in the room, publishing ${step(r.ours, 'publishAtMs')} (ours) / ${step(r.raw, 'publishAtMs')} (raw) ms; other end live ${step(r.ours, 'otherLiveAtMs')} / ${step(r.raw, 'otherLiveAtMs')} ms`);
  console.log(`  ours one by one: ${both(r.ours).map((v) => fmt(v, 0)).join(' ')}`);
  console.log(`  raw one by one:  ${both(r.raw).map((v) => fmt(v, 0)).join(' ')}`);
  console.log(`  ratio p50 ${fmt(ours.p50)} / ${fmt(raw.p50)} = ${fmt(ratio, 2)}; p95 ${fmt(oursP95)} / ${fmt(rawP95)} = ${fmt(oursP95 / rawP95, 2)}`);
  console.log(`  CPU during the calls (% of one core): ${cpuList(r.joinCpu, 6)}`);
  console.log('');
  console.log('fan-out: one publisher → N subscribers (N−2 node-datachannel receivers counting RTP, 2 wrtc decoders)');
  for (const x of r.fan) {
    const d = summarize(x.deliveryPct);
    const perStream = x.janusCpuPct / x.n;
    console.log(
      `  N=${String(x.n).padStart(3)}: publisher sent ${x.sentPackets} packets in ${fmt(x.windowS)} s (${fmt(x.sentPerS, 0)}/s, ${fmt(x.kbps, 0)} kbps, ${x.framesSent} frames, ${x.retransmitted} retransmitted); ` +
        `delivery mean ${fmt(d.mean, 2)}% min ${fmt(d.min, 2)}% max ${fmt(d.max, 2)}%`,
    );
    console.log(
      `         decoders: ${x.decoderDeliveryPct.map((v) => `${fmt(v, 1)}%`).join(' / ')} of packets, ${x.framesDecoded.join(' / ')} of ${x.framesSent} frames decoded; ` +
        `Janus ${fmt(x.janusCpuPct)}% of a core = ${fmt(perStream, 2)}% per forwarded stream; non-VP8 RTP at receivers ${x.otherRtp}`,
    );
    const others = x.cpu.filter((c) => c.group.startsWith('other')).reduce((t, c) => t + c.percent, 0);
    console.log(`         CPU (% of one core): ${cpuList(x.cpu, 5)}${others >= 20 ? ` — WARNING: ${fmt(others)}% went to processes outside this benchmark` : ''}`);
  }
  if (r.fan.length >= 2) {
    const [a, b] = [r.fan[0]!, r.fan[r.fan.length - 1]!];
    console.log(`  Janus marginal CPU from N=${a.n} to N=${b.n}: ${fmt((b.janusCpuPct - a.janusCpuPct) / (b.n - a.n), 2)}% of a core per added stream`);
  }
  console.log('');
  console.log(`idle rooms: server RSS ${fmt(r.rooms.rssOpenMb)} MB with ${o.rooms} rooms open (${fmt(r.rooms.rssBeforeMb)} MB before, +${fmt(((r.rooms.rssOpenMb - r.rooms.rssBeforeMb) * 1024) / o.rooms)} KB per room; ${fmt(r.rooms.rssAfterMb)} MB after closing; JS heap +${fmt(((r.rooms.heapOpenMb - r.rooms.heapBeforeMb) * 1024) / o.rooms)} KB per room)`);
  console.log('  (the server runs from source through tsx, as every bench server does: its RSS includes the loader and the transpiled sources)');
  console.log(`  after closing: adapter dump ${showDump(r.rooms.dumpAfter)}, Janus rooms ${r.rooms.janusRoomsAfter}${r.leakAfterJoins ? '; STATE LEFT after the join calls' : '; after the join calls: empty too'}`);

  const deliveryAt = (n: number) => {
    const x = r.fan.find((f) => f.n === n);
    return x ? summarize(x.deliveryPct).mean : Number.NaN;
  };
  const holding = r.fan.filter((x) => summarize(x.deliveryPct).min >= DELIVERY_TARGET_PCT).map((x) => x.n);
  const largest = r.fan[r.fan.length - 1]!;
  console.log('');
  console.log('targets');
  console.log(`  join overhead p50 ${fmt(ratio, 2)}× raw janode ≤ 1.3×                              ${ratio <= 1.3 ? 'PASS' : 'MISS'}`);
  console.log(
    `  delivery ≥ ${DELIVERY_TARGET_PCT}% at N=${largest.n} (every receiver): mean ${fmt(summarize(largest.deliveryPct).mean, 2)}%, min ${fmt(summarize(largest.deliveryPct).min, 2)}%   ${holding.includes(largest.n) ? 'PASS' : `MISS (holds at N = ${holding.join(', ') || 'none'})`}`,
  );
  console.log(`  no room state left after closing                                         ${r.rooms.leakFree && !r.leakAfterJoins ? 'PASS' : 'MISS'}`);
  const cpuPerStream = largest.janusCpuPct / largest.n;
  console.log(
    `RESULT media join_p50_ms=${fmt(ours.p50)} join_p95_ms=${fmt(oursP95)} raw_join_p50_ms=${fmt(raw.p50)} join_ratio_p50=${fmt(ratio, 2)} ` +
      `delivery_pct_n10=${fmt(deliveryAt(10), 2)} delivery_pct_n25=${fmt(deliveryAt(25), 2)} delivery_pct_n50=${fmt(deliveryAt(50), 2)} ` +
      `janus_cpu_pct_per_stream=${fmt(cpuPerStream, 2)} server_rss_mb_100_rooms=${fmt(r.rooms.rssOpenMb)}`,
  );
}

main().catch(async (error: unknown) => {
  console.error(`${elapsed()} media failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  clearTimeout(hardTimer);
  killAllChildren();
  await cleanup();
  process.exit(1);
});
