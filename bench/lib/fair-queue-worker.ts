/**
 * Load worker for the fair-queue benchmark: drives its share of the graduates and recruiters over
 * real Socket.IO connections (socket.io-client, websocket transport, session cookie) and measures,
 * all in this one process so every pair of timestamps comes from the same clock:
 *
 *  - call latency: recruiter sends `call:next` → the called graduate receives `call:incoming`
 *    (matched by callId; the incoming event may arrive before the ack that names the callId);
 *  - fan-out latency: a queue change (join / leave / call) is stamped when its request is sent;
 *    every other graduate holding a place at that booth at that moment records the arrival of the
 *    first `queue:booth-updated` snapshot that reflects the change (the joiner's ticket present,
 *    the leaver's ticket gone, the called graduate's ticket held or gone). Snapshots that arrive
 *    before the change can be identified (the ticket is only known from the ack) are kept briefly
 *    and checked when it is;
 *  - round trips: `queue:mine` on idle probe sockets, and `echo` on a bare Socket.IO server.
 *
 * The orchestrator gives each worker its own half of the booths, with their recruiters and the
 * graduates who queue there, so a call never crosses worker processes (it does cross server nodes).
 */
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, TAck, TBoothQueueSnapshot, TChatMessage, TConversation, TIncomingCall } from '@yunpin/shared';
import { findTicket } from '@yunpin/shared';
import type { WorkerParams, WorkerReply, WorkerRequest, WorkerRunResult, WorkerUser } from './protocol.js';
import { Samples } from './stats.js';

type Sock = Socket<ServerToClientEvents, ClientToServerEvents>;
type ChangeKind = 'join' | 'leave' | 'call';

interface Change {
  kind: ChangeKind;
  booth: string;
  tSend: number;
  tAck: number | null;
  /** The ticket the change is about; null until known (joins and calls learn it from the ack). */
  ticket: string | null;
  dead: boolean;
  watchers: Watch[];
  /** Arrivals recorded before the ack came back (for the from-ack figure). */
  early: number[] | undefined;
}

interface Watch {
  grad: Grad;
  booth: string;
  /** The newest snapshot version seen: an older snapshot arriving later is ignored, as the client does. */
  version: number;
  pending: Change[];
  /** Snapshots seen while an unresolved change is pending (at most a few, briefly). */
  hist: [number, TBoothQueueSnapshot][];
  gone: boolean;
}

interface Place {
  ticket: string;
  since: number;
  watch: Watch;
  joinChange: Change;
}

interface Grad extends WorkerUser {
  socket?: Sock;
  places: Map<string, Place>;
  joining: Set<string>;
  state: 'idle' | 'called' | 'talking';
  busyOps: number;
}

interface Recruiter extends WorkerUser {
  booth: string;
  socket?: Sock;
  /** Lanes waiting for their call to end, by callId. */
  waiting: Map<string, { graduateId: string; done: (how: string) => void }>;
}

const now = () => performance.now();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

let params!: WorkerParams;
let nodeUrls: string[] = [];
let bareUrl = '';
let booths: string[] = [];
let recruiters: Recruiter[] = [];
let graduates: Grad[] = [];
let probes: Grad[] = [];
const gradById = new Map<string, Grad>();
const boothWatchers = new Map<string, Set<Watch>>();
const bareSockets: Sock[] = [];

// ---------- seeded randomness ----------

