import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { TICKET_LENGTH, type TBoothQueueSnapshot, type TCandidateSummary } from '@yunpin/shared';
import { BOOTH_VIEW_SCRIPT, CALL_NEXT_SCRIPT, END_CALL_SCRIPT, END_CONVERSATION_SCRIPT, HAND_OFF_SCRIPT, JOIN_SCRIPT, LEAVE_SCRIPT, PLACE_SCRIPT, PRESENCE_SCRIPT } from './queue-scripts.js';

export type CallEndMode = 'accept' | 'decline' | 'return' | 'lapse';
export type CallOutcome = 'accept' | 'decline' | 'kept' | 'dropped';

export interface EndedCall {
  boothId: string;
  userId: string;
  recruiterId: string;
  fairId: string;
  outcome: CallOutcome;
  /** Booths whose queue changed (the call's booth, and every other place the graduate holds if they are free again). */
  changed: string[];
}

export interface PendingCall {
  callId: string;
  boothId: string;
  userId: string;
  recruiterId: string;
  fairId: string;
  expiresAt: number;
  organisationName: string;
  recruiterName: string;
  /** The booth's soft limit when the call was placed. */
  softLimitMinutes: number;
}

/** One waiting graduate as the booth view sees them. */
export interface ViewEntry {
  userId: string;
  ticket: string;
  joinedAt: number;
  /** Busy elsewhere (called at another booth, or talking): the place is kept but skipped. */
  isHeld: boolean;
  /** Being called by this booth right now. */
  isCalled: boolean;
  hasMissedOnce: boolean;
  isPriority: boolean;
  /** Only in views read for the staff console. */
  summary?: TCandidateSummary;
  call?: { callId: string; recruiterId: string; expiresAt: number };
}

/** A booth's queue and figures, read at one instant. */
export interface BoothView {
  /** The booth's queue counter at that instant: snapshots with a higher one are newer. */
  version: number;
  /** Its figures counter (moves with the queue, and with conversations and service times too). */
  figuresVersion: number;
  /** When publishing: the channels that changed since the caller last broadcast them. */
  channels: string;
  present: number;
  inConversation: number;
  averageServiceSeconds: number | null;
  /** In call order. */
  entries: ViewEntry[];
}

/** A graduate's own place at a booth, read without the rest of the queue. */
export interface StoredPlace {
  /** The booth's queue counter (as BoothView.version). */
  version: number;
  /** Everyone waiting, held and called included. */
  waiting: number;
  /** Recruiters with the console open. */
  present: number;
  averageServiceSeconds: number | null;
  /** Those ahead who can be called now. */
  ahead: number;
  /** Held (busy elsewhere) or called here. */
  isHeld: boolean;
  ticket: string;
  joinedAt: number;
  hasMissedOnce: boolean;
}

/** Broadcast channels of a booth: q = its queue (to graduates), s = its staff console, l = the lobby card. */
export type Channel = 'q' | 's' | 'l';

const PRIORITY_LANE = 0;
const NORMAL_LANE = 1;
export const PRESENCE_TTL_MS = 30_000;
const VIEW_STRIDE = 8;

type ScriptReply = [number, ...string[]];

interface ScriptedRedis {
  ypJoin(...args: string[]): Promise<ScriptReply>;
  ypLeave(...args: string[]): Promise<number>;
  ypCallNext(...args: string[]): Promise<ScriptReply>;
  ypEndCall(...args: string[]): Promise<ScriptReply>;
  ypEndConversation(...args: string[]): Promise<[number, ...string[]]>;
  ypHandOff(...args: string[]): Promise<ScriptReply>;
  ypPresence(...args: string[]): Promise<number>;
  ypBoothView(...args: string[]): Promise<(number | string)[]>;
  ypPlace(...args: string[]): Promise<(number | string)[]>;
}

/**
 * Moves the staff-access generation (P:acl) on, so every node reads booth access afresh: call it
 * after committing a change to a booth, its representatives or its fair.
 */
export async function bumpStaffAccessGeneration(ctx: { redis: Redis; redisPrefix: string }): Promise<void> {
  await ctx.redis.incr(`${ctx.redisPrefix}:live:acl`);
}

/** Queue state in Redis, so any server node (or a restarted one) sees the same queues. */
export class QueueStore {
  readonly #redis: Redis & ScriptedRedis;
  readonly #p: string;

