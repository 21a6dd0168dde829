import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { TICKET_LENGTH, type TBoothQueueSnapshot, type TCandidateSummary } from '@yunpin/shared';
import { CALL_NEXT_SCRIPT, END_CALL_SCRIPT, END_CONVERSATION_SCRIPT, HAND_OFF_SCRIPT, JOIN_SCRIPT, LEAVE_SCRIPT } from './queue-scripts.js';

export type CallEndMode = 'accept' | 'decline' | 'return' | 'lapse';
export type CallOutcome = 'accept' | 'decline' | 'kept' | 'dropped';

export interface EndedCall {
  boothId: string;
  userId: string;
  recruiterId: string;
  fairId: string;
  outcome: CallOutcome;
}

export interface PendingCall {
  callId: string;
  boothId: string;
  userId: string;
  recruiterId: string;
  fairId: string;
  expiresAt: number;
}

export interface StaffEntry {
  userId: string;
  summary: TCandidateSummary;
  joinedAt: number;
  isHeld: boolean;
  isCalled: boolean;
  hasMissedOnce: boolean;
  isPriority: boolean;
}

const PRIORITY_LANE = 0;
const NORMAL_LANE = 1;
const LANE_FACTOR = 10_000_000_000_000;
const PRESENCE_TTL_MS = 30_000;

type ScriptReply = [number, ...string[]];

interface ScriptedRedis {
  ypJoin(...args: string[]): Promise<ScriptReply>;
  ypLeave(...args: string[]): Promise<number>;
  ypCallNext(...args: string[]): Promise<ScriptReply>;
  ypEndCall(...args: string[]): Promise<ScriptReply>;
  ypEndConversation(...args: string[]): Promise<number>;
  ypHandOff(...args: string[]): Promise<ScriptReply>;
}

/** Queue state in Redis, so any server node (or a restarted one) sees the same queues. */
export class QueueStore {
  readonly #redis: Redis & ScriptedRedis;
  readonly #p: string;

  constructor(redis: Redis, prefix: string) {
    const scripted = redis as Redis & ScriptedRedis;
    if (typeof scripted.ypJoin !== 'function') {
      redis.defineCommand('ypJoin', { numberOfKeys: 0, lua: JOIN_SCRIPT });
      redis.defineCommand('ypLeave', { numberOfKeys: 0, lua: LEAVE_SCRIPT });
      redis.defineCommand('ypCallNext', { numberOfKeys: 0, lua: CALL_NEXT_SCRIPT });
      redis.defineCommand('ypEndCall', { numberOfKeys: 0, lua: END_CALL_SCRIPT });
      redis.defineCommand('ypEndConversation', { numberOfKeys: 0, lua: END_CONVERSATION_SCRIPT });
      redis.defineCommand('ypHandOff', { numberOfKeys: 0, lua: HAND_OFF_SCRIPT });
    }
    this.#redis = scripted;
    this.#p = `${prefix}:live`;
  }

  /** Adds a place (idempotent); returns the ticket and whether it is new. */
  async join(boothId: string, userId: string, isPriority: boolean, summary: TCandidateSummary, now: number): Promise<{ ticket: string; isNew: boolean }> {
    const ticket = randomBytes(TICKET_LENGTH / 2).toString('hex');
    const lane = isPriority ? PRIORITY_LANE : NORMAL_LANE;
    const [isNew, stored] = await this.#redis.ypJoin(this.#p, boothId, userId, String(lane), String(now), ticket, JSON.stringify(summary));
    return { ticket: stored ?? ticket, isNew: isNew === 1 };
  }