let rngState = 1;
function rand(): number {
  rngState = (rngState + 0x6d2b79f5) | 0;
  let t = rngState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;

// ---------- measurements ----------

let measuring = false;
let callMs = new Samples();
/** When each measured call was sent, ms after the workload started (same order as callMs). */
let callAtMs = new Samples();
/** 1 where the call crossed nodes (recruiter and graduate on different nodes), 0 where not; aligned with callMs. */
let callCross = new Samples();
let runStartedAt = 0;
let fanoutMs = new Samples();
let fanoutFromAckMs = new Samples();
let fanoutByKind: Record<ChangeKind, Samples> = { join: new Samples(), leave: new Samples(), call: new Samples() };
let fanoutUndelivered = 0;
let bareRtt = new Samples();
let mineRtt = new Samples();
let nodeEcho = new Samples();
let messageMs = new Samples();
let ackMs = new Map<string, Samples>();
let counters = { calls: 0, conversations: 0, emptyCalls: 0, joins: 0, leaves: 0, snapshots: 0, snapshotBytes: 0, disconnects: 0 };
let errors: Record<string, number> = {};
const callSentAt = new Map<string, { at: number; node: number }>();
const incomingAt = new Map<string, { at: number; node: number }>();

function recordCall(sentAt: number, arrival: number, recruiterNode: number, graduateNode: number): void {
  if (!measuring) return;
  callMs.push(arrival - sentAt);
  callAtMs.push(sentAt - runStartedAt);
  callCross.push(recruiterNode === graduateNode ? 0 : 1);
}
const messageSentAt = new Map<string, number>();

function resetMeasurements(): void {
  callMs = new Samples();
  callAtMs = new Samples();
  callCross = new Samples();
  fanoutMs = new Samples();
  fanoutFromAckMs = new Samples();
  fanoutByKind = { join: new Samples(), leave: new Samples(), call: new Samples() };
  fanoutUndelivered = 0;
  bareRtt = new Samples();
  mineRtt = new Samples();
  nodeEcho = new Samples();
  messageMs = new Samples();
  ackMs = new Map();
  counters = { calls: 0, conversations: 0, emptyCalls: 0, joins: 0, leaves: 0, snapshots: 0, snapshotBytes: 0, disconnects: 0 };
  errors = {};
}

function countError(key: string): void {
  errors[key] = (errors[key] ?? 0) + 1;
}

function recordAck(event: string, ms: number): void {
  if (!measuring) return;
  let s = ackMs.get(event);
  if (!s) ackMs.set(event, (s = new Samples()));
  s.push(ms);
}

type Payload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type Data<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends TAck<infer D> ? D : never;

/** Sends a request and resolves with its ack (a timeout or a dropped socket becomes an error ack). */
async function ask<E extends keyof ClientToServerEvents>(socket: Sock, event: E, payload: Payload<E>): Promise<TAck<Data<E>>> {
  const started = now();
  const timed = socket.timeout(15_000);
  const emit = timed.emitWithAck as (e: string, p: unknown) => Promise<TAck<Data<E>>>;
  let ack: TAck<Data<E>>;
  try {
    ack = await emit.call(timed, event, payload);
  } catch (error) {
    ack = { ok: false, error: { code: 'internal', message: `no ack: ${String(error)}` } } as TAck<Data<E>>;
    countError(`${event}:no-ack`);
    return ack;
  }
  recordAck(event, now() - started);
  if (!ack.ok) countError(`${event}:${ack.error.code}`);
  return ack;
}

// ---------- fan-out bookkeeping ----------

function reflects(c: Change, s: TBoothQueueSnapshot): boolean {
  const entry = c.ticket === null ? undefined : findTicket(s, c.ticket);
  if (c.kind === 'join') return entry !== undefined;
  if (c.kind === 'leave') return entry === undefined;
  return entry === undefined || entry.isHeld;
}

function recordFanout(c: Change, arrival: number): void {
  if (!measuring) return;
  fanoutMs.push(arrival - c.tSend);
  fanoutByKind[c.kind].push(arrival - c.tSend);
  if (c.tAck !== null) fanoutFromAckMs.push(arrival - c.tAck);
  else (c.early ??= []).push(arrival);
}

function ackArrived(c: Change, at: number): void {
  c.tAck = at;
  if (c.early && measuring) for (const arrival of c.early) fanoutFromAckMs.push(arrival - at);
  c.early = undefined;
}

/** Stamps a change at a booth; every graduate (but `exclude`) holding a place there watches for it. */
function newChange(kind: ChangeKind, booth: string, ticket: string | null, exclude?: Grad): Change {
  const c: Change = { kind, booth, tSend: now(), tAck: null, ticket, dead: false, watchers: [], early: undefined };
  for (const w of boothWatchers.get(booth) ?? []) {
    if (w.grad === exclude) continue;
    w.pending.push(c);
    c.watchers.push(w);
  }
  return c;
}

function removePending(w: Watch, c: Change): void {
  const i = w.pending.indexOf(c);
  if (i >= 0) w.pending.splice(i, 1);
}

/** The change's ticket became known: check the snapshots each watcher already received. */
function resolveChange(c: Change, ticket: string | null, subject?: Grad): void {
  if (ticket === null) {
    c.dead = true;
    return;
  }
  c.ticket = ticket;
  for (const w of c.watchers) {
    if (w.gone || w.grad === subject) {
      removePending(w, c);
      continue;
    }
    const hit = w.hist.find(([at, s]) => at >= c.tSend && reflects(c, s));
    if (hit) {
      recordFanout(c, hit[0]);
      removePending(w, c);
    }
    if (!w.pending.some((p) => p.ticket === null && !p.dead)) w.hist.length = 0;
  }
}

function onSnapshot(g: Grad, s: TBoothQueueSnapshot): void {
  const arrival = now();
  if (measuring) {
    counters.snapshots++;
    counters.snapshotBytes += 160 + s.tickets.length + s.held.length;
  }
  const w = g.places.get(s.boothId)?.watch;
  if (!w || s.version < w.version) return;
  w.version = s.version;
  if (w.pending.length === 0) return;
  let unresolved = false;
  let k = 0;
  for (const c of w.pending) {
    if (c.dead) continue;
    if (c.ticket === null) {
      unresolved = true;
      w.pending[k++] = c;
    } else if (reflects(c, s)) {
      recordFanout(c, arrival);
    } else {
      w.pending[k++] = c;
    }
  }
  w.pending.length = k;
  if (unresolved) {
    w.hist.push([arrival, s]);
    if (w.hist.length > 8) w.hist.shift();
  } else {
    w.hist.length = 0;
  }
}

/** Forgets a place locally (left, served, or removed by the server): it no longer watches. */
function dropPlace(g: Grad, boothId: string): Place | undefined {
  const place = g.places.get(boothId);
  if (!place) return undefined;
  g.places.delete(boothId);
  place.watch.gone = true;
  place.watch.pending.length = 0;
  place.watch.hist.length = 0;
  boothWatchers.get(boothId)?.delete(place.watch);
  place.joinChange.dead = true; // a join not yet seen by everyone is superseded now
  return place;
}

/** Changes nobody saw within 10 s count as undelivered (and stop being tracked). */
function sweepUndelivered(olderThanMs: number): void {
  const limit = now() - olderThanMs;
  for (const set of boothWatchers.values()) {
    for (const w of set) {
      if (w.pending.length === 0) continue;
      const keep = [];
      for (const c of w.pending) {
        if (c.dead) continue;
        if (c.tSend < limit) {
          if (measuring && c.ticket !== null) fanoutUndelivered++;
        } else keep.push(c);
      }
      w.pending = keep;
    }
  }
}

// ---------- graduates ----------

async function join(g: Grad, boothId: string): Promise<boolean> {
  if (g.places.has(boothId) || g.joining.has(boothId) || !g.socket) return false;
  g.joining.add(boothId);
  g.busyOps++;
  const c = newChange('join', boothId, null);
  try {
    const ack = await ask(g.socket, 'queue:join', { boothId });
    ackArrived(c, now());
    if (!ack.ok) {
      c.dead = true;
      return false;
    }
    addPlace(g, boothId, ack.data.ticket, c, ack.data.version);
    resolveChange(c, ack.data.ticket, g);
    if (measuring) counters.joins++;
    return true;
  } finally {
    g.joining.delete(boothId);
    g.busyOps--;
  }
}

function addPlace(g: Grad, boothId: string, ticket: string, joinChange: Change, version: number): void {
  const watch: Watch = { grad: g, booth: boothId, version, pending: [], hist: [], gone: false };
  g.places.set(boothId, { ticket, since: now(), watch, joinChange });
  boothWatchers.get(boothId)?.add(watch);
}

async function leave(g: Grad, boothId: string): Promise<void> {
  if (!g.socket) return;
  const place = dropPlace(g, boothId);
  if (!place) return;
  g.busyOps++;
  const c = newChange('leave', boothId, place.ticket, g);
  try {
    const ack = await ask(g.socket, 'queue:leave', { boothId });
    ackArrived(c, now());
    if (!ack.ok) c.dead = true;
    else if (measuring) counters.leaves++;
  } finally {
    g.busyOps--;
  }
}

async function joinSomewhereNew(g: Grad): Promise<void> {
  if (g.places.size >= 3) return;
  for (let attempt = 0; attempt < 5; attempt++) {
    const boothId = pick(booths);
    if (!g.places.has(boothId) && !g.joining.has(boothId)) {
      await join(g, boothId);
      return;
    }
  }
}

function onIncoming(g: Grad, call: TIncomingCall): void {
  const arrival = now();
  const sent = callSentAt.get(call.callId);
  if (sent !== undefined) {
    callSentAt.delete(call.callId);
    recordCall(sent.at, arrival, sent.node, g.node);
  } else {
    incomingAt.set(call.callId, { at: arrival, node: g.node });
  }
  g.state = 'called';
  void accept(g, call);
}

async function accept(g: Grad, call: TIncomingCall): Promise<void> {
  dropPlace(g, call.boothId); // accepting consumes the place
  const ack = await ask(g.socket!, 'call:accept', { callId: call.callId });
  if (!ack.ok) {
    g.state = 'idle';
    return;
  }
  g.state = 'talking';
  const id = randomUUID();
  messageSentAt.set(id, now());
  await ask(g.socket!, 'conversation:send', { conversationId: ack.data.id, body: '您好，我想了解这个岗位的要求。', clientMessageId: id });
}

function onMessage(message: TChatMessage, me: string): void {
  if (message.senderId === me) return;
  const sentAt = messageSentAt.get(message.id);
  if (sentAt !== undefined) {
    messageSentAt.delete(message.id);
    if (measuring) messageMs.push(now() - sentAt);
  }
}

function onConversationUpdated(g: Grad, conversation: TConversation): void {
  if (conversation.status !== 'ended' || conversation.graduateId !== g.id) return;
  g.state = 'idle';
  // Served at one booth: later the graduate queues somewhere else, keeping the queues populated.
  setTimeout(() => {
    if (running) void joinSomewhereNew(g);
  }, params.rejoinAfterMs * (0.5 + rand()));
}

function wireGraduate(g: Grad, s: Sock): void {
  s.on('queue:booth-updated', (snapshot) => onSnapshot(g, snapshot));
  s.on('call:incoming', (call) => onIncoming(g, call));
  s.on('call:cancelled', () => {
    if (g.state === 'called') g.state = 'idle';
  });
  s.on('queue:place-removed', ({ boothId, reason }) => {
    if (reason !== 'served') dropPlace(g, boothId);
  });
  s.on('conversation:message', (m) => onMessage(m, g.id));
  s.on('conversation:updated', (c) => onConversationUpdated(g, c));
}

// ---------- recruiters ----------

let running = false;

async function onRecruiterMessage(r: Recruiter, message: TChatMessage): Promise<void> {
  if (message.senderId === r.id) return;
  onMessage(message, r.id);
  const id = randomUUID();
  messageSentAt.set(id, now());
  await ask(r.socket!, 'conversation:send', { conversationId: message.conversationId, body: '收到，请介绍一下你的项目经历。', clientMessageId: id });
  const ended = await ask(r.socket!, 'conversation:end', { conversationId: message.conversationId });
  if (ended.ok && measuring) counters.conversations++;
  for (const [callId, lane] of r.waiting) {
    if (lane.graduateId === message.senderId) {
      r.waiting.delete(callId);
      lane.done('ended');
    }
  }
}

function wireRecruiter(r: Recruiter, s: Sock): void {
  s.on('conversation:message', (m) => void onRecruiterMessage(r, m));
  s.on('call:cancelled', ({ callId, reason }) => {
    const lane = r.waiting.get(callId);
    if (lane) {
      r.waiting.delete(callId);
      lane.done(`cancelled:${reason}`);
    }
  });
}

/** One call loop: call:next, wait until that conversation has been ended, think, repeat. */
async function lane(r: Recruiter): Promise<void> {
  while (running) {
    const c = newChange('call', r.booth, null);
    const ack = await ask(r.socket!, 'call:next', { boothId: r.booth });
    const ackAt = now();
    if (!ack.ok) {
      c.dead = true;
      await sleep(500);
      continue;
    }
    if (ack.data === null) {
      c.dead = true;
      if (measuring) counters.emptyCalls++;
      await sleep(params.emptyBackoffMs * (0.5 + rand()));
      continue;
    }
    ackArrived(c, ackAt);
    const call = ack.data;
    if (measuring) counters.calls++;
    const arrival = incomingAt.get(call.callId);
    if (arrival !== undefined) {
      incomingAt.delete(call.callId);
      recordCall(c.tSend, arrival.at, r.node, arrival.node);
    } else {
      callSentAt.set(call.callId, { at: c.tSend, node: r.node });
    }
    const subject = gradById.get(call.candidate.userId);
    resolveChange(c, subject?.places.get(r.booth)?.ticket ?? null, subject);
    const how = await new Promise<string>((done) => {
      const timer = setTimeout(() => {
        r.waiting.delete(call.callId);
        done('timeout');
      }, 20_000);
      r.waiting.set(call.callId, {
        graduateId: call.candidate.userId,
        done: (h) => {
          clearTimeout(timer);
          done(h);
        },
      });
    });
    if (how === 'timeout') countError('conversation:timeout');
    await sleep(params.thinkMs * (0.5 + rand()));
  }
}

// ---------- connections ----------

function connect(url: string, token: string): Promise<Sock> {
  const socket: Sock = io(url, {
    transports: ['websocket'],
    extraHeaders: { cookie: `yp_session=${token}` },
    reconnection: false,
    forceNew: true,
    timeout: 30_000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

function watchDisconnect(s: Sock): void {
  s.on('disconnect', (reason) => {
    if (closing) return;
    counters.disconnects++;
    countError(`disconnect:${reason}`);
  });
}

async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

async function connectAll(): Promise<WorkerReply> {
  const started = now();
  let ok = 0;
  let failed = 0;
  let firstError: string | undefined;
  const users: (Grad | Recruiter)[] = [...recruiters, ...graduates];
  await pool(users, params.connectBatch, async (u) => {
    try {
      const s = await connect(nodeUrls[u.node]!, u.token);
      u.socket = s;
      if ('booth' in u) wireRecruiter(u, s);
      else wireGraduate(u, s);
      watchDisconnect(s);
      ok++;
    } catch (error) {
      failed++;
      firstError ??= String(error);
    }
  });
  return { type: 'connected', ok, failed, ms: now() - started, ...(firstError ? { firstError } : {}) };
}

async function connectProbes(): Promise<WorkerReply> {
  const started = now();
  let failed = 0;
  let firstError: string | undefined;
  for (const p of probes) {
    try {
      p.socket = await connect(nodeUrls[p.node]!, p.token);
      watchDisconnect(p.socket);
    } catch (error) {
      failed++;
      firstError ??= String(error);
    }
  }
  for (let i = 0; i < 2; i++) {
    const s: Sock = io(bareUrl, { transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    bareSockets.push(s);
  }
  return { type: 'connected', ok: probes.length - failed, failed, ms: now() - started, ...(firstError ? { firstError } : {}) };
}

// ---------- round-trip probes ----------

/** One untyped round trip (`echo` on the bare server, `bench:echo` on a node), into `into`; a missing ack is counted as `error`. */
async function echoOnce(s: Sock, event: string, into: Samples, error: string): Promise<void> {
  const t = now();
  const timed = s.timeout(10_000);
  const emit = timed.emitWithAck as unknown as (e: string, p: unknown) => Promise<unknown>;
  try {
    await emit.call(timed, event, 1);
    into.push(now() - t);
  } catch {
    countError(error);
  }
}

async function probeLoop(until: () => boolean, bare: Samples, mine: Samples, echo?: Samples): Promise<void> {
  const loops: Promise<void>[] = [];
  for (const s of bareSockets) {
    loops.push(
      (async () => {
        while (!until()) {
          await echoOnce(s, 'echo', bare, 'bare:no-ack');
          await sleep(params.probeEveryMs);
        }
      })(),
    );
  }
  for (const p of probes) {
    if (!p.socket) continue;
    loops.push(
      (async () => {
        while (!until()) {
          const t = now();
          const ack = await ask(p.socket!, 'queue:mine', {});
          if (ack.ok) mine.push(now() - t);
          if (echo) await echoOnce(p.socket!, 'bench:echo', echo, 'node-echo:no-ack');
          await sleep(params.probeEveryMs);
        }
      })(),
    );
  }
  await Promise.all(loops);
}

// ---------- phases ----------

async function queuePhase(maxMs: number, mode: 'api' | 'mine'): Promise<WorkerReply> {
  const started = now();
  const deadline = started + maxMs;
  await Promise.all(
    recruiters.map(async (r) => {
      if (r.socket) await ask(r.socket, 'console:open', { boothId: r.booth });
    }),
  );
  // One task per initial place ('api') or per graduate ('mine'), shuffled, paced and bounded.
  const tasks: (() => Promise<boolean>)[] = [];
  if (mode === 'api') {
    for (const g of graduates) for (const b of g.booths ?? []) tasks.push(() => join(g, b));
  } else {
    for (const g of graduates) {
      tasks.push(async () => {
        if (!g.socket) return false;
        const ack = await ask(g.socket, 'queue:mine', {});
        if (!ack.ok) return false;
        for (const place of ack.data.places) {
          const settled: Change = { kind: 'join', booth: place.boothId, tSend: 0, tAck: 0, ticket: place.ticket, dead: true, watchers: [], early: undefined };
          addPlace(g, place.boothId, place.ticket, settled, place.version);
        }
        return true;
      });
    }
  }
  for (let i = tasks.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [tasks[i], tasks[j]] = [tasks[j]!, tasks[i]!];
  }
  const ackMsSamples = new Samples();
  let failed = 0;
  let issued = 0;
  let inflight = 0;
  let slotFree: (() => void) | undefined;
  const all: Promise<void>[] = [];
  const gap = 1000 / params.joinRate;
  for (const task of tasks) {
    if (now() > deadline) break;
    const wait = started + issued * gap - now();
    if (wait > 1) await sleep(wait);
    while (inflight >= params.joinConcurrency) await new Promise<void>((r) => (slotFree = r));
    inflight++;
    issued++;
    const t = now();
    all.push(
      task().then((ok) => {
        if (ok) ackMsSamples.push(now() - t);
        else failed++;
        inflight--;
        slotFree?.();
        slotFree = undefined;
      }),
    );
  }
  await Promise.all(all);
  let places = 0;
  for (const g of graduates) places += g.places.size;
  return { type: 'queued', planned: tasks.length, joins: issued - failed, failed, ms: now() - started, joinAckMs: ackMsSamples.toArray(), places, cutShort: issued < tasks.length };
}

async function runPhase(durationMs: number): Promise<WorkerReply> {
  resetMeasurements();
  measuring = true;
  running = true;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const started = now();
  runStartedAt = started;
  const end = started + durationMs;
  const isOver = () => now() >= end;

  const lanes: Promise<void>[] = [];
  const loops = recruiters.length * params.lanes;
  recruiters.forEach((r, i) => {
    if (!r.socket) return;
    for (let l = 0; l < params.lanes; l++) {
      // Stagger the first calls evenly over --stagger ms (a second by default) so the recruiters do not all fire in one tick.
      lanes.push(sleep(((i * params.lanes + l) * params.staggerMs) / loops).then(() => lane(r)));
    }
  });

  const churn = (async () => {
    if (params.churnPerSecond <= 0) return;
    const gap = 1000 / params.churnPerSecond;
    while (!isOver()) {
      await sleep(gap * (0.5 + rand()));
      for (let attempt = 0; attempt < 20; attempt++) {
        const g = pick(graduates);
        if (g.state !== 'idle' || g.busyOps > 0 || g.places.size === 0) continue;
        const [boothId, place] = pick([...g.places.entries()]);
        if (now() - place.since < 3000) continue;
        void leave(g, boothId).then(async () => {
          await sleep(200 + rand() * 800);
          if (running) await joinSomewhereNew(g);
        });
        break;
      }
    }
  })();

  const sweeper = setInterval(() => sweepUndelivered(10_000), 1000);
  const probesDone = probeLoop(isOver, bareRtt, mineRtt, nodeEcho);

  await sleep(durationMs);
  running = false;
  await churn;
  await probesDone;
  // Let lanes finish their current conversation (bounded), then stop measuring.
  await Promise.race([Promise.all(lanes), sleep(8000)]);
  clearInterval(sweeper);
  sweepUndelivered(5000);
  measuring = false;
  const cpu = process.cpuUsage(cpu0);
  const wallMs = now() - started;
  loop.disable();

  const byKind: Record<string, Float64Array> = {};
  for (const [k, s] of Object.entries(fanoutByKind)) byKind[k] = s.toArray();
  const acks: Record<string, Float64Array> = {};
  for (const [k, s] of ackMs) acks[k] = s.toArray();
  const result: WorkerRunResult = {
    callMs: callMs.toArray(),
    callAtMs: callAtMs.toArray(),
    callCross: callCross.toArray(),
    fanoutMs: fanoutMs.toArray(),
    fanoutFromAckMs: fanoutFromAckMs.toArray(),
    fanoutByKind: byKind,
    fanoutUndelivered,
    bareRttMs: bareRtt.toArray(),
    mineRttMs: mineRtt.toArray(),
    nodeEchoMs: nodeEcho.toArray(),
    ackMs: acks,
    messageMs: messageMs.toArray(),
    calls: counters.calls,
    conversations: counters.conversations,
    emptyCalls: counters.emptyCalls,
    joins: counters.joins,
    leaves: counters.leaves,
    snapshotsReceived: counters.snapshots,
    snapshotBytesApprox: counters.snapshotBytes,
    errors,
    disconnects: counters.disconnects,
    cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    loopDelayMaxMs: loop.max / 1e6,
    wallMs,
  };
  return { type: 'ran', result };
}

let closing = false;
async function closeAll(): Promise<void> {
  closing = true;
  running = false;
  for (const u of [...recruiters, ...graduates, ...probes]) u.socket?.close();
  for (const s of bareSockets) s.close();
  await sleep(200);
}

// ---------- IPC ----------

function send(message: WorkerReply): void {
  process.send?.(message);
}

async function handle(message: WorkerRequest): Promise<void> {
  switch (message.type) {
    case 'init': {
      params = message.params;
      nodeUrls = message.nodeUrls;
      bareUrl = message.bareUrl;
      booths = message.booths;
      rngState = message.seed;
      for (const b of booths) boothWatchers.set(b, new Set());
      recruiters = message.recruiters.map((u, i) => ({ ...u, booth: booths[i]!, waiting: new Map() }));
      const asGrad = (u: WorkerUser): Grad => ({ ...u, places: new Map(), joining: new Set(), state: 'idle', busyOps: 0 });
      graduates = message.graduates.map(asGrad);
      probes = message.probes.map(asGrad);
      for (const g of graduates) gradById.set(g.id, g);
      send({ type: 'ready' });
      return;
    }
    case 'connect-probes':
      send(await connectProbes());
      return;
    case 'connect':
      send(await connectAll());
      return;
    case 'idle-rtt': {
      const bare = new Samples();
      const mine = new Samples();
      const end = now() + message.durationMs;
      await probeLoop(() => now() >= end, bare, mine);
      send({ type: 'idle-rtt', bareRttMs: bare.toArray(), mineRttMs: mine.toArray() });
      return;
    }
    case 'queue':
      send(await queuePhase(message.maxMs, message.mode));
      return;
    case 'run':
      send(await runPhase(message.durationMs));
      return;
    case 'close':
      await closeAll();
      send({ type: 'closed' });
      return;
  }
}

process.on('message', (message: WorkerRequest) => {
  handle(message).catch((error: unknown) => {
    send({ type: 'fatal', message: error instanceof Error ? error.stack ?? error.message : String(error) });
  });
});
process.on('disconnect', () => process.exit(0));
