import { randomUUID } from 'node:crypto';
import {
  AppError,
  estimateWaitSeconds,
  placeFigures,
  type TBoothChanges,
  type TCallPlaced,
  type TCandidateSummary,
  type TChatMessage,
  type TConversation,
  type TConversationDetail,
  type TFairLive,
  type TIncomingCall,
  type TLobby,
  type TLobbyBooth,
  type TMyQueues,
  type TQueuePlace,
  type TSessionUser,
  type TStaffQueue,
  type TStaffQueueUpdate,
} from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { FairRow } from '../../db/schema.js';
import { findFair } from '../../db/repositories/fairs.js';
import { boothsOnDuty, findBooth, isRepresentative, listApprovedBooths, type BoothWithOrganisation } from '../../db/repositories/booths.js';
import { queueAdmission, staffAccess } from '../../db/repositories/live-fair.js';
import {
  appendHandoff,
  endActiveConversation,
  endConversationRow,
  findConversation,
  findConversationParties,
  insertChatMessage,
  insertConversation,
  insertMessageIfActive,
  listActiveConversations,
  listActiveConversationIdsOf,
  listChatMessages,
  toChatMessage,
  toConversation,
  updateConversation,
  type ConversationView,
} from '../../db/repositories/conversations.js';
import { policy } from '../../policy.js';
import { loadSessionUser } from '../auth/load-session-user.js';
import { rooms, type Broadcaster } from './broadcaster.js';
import { BroadcastScheduler, DEFAULT_PUBLISH, type PublishOptions } from './broadcast-scheduler.js';
import { boothServers, QueueStore, toSnapshot, type BoothView, type Channel, type EndedCall, type PendingCall } from './queue-store.js';
import { TtlCache } from './ttl-cache.js';
import { conversationOutcome, conversationSummary, recordCaseActivity } from '../cases/activity.js';

const SWEEP_INTERVAL_MS = 250;
const CACHE_TTL_MS = 5000;
const ROTA_CACHE_TTL_MS = 30_000;
const PRESENCE_REFRESH_MS = 10_000;
/** A change to a booth's queue shows in all three; one to its conversations only in the console and lobby. */
const EVERYWHERE: readonly Channel[] = ['q', 's', 'l'];
const FIGURES_ONLY: readonly Channel[] = ['s', 'l'];
/** Booth changes told to the other nodes per message (well under the schema's limit). */
const SHARE_BATCH = 1000;

/**
 * Remembered access for call:next is checked against the staff-access generation on every call
 * (in the call's own Redis script), so a change to a booth, its representatives or its fair takes
 * effect at once; the TTL only bounds how long a lost generation bump could go unnoticed.
 */
const CALL_ACCESS_TTL_MS = 60_000;
const CALL_ACCESS_MAX = 10_000;

/** What call:next needs to know about a booth and a recruiter, and when it was read. */
interface CallAccess {
  booth: BoothWithOrganisation;
  callTimeoutSeconds: number;
  isRepresentative: boolean;
  /** The staff-access generation before it was read. */
  generation: string;
  readAt: number;
}

/** What the called graduate's screen shows, from the call as stored. */
function incomingCall(call: Omit<PendingCall, 'userId' | 'softLimitMinutes'>): TIncomingCall {
  return {
    callId: call.callId,
    boothId: call.boothId,
    fairId: call.fairId,
    organisationName: call.organisationName,
    recruiterName: call.recruiterName,
    expiresAt: new Date(call.expiresAt).toISOString(),
  };
}

export interface LiveFairOptions {
  /** Overrides each fair's call timeout (tests). */
  callTimeoutMs?: number;
  /** How booth broadcasts are paced (DEFAULT_PUBLISH otherwise). */
  publish?: Partial<Omit<PublishOptions, 'delayMs' | 'intervalMs'>> & { delayMs?: Partial<PublishOptions['delayMs']>; intervalMs?: Partial<PublishOptions['intervalMs']> };
  /** Whether this node is answering requests now: booth broadcasts yield to them for a moment. */
  isBusy?: () => boolean;
}

/**
 * The live side of a fair: queues across booths, calls, and chats. State that must survive a
 * restart or span nodes is in Redis (queues, calls) and PostgreSQL (conversations, messages).
 *
 * Requests answer at once; what they change at booths goes out afterwards, paced by a
 * BroadcastScheduler: each booth's queue, console and lobby card are read in one Redis round trip
 * and sent only if they changed since any node last sent them.
 */
export class LiveFairService {
  readonly #ctx: AppContext;
  readonly #store: QueueStore;
  readonly #out: Broadcaster;
  readonly #options: LiveFairOptions;
  readonly #scheduler: BroadcastScheduler;
  readonly #booths = new TtlCache<BoothWithOrganisation | undefined>(CACHE_TTL_MS);
  /** Whether a booth is on its rota, for the lobby cards broadcast (joining checks the rota afresh). */
  readonly #onRota = new TtlCache<boolean>(ROTA_CACHE_TTL_MS);
  #isStopped = false;
  readonly #presence = new Map<string, Set<string>>();
  #sweeper: NodeJS.Timeout | undefined;
  #presenceTimer: NodeJS.Timeout | undefined;
  #isSweeping = false;
  readonly #conversationWatchers: ((conversation: TConversation) => void)[] = [];
  /** Recruiters' access for calling at booths, by `${boothId}:${userId}`: only access that allowed a call. */
  readonly #callAccess = new Map<string, CallAccess>();
  /** Per booth, the counter values this node last broadcast on each channel to its own sockets. */
  readonly #sent = new Map<string, Partial<Record<Channel, number>>>();
  /** Booths changed here and not yet told to the other nodes (told once per turn of the event loop). */
  readonly #toShare = new Map<string, Set<Channel>>();
  #shareTimer: NodeJS.Immediate | undefined;