  async leave(boothId: string, userId: string): Promise<boolean> {
    return (await this.#redis.ypLeave(this.#p, boothId, userId)) === 1;
  }

  async callNext(o: { boothId: string; recruiterId: string; maxLoad: number; callId: string; expiresAt: number; fairId: string; skipUserId?: string }): Promise<{ userId: string } | { reason: 'recruiter_full' | 'empty' }> {
    const [ok, value] = await this.#redis.ypCallNext(this.#p, o.boothId, o.recruiterId, String(o.maxLoad), o.callId, String(o.expiresAt), o.fairId, o.skipUserId ?? '');
    return ok === 1 ? { userId: value! } : { reason: value as 'recruiter_full' | 'empty' };
  }

  /** Ends a call; `actor` must be its graduate (`user`), its recruiter, or `any` for the expiry sweep. */
  async endCall(callId: string, mode: CallEndMode, actor: { kind: 'user' | 'recruiter' | 'any'; id: string }, now: number, conversationId = ''): Promise<EndedCall | { reason: string }> {
    const reply = await this.#redis.ypEndCall(this.#p, callId, mode, actor.id, actor.kind, conversationId, String(now));
    if (reply[0] !== 1) return { reason: reply[1] ?? 'unknown' };
    const [, boothId, userId, recruiterId, fairId, outcome] = reply as [number, string, string, string, string, CallOutcome];
    return { boothId, userId, recruiterId, fairId, outcome };
  }

  async endConversation(o: { conversationId: string; boothId: string; userId: string; recruiterId: string; durationMs: number }): Promise<boolean> {
    return (await this.#redis.ypEndConversation(this.#p, o.conversationId, o.boothId, o.userId, o.recruiterId, String(Math.max(0, Math.round(o.durationMs))))) === 1;
  }

  async handOff(conversationId: string, fromId: string, toId: string, maxLoad: number): Promise<{ ok: true } | { reason: string }> {
    const [ok, reason] = await this.#redis.ypHandOff(this.#p, conversationId, fromId, toId, String(maxLoad));
    return ok === 1 ? { ok: true } : { reason: reason ?? 'unknown' };
  }

  async getCall(callId: string): Promise<PendingCall | undefined> {
    const c = await this.#redis.hgetall(`${this.#p}:call:${callId}`);
    if (!c.booth || !c.user || !c.recruiter || !c.fair || !c.expiresAt) return undefined;
    return { callId, boothId: c.booth, userId: c.user, recruiterId: c.recruiter, fairId: c.fair, expiresAt: Number(c.expiresAt) };
  }

  /** Calls whose time is up, for the expiry sweep. */
  async dueCalls(now: number, limit = 100): Promise<string[]> {
    return this.#redis.zrangebyscore(`${this.#p}:due`, '-inf', now, 'LIMIT', 0, limit);
  }

  /** What the graduate is busy with: a call or a conversation id, or nothing. */
  async busyWith(userId: string): Promise<{ kind: 'call' | 'conv'; id: string } | undefined> {
    const value = await this.#redis.get(`${this.#p}:busy:${userId}`);
    if (!value) return undefined;
    const [kind, id] = value.split(':') as ['call' | 'conv', string];
    return { kind, id };
  }

  async boothsOf(userId: string): Promise<string[]> {
    return this.#redis.smembers(`${this.#p}:pl:${userId}`);
  }

  async ticketOf(boothId: string, userId: string): Promise<{ ticket: string; joinedAt: number; hasMissedOnce: boolean } | undefined> {
    const [ticket, joinedAt, missed] = await this.#redis
      .multi()
      .hget(`${this.#p}:tk:${boothId}`, userId)
      .hget(`${this.#p}:jn:${boothId}`, userId)
      .sismember(`${this.#p}:ms:${boothId}`, userId)
      .exec()
      .then((r) => (r ?? []).map(([, v]) => v) as [string | null, string | null, number]);
    return ticket ? { ticket, joinedAt: Number(joinedAt), hasMissedOnce: missed === 1 } : undefined;
  }

  async summaryOf(boothId: string, userId: string): Promise<TCandidateSummary | undefined> {
    const json = await this.#redis.hget(`${this.#p}:cd:${boothId}`, userId);
    return json ? (JSON.parse(json) as TCandidateSummary) : undefined;
  }

  async activeConversationCount(boothId: string): Promise<number> {
    return this.#redis.scard(`${this.#p}:act:${boothId}`);
  }

  /** Mean of the booth's recent conversation lengths, in seconds. */
  async averageServiceSeconds(boothId: string): Promise<number | null> {
    const values = (await this.#redis.lrange(`${this.#p}:svc:${boothId}`, 0, -1)).map(Number).filter((v) => v > 0);
    if (values.length === 0) return null;
    return Math.max(1, Math.round(values.reduce((a, b) => a + b, 0) / values.length / 1000));
  }

  /** Marks a recruiter's console as open at a booth (refreshed while it stays open). */
  async markPresent(boothId: string, recruiterId: string, now: number): Promise<void> {
    await this.#redis.zadd(`${this.#p}:on:${boothId}`, now, recruiterId);
  }

  async markAbsent(boothId: string, recruiterId: string): Promise<void> {
    await this.#redis.zrem(`${this.#p}:on:${boothId}`, recruiterId);
  }

  async recruitersPresent(boothId: string, now: number): Promise<number> {
    return this.#redis.zcount(`${this.#p}:on:${boothId}`, now - PRESENCE_TTL_MS, '+inf');
  }

  /** The booth queue in call order, with busy flags: what both snapshots are built from. */
  async entries(boothId: string): Promise<StaffEntry[]> {
    const p = this.#p;
    const members = await this.#redis.zrange(`${p}:q:${boothId}`, 0, -1, 'WITHSCORES');
    if (members.length === 0) return [];
    const users: { userId: string; isPriority: boolean }[] = [];
    for (let i = 0; i < members.length; i += 2) users.push({ userId: members[i]!, isPriority: Number(members[i + 1]) < LANE_FACTOR });
    const ids = users.map((u) => u.userId);
    const [busy, joined, summaries, missed] = await Promise.all([
      this.#redis.mget(ids.map((id) => `${p}:busy:${id}`)),
      this.#redis.hmget(`${p}:jn:${boothId}`, ...ids),
      this.#redis.hmget(`${p}:cd:${boothId}`, ...ids),
      this.#redis.smembers(`${p}:ms:${boothId}`),
    ]);
    const missedSet = new Set(missed);
    const callsHere = await Promise.all(
      busy.map(async (b) => (b?.startsWith('call:') ? (await this.#redis.hget(`${p}:call:${b.slice(5)}`, 'booth')) === boothId : false)),
    );
    return users.map((u, i) => ({
      userId: u.userId,
      summary: JSON.parse(summaries[i] ?? '{}') as TCandidateSummary,
      joinedAt: Number(joined[i] ?? 0),
      isHeld: busy[i] !== null && !callsHere[i],
      isCalled: callsHere[i] ?? false,
      hasMissedOnce: missedSet.has(u.userId),
      isPriority: u.isPriority,
    }));
  }

  /** The booth-wide view (tickets only) that every graduate in the queue receives. */
  async snapshot(boothId: string, fairId: string, entries: StaffEntry[], servers: number): Promise<TBoothQueueSnapshot> {
    const ids = entries.map((e) => e.userId);
    const tickets = ids.length ? await this.#redis.hmget(`${this.#p}:tk:${boothId}`, ...ids) : [];
    return {
      boothId,
      fairId,
      tickets: tickets.map((t) => t ?? '0'.repeat(TICKET_LENGTH)).join(''),
      held: entries.map((e) => (e.isHeld || e.isCalled ? '1' : '0')).join(''),
      servers,
      averageServiceSeconds: await this.averageServiceSeconds(boothId),
    };
  }

  /** Removes every place and pending call at a booth (its fair ended). Returns the users it removed. */
  async closeBooth(boothId: string): Promise<string[]> {
    const users = await this.#redis.zrange(`${this.#p}:q:${boothId}`, 0, -1);
    for (const user of users) await this.leave(boothId, user);
    return users;
  }
}