  constructor(redis: Redis, prefix: string) {
    const scripted = redis as Redis & ScriptedRedis;
    if (typeof scripted.ypPlace !== 'function') {
      redis.defineCommand('ypJoin', { numberOfKeys: 0, lua: JOIN_SCRIPT });
      redis.defineCommand('ypLeave', { numberOfKeys: 0, lua: LEAVE_SCRIPT });
      redis.defineCommand('ypCallNext', { numberOfKeys: 0, lua: CALL_NEXT_SCRIPT });
      redis.defineCommand('ypEndCall', { numberOfKeys: 0, lua: END_CALL_SCRIPT });
      redis.defineCommand('ypEndConversation', { numberOfKeys: 0, lua: END_CONVERSATION_SCRIPT });
      redis.defineCommand('ypHandOff', { numberOfKeys: 0, lua: HAND_OFF_SCRIPT });
      redis.defineCommand('ypPresence', { numberOfKeys: 0, lua: PRESENCE_SCRIPT });
      redis.defineCommand('ypBoothView', { numberOfKeys: 0, lua: BOOTH_VIEW_SCRIPT });
      redis.defineCommand('ypPlace', { numberOfKeys: 0, lua: PLACE_SCRIPT });
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

  /**
   * Calls the first free graduate; `changed` lists every booth where they wait (now held or called).
   * With `accessGeneration` (the staff-access generation the caller's permission was read at), it
   * refuses with 'stale_access' and changes nothing if a booth, representative or fair has changed since.
   */
  async callNext(o: {
    boothId: string;
    recruiterId: string;
    maxLoad: number;
    callId: string;
    expiresAt: number;
    fairId: string;
    organisationName: string;
    recruiterName: string;
    softLimitMinutes: number;
    skipUserId?: string;
    accessGeneration?: string;
  }): Promise<{ userId: string; summary: TCandidateSummary | undefined; changed: string[] } | { reason: 'recruiter_full' | 'empty' | 'stale_access' }> {
    const [ok, value, summary, ...changed] = await this.#redis.ypCallNext(
      this.#p,
      o.boothId,
      o.recruiterId,
      String(o.maxLoad),
      o.callId,
      String(o.expiresAt),
      o.fairId,
      o.skipUserId ?? '',
      o.organisationName,
      o.recruiterName,
      String(o.softLimitMinutes),
      o.accessGeneration ?? '',
    );
    if (ok !== 1) return { reason: value as 'recruiter_full' | 'empty' | 'stale_access' };
    return { userId: value!, summary: summary ? (JSON.parse(summary) as TCandidateSummary) : undefined, changed };
  }

  /**
   * Ends a call; `actor` must be its graduate (`user`), its recruiter, or `any` for the expiry sweep.
   * Accepting needs the new conversation's id and when its soft-limit warning is due.
   */
  async endCall(
    callId: string,
    mode: CallEndMode,
    actor: { kind: 'user' | 'recruiter' | 'any'; id: string },
    now: number,
    conversation?: { id: string; softLimitAt: number },
  ): Promise<EndedCall | { reason: string }> {
    const reply = await this.#redis.ypEndCall(this.#p, callId, mode, actor.id, actor.kind, conversation?.id ?? '', String(now), conversation ? String(conversation.softLimitAt) : '');
    if (reply[0] !== 1) return { reason: reply[1] ?? 'unknown' };
    const [, boothId, userId, recruiterId, fairId, outcome, ...changed] = reply as [number, string, string, string, string, CallOutcome, ...string[]];
    return { boothId, userId, recruiterId, fairId, outcome, changed };
  }

  /** Releases a conversation; `changed` lists the booths where the graduate's held places resume. */
  async endConversation(o: { conversationId: string; boothId: string; userId: string; recruiterId: string; durationMs: number }): Promise<{ removed: boolean; changed: string[] }> {
    const [removed, ...changed] = await this.#redis.ypEndConversation(this.#p, o.conversationId, o.boothId, o.userId, o.recruiterId, String(Math.max(0, Math.round(o.durationMs))));
    return { removed: removed === 1, changed };
  }

  async handOff(conversationId: string, fromId: string, toId: string, maxLoad: number): Promise<{ ok: true } | { reason: string }> {
    const [ok, reason] = await this.#redis.ypHandOff(this.#p, conversationId, fromId, toId, String(maxLoad));
    return ok === 1 ? { ok: true } : { reason: reason ?? 'unknown' };
  }

  async getCall(callId: string): Promise<PendingCall | undefined> {
    const c = await this.#redis.hgetall(`${this.#p}:call:${callId}`);
    if (!c.booth || !c.user || !c.recruiter || !c.fair || !c.expiresAt) return undefined;
    return {
      callId,
      boothId: c.booth,
      userId: c.user,
      recruiterId: c.recruiter,
      fairId: c.fair,
      expiresAt: Number(c.expiresAt),
      organisationName: c.org ?? '',
      recruiterName: c.recruiterName ?? '',
      softLimitMinutes: Number(c.softLimitMinutes ?? 10),
    };
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

  /** Marks a recruiter's console as open at a booth (refreshed while it stays open); true when the booth's capacity changed. */
  async markPresent(boothId: string, recruiterId: string, now: number): Promise<boolean> {
    return (await this.#redis.ypPresence(this.#p, boothId, recruiterId, String(now), 'on', String(PRESENCE_TTL_MS))) === 1;
  }

  async markAbsent(boothId: string, recruiterId: string, now: number): Promise<boolean> {
    return (await this.#redis.ypPresence(this.#p, boothId, recruiterId, String(now), 'off', String(PRESENCE_TTL_MS))) === 1;
  }

  /** Whether this recruiter's console is open at the booth now. */
  async isPresent(boothId: string, recruiterId: string, now: number): Promise<boolean> {
    const at = await this.#redis.zscore(`${this.#p}:on:${boothId}`, recruiterId);
    return at !== null && Number(at) >= now - PRESENCE_TTL_MS;
  }

  async recruitersPresent(boothId: string, now: number): Promise<number> {
    return this.#redis.zcount(`${this.#p}:on:${boothId}`, now - PRESENCE_TTL_MS, '+inf');
  }

  /** One graduate's place at a booth (see PLACE_SCRIPT), or undefined when they have none there. */
  async place(boothId: string, userId: string, now: number): Promise<StoredPlace | undefined> {
    const reply = await this.#redis.ypPlace(this.#p, boothId, userId, String(now), String(PRESENCE_TTL_MS));
    if (reply[0] !== 1) return undefined;
    const [, version, waiting, present, avg, ahead, busy, ticket, joinedAt, missed] = reply;
    return {
      version: Number(version),
      waiting: Number(waiting),
      present: Number(present),
      averageServiceSeconds: avg === '' ? null : Number(avg),
      ahead: Number(ahead),
      isHeld: Number(busy) === 1,
      ticket: String(ticket) || '0'.repeat(TICKET_LENGTH),
      joinedAt: Number(joinedAt),
      hasMissedOnce: Number(missed) === 1,
    };
  }

  /**
   * The booth's queue and figures in one round trip. With `publish`, only the channels among it
   * whose counter moved past `last` (what the caller last broadcast on each) are returned, and
   * undefined means none did. Without it, the view is read as it is (`staff` adds candidate
   * summaries and pending calls).
   */
  async view(boothId: string, now: number, o: { publish: string; last: Partial<Record<Channel, number>> } | { staff: boolean }): Promise<BoothView | undefined> {
    const publish = 'publish' in o ? o.publish : '';
    const last = 'last' in o ? o.last : {};
    const reply = await this.#redis.ypBoothView(
      this.#p,
      boothId,
      String(now),
      String(PRESENCE_TTL_MS),
      publish,
      'staff' in o && o.staff ? '1' : '0',
      String(last.q ?? -1),
      String(last.s ?? -1),
      String(last.l ?? -1),
    );
    const channels = String(reply[2]);
    if (publish && channels === '') return undefined;
    const avg = String(reply[5]);
    const n = Number(reply[6]);
    const entries: ViewEntry[] = [];
    for (let i = 0, at = 7; i < n; i++, at += VIEW_STRIDE) {
      const state = String(reply[at + 2]);
      const summary = String(reply[at + 4]);
      const callId = String(reply[at + 5]);
      entries.push({
        userId: String(reply[at]),
        ticket: String(reply[at + 1]) || '0'.repeat(TICKET_LENGTH),
        joinedAt: Number(reply[at + 3]),
        isHeld: state.includes('H'),
        isCalled: state.includes('C'),
        hasMissedOnce: state.includes('M'),
        isPriority: state.includes('P'),
        ...(summary ? { summary: JSON.parse(summary) as TCandidateSummary } : {}),
        ...(callId ? { call: { callId, recruiterId: String(reply[at + 6]), expiresAt: Number(reply[at + 7]) } } : {}),
      });
    }
    return {
      version: Number(reply[0]),
      figuresVersion: Number(reply[1]),
      channels,
      present: Number(reply[3]),
      inConversation: Number(reply[4]),
      averageServiceSeconds: avg === '' ? null : Number(avg),
      entries,
    };
  }

  /** The staff-access generation (see P:acl): read it before reading who may staff a booth. */
  async accessGeneration(): Promise<string> {
    return (await this.#redis.get(`${this.#p}:acl`)) ?? '0';
  }

  /** Removes every place and pending call at a booth (its fair ended). Returns the users it removed. */
  async closeBooth(boothId: string): Promise<string[]> {
    const users = await this.#redis.zrange(`${this.#p}:q:${boothId}`, 0, -1);
    for (const user of users) await this.leave(boothId, user);
    return users;
  }
}

/** The booth-wide queue snapshot every waiting graduate receives, from a view. */
/** How many conversations a booth can hold at once: its recruiters present (at least one) × K. */
export function boothServers(present: number, maxConcurrentChats: number): number {
  return Math.max(1, present) * maxConcurrentChats;
}

export function toSnapshot(view: BoothView, boothId: string, fairId: string, maxConcurrentChats: number): TBoothQueueSnapshot {
  let tickets = '';
  let held = '';
  for (const e of view.entries) {
    tickets += e.ticket;
    held += e.isHeld || e.isCalled ? '1' : '0';
  }
  return {
    boothId,
    fairId,
    version: view.version,
    tickets,
    held,
    servers: boothServers(view.present, maxConcurrentChats),
    averageServiceSeconds: view.averageServiceSeconds,
  };
}