  constructor(ctx: AppContext, broadcaster: Broadcaster, options: LiveFairOptions = {}) {
    this.#ctx = ctx;
    this.#store = new QueueStore(ctx.redis, ctx.redisPrefix);
    this.#out = broadcaster;
    this.#options = options;
    const publish: PublishOptions = {
      ...DEFAULT_PUBLISH,
      ...options.publish,
      delayMs: { ...DEFAULT_PUBLISH.delayMs, ...options.publish?.delayMs },
      intervalMs: { ...DEFAULT_PUBLISH.intervalMs, ...options.publish?.intervalMs },
    };
    this.#scheduler = new BroadcastScheduler((boothId, channels) => {
      this.#broadcastBooth(boothId, channels).catch((error: unknown) => this.#ctx.logger.error({ err: error, boothId }, 'booth broadcast failed'));
    }, publish, options.isBusy);
  }

  get store(): QueueStore {
    return this.#store;
  }

  /** Starts the sweeps: lapsed calls pass on, soft limits warn, open consoles stay present. */
  start(): void {
    this.#isStopped = false;
    this.#scheduler.start();
    this.#sweeper ??= setInterval(() => void this.#sweep(), SWEEP_INTERVAL_MS);
    this.#presenceTimer ??= setInterval(() => {
      this.#refreshPresence().catch((error: unknown) => this.#ctx.logger.warn({ err: error }, 'presence refresh failed'));
    }, PRESENCE_REFRESH_MS);
  }

  stop(): void {
    this.#isStopped = true;
    this.#scheduler.stop();
    if (this.#shareTimer) clearImmediate(this.#shareTimer);
    this.#shareTimer = undefined;
    this.#toShare.clear();
    clearInterval(this.#sweeper);
    clearInterval(this.#presenceTimer);
    this.#sweeper = undefined;
    this.#presenceTimer = undefined;
  }

  // ---------- lobby ----------

  async enterLobby(actor: TSessionUser, fairId: string): Promise<TLobby> {
    const fair = await this.#visibleFair(actor, fairId);
    const booths = await listApprovedBooths(this.#ctx.db, fair.id);
    const onDuty = await boothsOnDuty(this.#ctx.db, booths.map((b) => b.id), this.#ctx.clock());
    return { fairId: fair.id, booths: await Promise.all(booths.map(async (b) => this.#lobbyCard(b, await this.#read(b.id), onDuty.has(b.id)))) };
  }

  async fairLive(fairId: string, visitorsOnline: number): Promise<TFairLive> {
    const fair = await findFair(this.#ctx.db, fairId);
    if (!fair) throw AppError.notFound('Fair');
    const booths = await listApprovedBooths(this.#ctx.db, fair.id);
    const onDuty = await boothsOnDuty(this.#ctx.db, booths.map((b) => b.id), this.#ctx.clock());
    const totals = await this.#ctx.db
      .selectFrom('conversations')
      .select(['booth_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('fair_id', '=', fair.id)
      .groupBy('booth_id')
      .execute();
    const totalOf = new Map(totals.map((t) => [t.booth_id, Number(t.n)]));
    const registered = await this.#ctx.db
      .selectFrom('fair_registrations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('fair_id', '=', fair.id)
      .executeTakeFirstOrThrow();
    return {
      fairId: fair.id,
      visitorsOnline,
      registered: Number(registered.n),
      booths: await Promise.all(
        booths.map(async (b) => {
          const view = await this.#read(b.id);
          return { ...this.#lobbyCard(b, view, onDuty.has(b.id)), conversationsTotal: totalOf.get(b.id) ?? 0, representativesOnline: view.present };
        }),
      ),
    };
  }

  // ---------- graduates: queues ----------

  async joinQueue(actor: TSessionUser, boothId: string): Promise<TQueuePlace> {
    if (!policy.canQueueAtBooth(actor)) throw AppError.forbidden('Only graduates can queue at booths');
    const now = this.#ctx.clock();
    // One query for every check, fresh: booth and fair status, registration, rota, profile.
    const admission = await queueAdmission(this.#ctx.db, boothId, actor.id, now);
    if (!admission || admission.boothStatus !== 'approved') throw AppError.notFound('Booth');
    const { fair, profile } = admission;
    if (fair.status === 'draft') throw AppError.notFound('Booth');
    if (fair.status !== 'live') throw AppError.conflict(fair.status === 'ended' ? 'This fair has ended' : 'This fair has not opened yet');
    if (!admission.isRegistered) throw new AppError('forbidden', 'Register for this fair before queuing at its booths');
    const booth = await this.#booth(boothId);
    if (!booth) throw AppError.notFound('Booth');
    if (!admission.isOnRota && (await this.#store.recruitersPresent(booth.id, now.getTime())) === 0) {
      throw AppError.conflict('Nobody is on duty at this booth now; leave a message instead');
    }
    const summary: TCandidateSummary = {
      userId: actor.id,
      name: actor.name,
      school: profile?.school ?? null,
      major: profile?.major ?? null,
      degree: profile?.degree ?? null,
      graduationYear: profile?.graduationYear ?? null,
      jobIntention: profile?.jobIntention ?? null,
    };
    const isPriority =
      (fair.priority_lanes.includes('local_hukou') && Boolean(profile?.isRegisteredLocal)) ||
      (fair.priority_lanes.includes('low_income') && profile !== null && (await this.#ctx.fieldCrypto.openFlag(profile.hardshipSealed)));
    const joined = await this.#store.join(booth.id, actor.id, isPriority, summary, now.getTime());
    this.#out.join(rooms.user(actor.id), rooms.queue(booth.id));
    if (joined.isNew) this.#publish([booth.id], EVERYWHERE);
    const place = await this.#placeAt(actor.id, booth);
    if (!place) throw new AppError('internal', 'The queue place could not be read back');
    return place;
  }

  async leaveQueue(actor: TSessionUser, boothId: string): Promise<null> {
    const booth = await this.#booth(boothId);
    if (!booth) throw AppError.notFound('Booth');
    const busy = await this.#store.busyWith(actor.id);
    if (busy?.kind === 'call') {
      const call = await this.#store.getCall(busy.id);
      // Leaving while being called here is declining the call, which gives up the place.
      if (call?.boothId === boothId) return this.declineCall(actor, busy.id);
    }
    if (!(await this.#store.leave(boothId, actor.id))) throw AppError.notFound('Queue place');
    this.#out.leave(rooms.user(actor.id), rooms.queue(boothId));
    this.#publish([boothId], EVERYWHERE);
    return null;
  }

  async myQueues(actor: TSessionUser): Promise<TMyQueues> {
    const boothIds = await this.#store.boothsOf(actor.id);
    const places: TQueuePlace[] = [];
    const fairs = new Map<string, Promise<FairRow | undefined>>();
    for (const boothId of boothIds) {
      const booth = await this.#booth(boothId);
      let fair = booth && fairs.get(booth.fair_id);
      if (booth && !fair) fairs.set(booth.fair_id, (fair = findFair(this.#ctx.db, booth.fair_id)));
      if (!booth || (await fair)?.status !== 'live') {
        // The fair has ended (or the booth is gone): the place closes with it.
        if (await this.#store.leave(boothId, actor.id)) this.#publish([boothId], EVERYWHERE);
        this.#out.emit(rooms.user(actor.id), 'queue:place-removed', { boothId, reason: 'closed' });
        continue;
      }
      const place = await this.#placeAt(actor.id, booth);
      if (place) {
        places.push(place);
        this.#out.join(rooms.user(actor.id), rooms.queue(boothId));
      }
    }
    const busy = await this.#store.busyWith(actor.id);
    const call = busy?.kind === 'call' ? await this.#store.getCall(busy.id) : undefined;
    return {
      places,
      call: call && call.userId === actor.id ? incomingCall(call) : null,
      conversationIds: await listActiveConversationIdsOf(this.#ctx.db, actor.id),
    };
  }

  // ---------- recruiters: console and calls ----------

  async openConsole(actor: TSessionUser, boothId: string): Promise<TStaffQueue> {
    const generation = await this.#store.accessGeneration();
    const { booth, fairStatus, callTimeoutSeconds, isRepresentative } = await this.#staffedBooth(actor, boothId);
    // The console is where calls are made from: the first call need not read the access again.
    if (fairStatus === 'live') this.#rememberCallAccess(actor, { booth, callTimeoutSeconds, isRepresentative, generation, readAt: Date.now() });
    this.#out.join(rooms.user(actor.id), rooms.staff(booth.id));
    let open = this.#presence.get(booth.id);
    if (!open) this.#presence.set(booth.id, (open = new Set()));
    open.add(actor.id);
    if (await this.#store.markPresent(booth.id, actor.id, this.#ctx.clock().getTime())) this.#publish([booth.id], EVERYWHERE);
    const [view, active] = await Promise.all([this.#read(booth.id, true), listActiveConversations(this.#ctx.db, booth.id)]);
    return { ...this.#staffQueue(booth, view), activeConversations: active.map(toConversation) };
  }

  /** Forgets a recruiter's presence at every booth when their last socket goes. */
  async recruiterGone(userId: string): Promise<void> {
    if (this.#isStopped) return;
    for (const [boothId, users] of this.#presence) {
      if (users.delete(userId) && (await this.#store.markAbsent(boothId, userId, this.#ctx.clock().getTime()))) this.#publish([boothId], EVERYWHERE);
    }
  }

  async callNext(actor: TSessionUser, boothId: string, skipUserId?: string): Promise<TCallPlaced | null> {
    // The recruiter's access as last read, if it allowed this; the call script refuses it if any
    // booth, representative or fair has changed since, and then it is read again.
    let cached = this.#callAccess.get(`${boothId}:${actor.id}`);
    // Re-checked against the actor as the session has it now, and read again after a while anyway.
    if (cached && (Date.now() - cached.readAt > CALL_ACCESS_TTL_MS || !policy.canStaffBooth(actor, cached.booth, cached.isRepresentative))) cached = undefined;
    for (let attempt = 0; ; attempt++) {
      const access = cached ?? (await this.#readCallAccess(actor, boothId));
      const placed = await this.#placeCall(actor, access, skipUserId, attempt < 3 ? access.generation : undefined);
      if (placed !== 'stale_access') return placed;
      cached = undefined;
    }
  }

  /** Reads whether the recruiter may call at the booth now, and remembers it when they may. */
  async #readCallAccess(actor: TSessionUser, boothId: string): Promise<CallAccess> {
    const generation = await this.#store.accessGeneration(); // before the read: a change after it moves the generation
    const { booth, fairStatus, callTimeoutSeconds, isRepresentative } = await this.#staffedBooth(actor, boothId);
    if (fairStatus !== 'live') throw AppError.conflict('The fair is not live');
    const access: CallAccess = { booth, callTimeoutSeconds, isRepresentative, generation, readAt: Date.now() };
    this.#rememberCallAccess(actor, access);
    return access;
  }

  /** Remembers access that allowed calling at a live fair's booth (read at `generation`). */
  #rememberCallAccess(actor: TSessionUser, access: CallAccess): void {
    if (this.#callAccess.size >= CALL_ACCESS_MAX) this.#callAccess.clear();
    this.#callAccess.set(`${access.booth.id}:${actor.id}`, access);
  }

  async #placeCall(actor: TSessionUser, { booth, callTimeoutSeconds }: CallAccess, skipUserId: string | undefined, checkGeneration: string | undefined): Promise<TCallPlaced | null | 'stale_access'> {
    const callId = randomUUID();
    const now = this.#ctx.clock().getTime();
    const expiresAt = now + (this.#options.callTimeoutMs ?? callTimeoutSeconds * 1000);
    const call = {
      callId,
      boothId: booth.id,
      fairId: booth.fair_id,
      recruiterId: actor.id,
      expiresAt,
      organisationName: booth.organisation_name,
      recruiterName: actor.name,
      softLimitMinutes: booth.soft_limit_minutes,
    };
    const result = await this.#store.callNext({ ...call, maxLoad: booth.max_concurrent_chats, ...(skipUserId ? { skipUserId } : {}), ...(checkGeneration === undefined ? {} : { accessGeneration: checkGeneration }) });
    if ('reason' in result) {
      if (result.reason === 'stale_access') {
        this.#callAccess.delete(`${booth.id}:${actor.id}`);
        return 'stale_access';
      }
      if (result.reason === 'recruiter_full') {
        throw new AppError('conflict', `You already handle ${booth.max_concurrent_chats} conversations or calls; finish one first`, { details: { reason: 'recruiter_full' } });
      }
      return null;
    }
    this.#out.emit(rooms.user(result.userId), 'call:incoming', incomingCall(call));
    this.#publish(result.changed, EVERYWHERE);
    if (!result.summary) throw new AppError('internal', 'Called graduate vanished from the queue');
    return { callId, boothId: booth.id, candidate: result.summary, expiresAt: new Date(expiresAt).toISOString() };
  }

  async skipCall(actor: TSessionUser, callId: string): Promise<TCallPlaced | null> {
    const ended = await this.#endCall(callId, 'lapse', { kind: 'recruiter', id: actor.id });
    this.#afterCallEnded(callId, ended, 'skipped');
    return this.callNext(actor, ended.boothId, ended.userId);
  }

  async returnCall(actor: TSessionUser, callId: string): Promise<null> {
    const ended = await this.#endCall(callId, 'return', { kind: 'recruiter', id: actor.id });
    this.#afterCallEnded(callId, ended, 'returned');
    return null;
  }

  // ---------- graduates: answering calls ----------

  async acceptCall(actor: TSessionUser, callId: string): Promise<TConversation> {
    const call = await this.#store.getCall(callId);
    if (!call || call.userId !== actor.id) throw AppError.notFound('Call');
    const conversationId = randomUUID();
    const now = this.#ctx.clock();
    const softLimitAt = new Date(now.getTime() + call.softLimitMinutes * 60_000);
    // The row comes first: if the claim below fails, the row is closed, never left dangling.
    await insertConversation(this.#ctx.db, {
      id: conversationId,
      fairId: call.fairId,
      boothId: call.boothId,
      graduateId: actor.id,
      recruiterId: call.recruiterId,
      startedAt: now,
      softLimitAt,
    });
    const ended = await this.#store.endCall(callId, 'accept', { kind: 'user', id: actor.id }, now.getTime(), { id: conversationId, softLimitAt: softLimitAt.getTime() });
    if ('reason' in ended) {
      await endConversationRow(this.#ctx.db, conversationId, { endedAt: now, reason: 'call_lapsed' });
      throw AppError.conflict('This call is no longer open');
    }
    // The row as just written (status and video state start at their defaults).
    const conversation: TConversation = {
      id: conversationId,
      fairId: call.fairId,
      boothId: call.boothId,
      organisationName: call.organisationName,
      graduateId: actor.id,
      graduateName: actor.name,
      recruiterId: call.recruiterId,
      recruiterName: call.recruiterName,
      status: 'active',
      videoState: 'none',
      startedAt: now.toISOString(),
      softLimitAt: softLimitAt.toISOString(),
      endedAt: null,
    };
    this.#out.emit([rooms.user(call.recruiterId), rooms.user(actor.id)], 'conversation:started', conversation);
    this.#out.emit(rooms.user(actor.id), 'queue:place-removed', { boothId: call.boothId, reason: 'served' });
    this.#out.leave(rooms.user(actor.id), rooms.queue(call.boothId));
    this.#publish(ended.changed, EVERYWHERE);
    return conversation;
  }

  async declineCall(actor: TSessionUser, callId: string): Promise<null> {
    const ended = await this.#endCall(callId, 'decline', { kind: 'user', id: actor.id });
    this.#afterCallEnded(callId, ended, 'declined');
    return null;
  }

  // ---------- conversations ----------

  async openConversation(actor: TSessionUser, conversationId: string): Promise<TConversationDetail> {
    const row = await this.#participantConversation(actor, conversationId);
    const messages = await listChatMessages(this.#ctx.db, row.id);
    return { conversation: toConversation(row), messages: messages.map(toChatMessage) };
  }

  async sendMessage(actor: TSessionUser, input: { conversationId: string; body: string; clientMessageId: string }): Promise<TChatMessage> {
    const sentAt = this.#ctx.clock();
    const fresh = await insertMessageIfActive(this.#ctx.db, { id: input.clientMessageId, conversationId: input.conversationId, senderId: actor.id, body: input.body, sentAt });
    if (fresh) {
      const message = toChatMessage(fresh.message);
      this.#out.emit([rooms.user(fresh.graduateId), rooms.user(fresh.recruiterId)], 'conversation:message', message);
      return message;
    }
    // Nothing stored: say why, or answer a resend with the message stored the first time.
    const row = await findConversationParties(this.#ctx.db, input.conversationId);
    if (!row || (row.graduate_id !== actor.id && row.recruiter_id !== actor.id)) throw AppError.notFound('Conversation');
    if (row.status !== 'active') throw AppError.conflict('This conversation has ended');
    const stored = await insertChatMessage(this.#ctx.db, { id: input.clientMessageId, conversationId: row.id, senderId: actor.id, body: input.body, sentAt });
    if (stored.conversation_id !== row.id || stored.sender_id !== actor.id) throw AppError.conflict('This message id is already used');
    const message = toChatMessage(stored);
    this.#out.emit([rooms.user(row.graduate_id), rooms.user(row.recruiter_id)], 'conversation:message', message);
    return message;
  }

  async extendConversation(actor: TSessionUser, conversationId: string, minutes: number): Promise<TConversation> {
    const row = await this.#participantConversation(actor, conversationId);
    if (row.status !== 'active') throw AppError.conflict('This conversation has ended');
    const base = Math.max(new Date(row.soft_limit_at).getTime(), this.#ctx.clock().getTime());
    const softLimitAt = new Date(base + minutes * 60_000);
    await updateConversation(this.#ctx.db, row.id, { soft_limit_at: softLimitAt });
    await this.#ctx.redis.zadd(this.#softLimitKey(), softLimitAt.getTime(), row.id);
    return this.#announce(row.id);
  }

  async endConversation(actor: TSessionUser, input: { conversationId: string; notes?: string | undefined; rating?: number | undefined }): Promise<TConversation> {
    const now = this.#ctx.clock();
    const reason = (isRecruiter: boolean) => (isRecruiter ? 'recruiter_ended' : 'graduate_ended');
    // The usual case in one statement: a participant ends an active conversation, and its line goes
    // into the graduate's case file (a rating is the recruiter's; an active conversation has none yet).
    const ended = await endActiveConversation(this.#ctx.db, input.conversationId, actor.id, {
      endedAt: now,
      reason,
      outcome: (isRecruiter) => conversationOutcome(reason(isRecruiter), isRecruiter ? (input.rating ?? null) : null),
      notes: input.notes,
      rating: input.rating,
    });
    if (ended) {
      await this.#releaseEnded(ended, now);
      return this.#announceRow(ended);
    }
    // Otherwise: say why, or (for the recruiter) keep notes and a rating on a conversation that already ended.
    const row = await this.#participantConversation(actor, input.conversationId);
    const isRecruiter = row.recruiter_id === actor.id;
    if (!isRecruiter && (input.notes !== undefined || input.rating !== undefined)) throw AppError.forbidden('Only the recruiter keeps notes and a rating');
    if (row.status === 'active') {
      // Ended between the two reads? Not by this request: end it the slow way, the row and its case-file line together.
      const rating = isRecruiter ? (input.rating ?? row.rating) : row.rating;
      await this.#ctx.db.transaction().execute(async (tx) => {
        await endConversationRow(tx, row.id, { endedAt: now, reason: reason(isRecruiter), notes: input.notes, rating: input.rating });
        await recordCaseActivity(tx, { graduateUserId: row.graduate_id }, { kind: 'conversation_ended', refId: row.id, summary: conversationSummary({ organisation_name: row.organisation_name, end_reason: reason(isRecruiter), rating }), at: now });
      });
      await this.#releaseEnded(row, now);
    } else if (isRecruiter) {
      await updateConversation(this.#ctx.db, row.id, { ...(input.notes !== undefined ? { notes: input.notes } : {}), ...(input.rating !== undefined ? { rating: input.rating } : {}) });
    }
    return this.#announce(row.id);
  }

  /** After a conversation ended: the graduate's held places resume; the booth's conversations and service times changed. */
  async #releaseEnded(ended: Pick<ConversationView, 'id' | 'booth_id' | 'graduate_id' | 'recruiter_id' | 'started_at'>, now: Date): Promise<void> {
    const released = await this.#store.endConversation({
      conversationId: ended.id,
      boothId: ended.booth_id,
      userId: ended.graduate_id,
      recruiterId: ended.recruiter_id,
      durationMs: now.getTime() - ended.started_at.getTime(),
    });
    this.#publish(released.changed, EVERYWHERE);
    this.#publish([ended.booth_id], FIGURES_ONLY);
  }

  async handOff(actor: TSessionUser, conversationId: string, toRecruiterId: string): Promise<TConversation> {
    const row = await this.#participantConversation(actor, conversationId);
    if (row.recruiter_id !== actor.id) throw AppError.forbidden('Only the recruiter in the conversation can hand it off');
    if (row.status !== 'active') throw AppError.conflict('This conversation has ended');
    const booth = await this.#booth(row.booth_id);
    if (!booth) throw AppError.notFound('Booth');
    if (toRecruiterId === actor.id || !(await isRepresentative(this.#ctx.db, booth.id, toRecruiterId))) {
      throw new AppError('validation_failed', 'Hand off to another representative of this booth', { details: [{ path: 'toRecruiterId', message: 'Not a representative of this booth' }] });
    }
    const moved = await this.#store.handOff(row.id, actor.id, toRecruiterId, booth.max_concurrent_chats);
    if ('reason' in moved) throw new AppError('conflict', 'That colleague has no room for another conversation', { details: { reason: moved.reason } });
    await appendHandoff(this.#ctx.db, row.id, { from: actor.id, to: toRecruiterId, at: this.#ctx.clock().toISOString() });
    const conversation = await this.#announce(row.id, [actor.id]);
    this.#out.emit(rooms.user(toRecruiterId), 'conversation:started', conversation);
    return conversation;
  }

  async inviteVideo(actor: TSessionUser, conversationId: string): Promise<TConversation> {
    const row = await this.#participantConversation(actor, conversationId);
    if (row.recruiter_id !== actor.id) throw AppError.forbidden('Only the recruiter can invite to video');
    if (row.status !== 'active') throw AppError.conflict('This conversation has ended');
    await updateConversation(this.#ctx.db, row.id, { video_state: 'invited' });
    return this.#announce(row.id);
  }

  async answerVideo(actor: TSessionUser, conversationId: string, accept: boolean): Promise<TConversation> {
    const row = await this.#participantConversation(actor, conversationId);
    if (row.graduate_id !== actor.id) throw AppError.forbidden('Only the graduate answers a video invitation');
    if (row.video_state !== 'invited') throw AppError.conflict('There is no open video invitation');
    await updateConversation(this.#ctx.db, row.id, { video_state: accept ? 'accepted' : 'declined' });
    return this.#announce(row.id);
  }

  /** A conversation with video accepted, for one of its two participants to enter the media room. */
  async videoConversation(actor: TSessionUser, conversationId: string): Promise<ConversationView> {
    const row = await this.#participantConversation(actor, conversationId);
    if (row.status !== 'active') throw AppError.conflict('This conversation has ended');
    if (row.video_state !== 'accepted') throw new AppError('conflict', 'The video call is not on: the recruiter invites, the graduate accepts', { details: { videoState: row.video_state } });
    return row;
  }

  /** A participant hangs up the video: back to text, the conversation goes on. */
  async hangUpVideo(actor: TSessionUser, conversationId: string): Promise<TConversation> {
    const row = await this.#participantConversation(actor, conversationId);
    if (row.video_state !== 'accepted' && row.video_state !== 'invited') return toConversation(row);
    return (await this.endVideo(row.id, 'ended')) ?? this.#announce(row.id);
  }

  /**
   * The video of a conversation ends (`failed`: the media failed; `ended`: hung up) while the chat goes on.
   * Only an invited or accepted video changes, so a late failure report cannot undo a newer invitation.
   */
  async endVideo(conversationId: string, state: 'failed' | 'ended'): Promise<TConversation | undefined> {
    const changed = await this.#ctx.db
      .updateTable('conversations')
      .set({ video_state: state })
      .where('id', '=', conversationId)
      .where('video_state', 'in', ['invited', 'accepted'])
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return undefined;
    return this.#announce(conversationId);
  }

  /** Calls `listener` with every conversation change this node announces (ends, hand-offs, video states). */
  watchConversations(listener: (conversation: TConversation) => void): void {
    this.#conversationWatchers.push(listener);
  }

  /** The booth, when the actor is one of its representatives with the console open now at its live fair. */
  async presentStaff(actor: TSessionUser, boothId: string): Promise<BoothWithOrganisation> {
    const { booth, fairStatus } = await this.#staffedBooth(actor, boothId);
    if (fairStatus !== 'live') throw AppError.conflict('The fair is not live');
    if (!(await this.#store.isPresent(booth.id, actor.id, this.#ctx.clock().getTime()))) throw AppError.conflict('Open the booth console first (you are not on duty at this booth now)');
    return booth;
  }

  /** Whether the actor may follow the booth live: its staff, or a graduate registered for its fair. */
  async boothAudience(actor: TSessionUser, boothId: string): Promise<{ boothId: string; isStaff: boolean }> {
    if (actor.role !== 'graduate') {
      await this.#staffedBooth(actor, boothId);
      return { boothId, isStaff: true };
    }
    const admission = await queueAdmission(this.#ctx.db, boothId, actor.id, this.#ctx.clock());
    if (!admission || admission.boothStatus !== 'approved' || admission.fair.status === 'draft') throw AppError.notFound('Booth');
    if (!admission.isRegistered) throw new AppError('forbidden', 'Register for this fair to watch its booths');
    if (admission.fair.status !== 'live') throw AppError.conflict('This fair is not live');
    return { boothId, isStaff: false };
  }

  // ---------- internals ----------

  async #visibleFair(actor: TSessionUser, fairId: string): Promise<FairRow> {
    const fair = await findFair(this.#ctx.db, fairId);
    if (!fair || (fair.status === 'draft' && !(actor.role === 'organiser' || actor.role === 'admin'))) throw AppError.notFound('Fair');
    return fair;
  }

  /**
   * A booth the actor staffs, with its fair's status (read fresh, in one query with the
   * representative check); anyone else gets not_found, so booths of other employers cannot be probed.
   */
  async #staffedBooth(actor: TSessionUser, boothId: string): Promise<{ booth: BoothWithOrganisation; fairStatus: FairRow['status']; callTimeoutSeconds: number; isRepresentative: boolean }> {
    const access = await staffAccess(this.#ctx.db, boothId, actor.id);
    if (!access || !policy.canStaffBooth(actor, access.booth, access.isRepresentative)) throw AppError.notFound('Booth');
    if (access.booth.status !== 'approved') throw AppError.conflict('This booth has not been approved');
    return access;
  }

  async #participantConversation(actor: TSessionUser, conversationId: string): Promise<ConversationView> {
    const row = await findConversation(this.#ctx.db, conversationId);
    if (!row || (row.graduate_id !== actor.id && row.recruiter_id !== actor.id)) throw AppError.notFound('Conversation');
    return row;
  }

  /** Sends the conversation's new state to both sides (and to anyone it was just taken from). */
  async #announce(id: string, alsoTo: string[] = []): Promise<TConversation> {
    const row = await findConversation(this.#ctx.db, id);
    if (!row) throw AppError.notFound('Conversation');
    return this.#announceRow(row, alsoTo);
  }

  #announceRow(row: ConversationView, alsoTo: string[] = []): TConversation {
    const conversation = toConversation(row);
    this.#out.emit([...new Set([conversation.graduateId, conversation.recruiterId, ...alsoTo])].map(rooms.user), 'conversation:updated', conversation);
    for (const watcher of this.#conversationWatchers) watcher(conversation);
    return conversation;
  }

  async #endCall(callId: string, mode: 'lapse' | 'return' | 'decline', actor: { kind: 'user' | 'recruiter'; id: string }): Promise<EndedCall> {
    const ended = await this.#store.endCall(callId, mode, actor, this.#ctx.clock().getTime());
    if ('reason' in ended) throw AppError.notFound('Call');
    return ended;
  }

  #afterCallEnded(callId: string, ended: EndedCall, reason: 'expired' | 'skipped' | 'declined' | 'returned'): void {
    const placeKept = ended.outcome === 'kept';
    this.#out.emit([rooms.user(ended.userId), rooms.user(ended.recruiterId)], 'call:cancelled', { callId, reason, placeKept });
    if (!placeKept) {
      this.#out.emit(rooms.user(ended.userId), 'queue:place-removed', { boothId: ended.boothId, reason: reason === 'declined' ? 'declined' : 'lapsed' });
      this.#out.leave(rooms.user(ended.userId), rooms.queue(ended.boothId));
    }
    this.#publish(ended.changed, EVERYWHERE);
  }

  /** The booth as it is now (not claiming any broadcast). */
  async #read(boothId: string, staff = false): Promise<BoothView> {
    return (await this.#store.view(boothId, this.#ctx.clock().getTime(), { staff }))!;
  }

  /** The graduate's place at the booth, with the figures `placeOf` gives from a snapshot of the whole queue. */
  async #placeAt(userId: string, booth: BoothWithOrganisation): Promise<TQueuePlace | undefined> {
    const mine = await this.#store.place(booth.id, userId, this.#ctx.clock().getTime());
    if (!mine) return undefined;
    return {
      ticket: mine.ticket,
      boothId: booth.id,
      fairId: booth.fair_id,
      organisationName: booth.organisation_name,
      ...placeFigures({ ahead: mine.ahead, waitingTotal: mine.waiting, isHeld: mine.isHeld, servers: boothServers(mine.present, booth.max_concurrent_chats), averageServiceSeconds: mine.averageServiceSeconds }),
      hasMissedOnce: mine.hasMissedOnce,
      joinedAt: new Date(mine.joinedAt).toISOString(),
      version: mine.version,
    };
  }

  #lobbyCard(booth: BoothWithOrganisation, view: BoothView, isOnRota: boolean): TLobbyBooth {
    const waitingNow = view.entries.filter((e) => !e.isHeld && !e.isCalled).length;
    return {
      boothId: booth.id,
      organisationName: booth.organisation_name,
      industry: booth.industry,
      jobTitles: booth.jobs.map((j) => j.title),
      waiting: view.entries.length,
      inConversation: view.inConversation,
      estimatedWaitSeconds: estimateWaitSeconds(waitingNow + 1, boothServers(view.present, booth.max_concurrent_chats), view.averageServiceSeconds),
      isOnDuty: isOnRota || view.present > 0,
    };
  }

  /** The console's queue from a view read with staff data. */
  #staffQueue(booth: BoothWithOrganisation, view: BoothView): TStaffQueueUpdate {
    const pendingCalls = [];
    for (const e of view.entries) {
      if (e.call && e.summary) pendingCalls.push({ callId: e.call.callId, recruiterId: e.call.recruiterId, candidate: e.summary, expiresAt: new Date(e.call.expiresAt).toISOString() });
    }
    return {
      boothId: booth.id,
      version: view.figuresVersion,
      entries: view.entries.map((e) => ({
        candidate: e.summary ?? { userId: e.userId, name: '', school: null, major: null, degree: null, graduationYear: null, jobIntention: null },
        joinedAt: new Date(e.joinedAt).toISOString(),
        isHeld: e.isHeld,
        isCalled: e.isCalled,
        hasMissedOnce: e.hasMissedOnce,
        isPriority: e.isPriority,
      })),
      pendingCalls,
      averageServiceSeconds: view.averageServiceSeconds,
    };
  }

  /**
   * Asks for broadcasts of these booths' channels, here and on every other node (each node sends
   * them to its own sockets); each node's scheduler decides when they go out there.
   */
  #publish(boothIds: readonly string[], channels: readonly Channel[]): void {
    if (this.#isStopped) return;
    for (const boothId of boothIds) {
      this.#scheduler.request(boothId, channels);
      let shared = this.#toShare.get(boothId);
      if (!shared) this.#toShare.set(boothId, (shared = new Set()));
      for (const ch of channels) shared.add(ch);
    }
    this.#shareTimer ??= setImmediate(() => {
      this.#shareTimer = undefined;
      const changes: TBoothChanges = [...this.#toShare].map(([boothId, chs]) => [boothId, [...chs].join('')]);
      this.#toShare.clear();
      if (this.#isStopped) return;
      for (let i = 0; i < changes.length; i += SHARE_BATCH) this.#out.shareChanges(changes.slice(i, i + SHARE_BATCH));
    });
  }

  /** Booths another node changed: this node broadcasts them to its own sockets, paced as its own. */
  changedElsewhere(changes: TBoothChanges): void {
    if (this.#isStopped) return;
    for (const [boothId, channels] of changes) this.#scheduler.request(boothId, [...channels] as Channel[]);
  }

  /** A booth's row for hot paths (broadcasts, calls); its settings may be up to a few seconds old. */
  #booth(boothId: string): Promise<BoothWithOrganisation | undefined> {
    return this.#booths.get(boothId, () => findBooth(this.#ctx.db, boothId));
  }

  /**
   * Sends this node's sockets what changed of the booth since this node last sent it, on the due
   * channels that somebody here listens to.
   */
  async #broadcastBooth(boothId: string, channels: Channel[]): Promise<void> {
    const booth = await this.#booth(boothId);
    if (!booth || this.#isStopped) return;
    const roomOf = { q: rooms.queue(boothId), s: rooms.staff(boothId), l: rooms.lobby(booth.fair_id) };
    const listened = channels.filter((ch) => this.#out.hasLocal(roomOf[ch]));
    if (listened.length === 0) {
      // Nobody here follows the booth: forget what went out (whoever comes gets the state on joining).
      if (!Object.values(roomOf).some((room) => this.#out.hasLocal(room))) this.#sent.delete(boothId);
      return;
    }
    const view = await this.#store.view(boothId, this.#ctx.clock().getTime(), { publish: listened.join(''), last: this.#sent.get(boothId) ?? {} });
    if (!view || this.#isStopped) return;
    let sent = this.#sent.get(boothId);
    if (!sent) this.#sent.set(boothId, (sent = {}));
    // Only what is newer than what went out meanwhile (a slow read may come back after a later one).
    const isNewer = (ch: Channel) => {
      const counter = ch === 'q' ? view.version : view.figuresVersion;
      if (!view.channels.includes(ch) || (sent[ch] ?? -1) >= counter) return false;
      sent[ch] = counter;
      return true;
    };
    if (isNewer('q')) this.#out.emitLocal(roomOf.q, 'queue:booth-updated', toSnapshot(view, boothId, booth.fair_id, booth.max_concurrent_chats));
    if (isNewer('s')) this.#out.emitLocal(roomOf.s, 'console:updated', this.#staffQueue(booth, view));
    if (isNewer('l')) {
      const onRota = await this.#onRota.get(boothId, async () => (await boothsOnDuty(this.#ctx.db, [boothId], this.#ctx.clock())).has(boothId));
      this.#out.emitLocal(roomOf.l, 'lobby:booth-updated', { ...this.#lobbyCard(booth, view, onRota), fairId: booth.fair_id });
    }
  }

  #softLimitKey(): string {
    return `${this.#ctx.redisPrefix}:live:softlimit`;
  }

  async #sweep(): Promise<void> {
    if (this.#isSweeping) return;
    this.#isSweeping = true;
    try {
      const now = this.#ctx.clock().getTime();
      for (const callId of await this.#store.dueCalls(now)) {
        const ended = await this.#store.endCall(callId, 'lapse', { kind: 'any', id: '' }, now);
        if ('reason' in ended) continue; // another node got there first
        this.#afterCallEnded(callId, ended, 'expired');
        await this.#passOn(ended);
      }
      const due = await this.#ctx.redis.zrangebyscore(this.#softLimitKey(), '-inf', now, 'LIMIT', 0, 100);
      for (const conversationId of due) {
        if ((await this.#ctx.redis.zrem(this.#softLimitKey(), conversationId)) !== 1) continue;
        const row = await findConversation(this.#ctx.db, conversationId);
        if (!row || row.status !== 'active') continue;
        const payload = { conversationId, softLimitAt: new Date(row.soft_limit_at).toISOString() };
        this.#out.emit([rooms.user(row.graduate_id), rooms.user(row.recruiter_id)], 'conversation:time-warning', payload);
      }
    } catch (error) {
      this.#ctx.logger.error({ err: error }, 'live fair sweep failed');
    } finally {
      this.#isSweeping = false;
    }
  }

  /** A lapsed call passes to the next graduate, on behalf of the same recruiter. */
  async #passOn(ended: EndedCall): Promise<void> {
    const recruiter = await loadSessionUser(this.#ctx.db, ended.recruiterId);
    if (!recruiter) return;
    try {
      await this.callNext(recruiter, ended.boothId, ended.userId);
    } catch (error) {
      // The recruiter may have left the booth or the fair may have ended: nothing to pass on to.
      if (!(error instanceof AppError)) throw error;
    }
  }

  async #refreshPresence(): Promise<void> {
    const now = this.#ctx.clock().getTime();
    for (const [boothId, users] of this.#presence) {
      for (const userId of users) if (await this.#store.markPresent(boothId, userId, now)) this.#publish([boothId], EVERYWHERE);
    }
  }
}
