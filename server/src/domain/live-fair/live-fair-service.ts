import { randomUUID } from 'node:crypto';
import {
  AppError,
  estimateWaitSeconds,
  placeOf,
  type TCallPlaced,
  type TCandidateSummary,
  type TChatMessage,
  type TConversation,
  type TConversationDetail,
  type TFairLive,
  type TLobby,
  type TLobbyBooth,
  type TMyQueues,
  type TQueuePlace,
  type TSessionUser,
  type TStaffQueue,
} from '@yunpin/shared';
import type { AppContext } from '../../context.js';
import type { FairRow } from '../../db/schema.js';
import { findFair, isRegisteredForFair } from '../../db/repositories/fairs.js';
import { boothsOnDuty, findBooth, isRepresentative, listApprovedBooths, type BoothWithOrganisation } from '../../db/repositories/booths.js';
import {
  appendHandoff,
  endConversationRow,
  findConversation,
  insertChatMessage,
  insertConversation,
  listActiveConversations,
  listActiveConversationsOf,
  listChatMessages,
  toChatMessage,
  toConversation,
  updateConversation,
  type ConversationView,
} from '../../db/repositories/conversations.js';
import { policy } from '../../policy.js';
import { loadSessionUser } from '../auth/load-session-user.js';
import { rooms, type Broadcaster } from './broadcaster.js';
import { QueueStore, type EndedCall, type StaffEntry } from './queue-store.js';
import { TtlCache } from './ttl-cache.js';

const SWEEP_INTERVAL_MS = 250;
/** Changes at one booth within this window go out as one broadcast. */
const PUBLISH_WINDOW_MS = 50;
const CACHE_TTL_MS = 5000;
const PRESENCE_REFRESH_MS = 10_000;

export interface LiveFairOptions {
  /** Overrides each fair's call timeout (tests). */
  callTimeoutMs?: number;
}

/**
 * The live side of a fair: queues across booths, calls, and chats. State that must survive a
 * restart or span nodes is in Redis (queues, calls) and PostgreSQL (conversations, messages).
 */
export class LiveFairService {
  readonly #ctx: AppContext;
  readonly #store: QueueStore;
  readonly #out: Broadcaster;
  readonly #options: LiveFairOptions;
  readonly #pendingPublish = new Set<string>();
  readonly #booths = new TtlCache<BoothWithOrganisation | undefined>(CACHE_TTL_MS);
  readonly #onRota = new TtlCache<boolean>(CACHE_TTL_MS);
  readonly #names = new TtlCache<string>(60_000);
  #isStopped = false;
  readonly #presence = new Map<string, Set<string>>();
  #sweeper: NodeJS.Timeout | undefined;
  #presenceTimer: NodeJS.Timeout | undefined;
  #isSweeping = false;

  constructor(ctx: AppContext, broadcaster: Broadcaster, options: LiveFairOptions = {}) {
    this.#ctx = ctx;
    this.#store = new QueueStore(ctx.redis, ctx.redisPrefix);
    this.#out = broadcaster;
    this.#options = options;
  }

  get store(): QueueStore {
    return this.#store;
  }

  /** Starts the sweeps: lapsed calls pass on, soft limits warn, open consoles stay present. */
  start(): void {
    this.#isStopped = false;
    this.#sweeper ??= setInterval(() => void this.#sweep(), SWEEP_INTERVAL_MS);
    this.#presenceTimer ??= setInterval(() => {
      this.#refreshPresence().catch((error: unknown) => this.#ctx.logger.warn({ err: error }, 'presence refresh failed'));
    }, PRESENCE_REFRESH_MS);
  }

  stop(): void {
    this.#isStopped = true;
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
    return { fairId: fair.id, booths: await Promise.all(booths.map((b) => this.#lobbyCard(b, onDuty.has(b.id)))) };
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
    const now = this.#ctx.clock().getTime();
    return {
      fairId: fair.id,
      visitorsOnline,
      registered: Number(registered.n),
      booths: await Promise.all(
        booths.map(async (b) => ({
          ...(await this.#lobbyCard(b, onDuty.has(b.id))),
          conversationsTotal: totalOf.get(b.id) ?? 0,
          representativesOnline: await this.#store.recruitersPresent(b.id, now),
        })),
      ),
    };
  }

  // ---------- graduates: queues ----------

  async joinQueue(actor: TSessionUser, boothId: string): Promise<TQueuePlace> {
    if (!policy.canQueueAtBooth(actor)) throw AppError.forbidden('Only graduates can queue at booths');
    const { booth, fair } = await this.#liveBooth(boothId);
    if (!(await isRegisteredForFair(this.#ctx.db, fair.id, actor.id))) {
      throw new AppError('forbidden', 'Register for this fair before queuing at its booths');
    }
    const now = this.#ctx.clock();
    const onDuty = await this.#isOnDuty(booth, now);
    if (!onDuty) throw AppError.conflict('Nobody is on duty at this booth now; leave a message instead');
    const profile = await this.#ctx.db.selectFrom('graduate_profiles').selectAll().where('user_id', '=', actor.id).executeTakeFirst();
    const summary: TCandidateSummary = {
      userId: actor.id,
      name: actor.name,
      school: profile?.school ?? null,
      major: profile?.major ?? null,
      degree: profile?.degree ?? null,
      graduationYear: profile?.graduation_year ?? null,
      jobIntention: profile?.job_intention ?? null,
    };
    const isPriority =
      (fair.priority_lanes.includes('local_hukou') && Boolean(profile?.hukou_town_id)) ||
      (fair.priority_lanes.includes('low_income') && Boolean(profile?.is_hardship));
    await this.#store.join(booth.id, actor.id, isPriority, summary, now.getTime());
    this.#out.join(rooms.user(actor.id), rooms.queue(booth.id));
    this.#publish(booth.id);
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
    this.#publish(boothId);
    return null;
  }

  async myQueues(actor: TSessionUser): Promise<TMyQueues> {
    const boothIds = await this.#store.boothsOf(actor.id);
    const places: TQueuePlace[] = [];
    for (const boothId of boothIds) {
      const booth = await this.#booth(boothId);
      if (!booth || (await this.#fairOf(booth)).status !== 'live') {
        // The fair has ended (or the booth is gone): the place closes with it.
        await this.#store.leave(boothId, actor.id);
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
    const conversations = await listActiveConversationsOf(this.#ctx.db, actor.id);
    return {
      places,
      call: call && call.userId === actor.id ? await this.#incomingCall(call.callId, call.boothId, call.fairId, call.recruiterId, call.expiresAt) : null,
      conversationIds: conversations.map((c) => c.id),
    };
  }

  // ---------- recruiters: console and calls ----------

  async openConsole(actor: TSessionUser, boothId: string): Promise<TStaffQueue> {
    const booth = await this.#staffedBooth(actor, boothId);
    this.#out.join(rooms.user(actor.id), rooms.staff(booth.id));
    let open = this.#presence.get(booth.id);
    if (!open) this.#presence.set(booth.id, (open = new Set()));
    open.add(actor.id);
    await this.#store.markPresent(booth.id, actor.id, this.#ctx.clock().getTime());
    this.#publish(booth.id);
    return this.#staffQueue(booth, await this.#store.entries(booth.id));
  }

  /** Forgets a recruiter's presence at every booth when their last socket goes. */
  async recruiterGone(userId: string): Promise<void> {
    if (this.#isStopped) return;
    for (const [boothId, users] of this.#presence) {
      if (users.delete(userId)) {
        await this.#store.markAbsent(boothId, userId);
        this.#publish(boothId);
      }
    }
  }

  async callNext(actor: TSessionUser, boothId: string, skipUserId?: string): Promise<TCallPlaced | null> {
    const booth = await this.#staffedBooth(actor, boothId);
    const fair = await this.#fairOf(booth);
    if (fair.status !== 'live') throw AppError.conflict('The fair is not live');
    const callId = randomUUID();
    const now = this.#ctx.clock().getTime();
    const expiresAt = now + (this.#options.callTimeoutMs ?? fair.call_timeout_seconds * 1000);
    const result = await this.#store.callNext({
      boothId: booth.id,
      recruiterId: actor.id,
      maxLoad: booth.max_concurrent_chats,
      callId,
      expiresAt,
      fairId: fair.id,
      ...(skipUserId ? { skipUserId } : {}),
    });
    if ('reason' in result) {
      if (result.reason === 'recruiter_full') {
        throw new AppError('conflict', `You already handle ${booth.max_concurrent_chats} conversations or calls; finish one first`, { details: { reason: 'recruiter_full' } });
      }
      return null;
    }
    const incoming = await this.#incomingCall(callId, booth.id, fair.id, actor.id, expiresAt);
    this.#out.emit(rooms.user(result.userId), 'call:incoming', incoming);
    this.#publishAllPlacesOf(result.userId);
    this.#publish(booth.id);
    const candidate = await this.#store.summaryOf(booth.id, result.userId);
    if (!candidate) throw new AppError('internal', 'Called graduate vanished from the queue');
    return { callId, boothId: booth.id, candidate, expiresAt: new Date(expiresAt).toISOString() };
  }

  async skipCall(actor: TSessionUser, callId: string): Promise<TCallPlaced | null> {
    const ended = await this.#endCall(callId, 'lapse', { kind: 'recruiter', id: actor.id });
    await this.#afterCallEnded(callId, ended, 'skipped');
    return this.callNext(actor, ended.boothId, ended.userId);
  }

  async returnCall(actor: TSessionUser, callId: string): Promise<null> {
    const ended = await this.#endCall(callId, 'return', { kind: 'recruiter', id: actor.id });
    await this.#afterCallEnded(callId, ended, 'returned');
    return null;
  }

  // ---------- graduates: answering calls ----------

  async acceptCall(actor: TSessionUser, callId: string): Promise<TConversation> {
    const call = await this.#store.getCall(callId);
    if (!call || call.userId !== actor.id) throw AppError.notFound('Call');
    const booth = await this.#booth(call.boothId);
    if (!booth) throw AppError.notFound('Booth');
    const conversationId = randomUUID();
    const now = this.#ctx.clock();
    // The row comes first: if the claim below fails, the row is closed, never left dangling.
    await insertConversation(this.#ctx.db, {
      id: conversationId,
      fairId: call.fairId,
      boothId: booth.id,
      graduateId: actor.id,
      recruiterId: call.recruiterId,
      startedAt: now,
      softLimitAt: new Date(now.getTime() + booth.soft_limit_minutes * 60_000),
    });
    const ended = await this.#store.endCall(callId, 'accept', { kind: 'user', id: actor.id }, now.getTime(), conversationId);
    if ('reason' in ended) {
      await endConversationRow(this.#ctx.db, conversationId, { endedAt: now, reason: 'call_lapsed' });
      throw AppError.conflict('This call is no longer open');
    }
    await this.#ctx.redis.zadd(this.#softLimitKey(), now.getTime() + booth.soft_limit_minutes * 60_000, conversationId);
    const conversation = await this.#conversation(conversationId);
    this.#out.emit(rooms.user(call.recruiterId), 'conversation:started', conversation);
    this.#out.emit(rooms.user(actor.id), 'conversation:started', conversation);
    this.#out.emit(rooms.user(actor.id), 'queue:place-removed', { boothId: booth.id, reason: 'served' });
    this.#out.leave(rooms.user(actor.id), rooms.queue(booth.id));
    this.#publishAllPlacesOf(actor.id);
    this.#publish(booth.id);
    return conversation;
  }

  async declineCall(actor: TSessionUser, callId: string): Promise<null> {
    const ended = await this.#endCall(callId, 'decline', { kind: 'user', id: actor.id });
    await this.#afterCallEnded(callId, ended, 'declined');
    return null;
  }

  // ---------- conversations ----------

  async openConversation(actor: TSessionUser, conversationId: string): Promise<TConversationDetail> {
    const row = await this.#participantConversation(actor, conversationId);
    const messages = await listChatMessages(this.#ctx.db, row.id);
    return { conversation: toConversation(row), messages: messages.map(toChatMessage) };
  }

  async sendMessage(actor: TSessionUser, input: { conversationId: string; body: string; clientMessageId: string }): Promise<TChatMessage> {
    const row = await this.#participantConversation(actor, input.conversationId);
    if (row.status !== 'active') throw AppError.conflict('This conversation has ended');
    const stored = await insertChatMessage(this.#ctx.db, {
      id: input.clientMessageId,
      conversationId: row.id,
      senderId: actor.id,
      body: input.body,
      sentAt: this.#ctx.clock(),
    });
    if (stored.conversation_id !== row.id || stored.sender_id !== actor.id) throw AppError.conflict('This message id is already used');
    const message = toChatMessage(stored);
    for (const userId of [row.graduate_id, row.recruiter_id]) this.#out.emit(rooms.user(userId), 'conversation:message', message);
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
    const row = await this.#participantConversation(actor, input.conversationId);
    const isRecruiter = row.recruiter_id === actor.id;
    if (!isRecruiter && (input.notes !== undefined || input.rating !== undefined)) throw AppError.forbidden('Only the recruiter keeps notes and a rating');
    const now = this.#ctx.clock();
    if (row.status === 'active') {
      await endConversationRow(this.#ctx.db, row.id, { endedAt: now, reason: isRecruiter ? 'recruiter_ended' : 'graduate_ended', notes: input.notes, rating: input.rating });
      await this.#store.endConversation({
        conversationId: row.id,
        boothId: row.booth_id,
        userId: row.graduate_id,
        recruiterId: row.recruiter_id,
        durationMs: now.getTime() - row.started_at.getTime(),
      });
      await this.#ctx.redis.zrem(this.#softLimitKey(), row.id);
    } else if (isRecruiter) {
      // Notes and rating may still be written after the chat ended.
      await updateConversation(this.#ctx.db, row.id, { ...(input.notes !== undefined ? { notes: input.notes } : {}), ...(input.rating !== undefined ? { rating: input.rating } : {}) });
    }
    const conversation = await this.#announce(row.id);
    this.#publishAllPlacesOf(row.graduate_id);
    this.#publish(row.booth_id);
    return conversation;
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
    this.#publish(booth.id);
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

  // ---------- internals ----------

  async #visibleFair(actor: TSessionUser, fairId: string): Promise<FairRow> {
    const fair = await findFair(this.#ctx.db, fairId);
    if (!fair || (fair.status === 'draft' && !(actor.role === 'organiser' || actor.role === 'admin'))) throw AppError.notFound('Fair');
    return fair;
  }

  async #fairOf(booth: BoothWithOrganisation): Promise<FairRow> {
    const fair = await findFair(this.#ctx.db, booth.fair_id);
    if (!fair) throw AppError.notFound('Fair');
    return fair;
  }

  /** An approved booth of a live fair, or a clear refusal. */
  async #liveBooth(boothId: string): Promise<{ booth: BoothWithOrganisation; fair: FairRow }> {
    const booth = await findBooth(this.#ctx.db, boothId);
    if (!booth || booth.status !== 'approved') throw AppError.notFound('Booth');
    const fair = await this.#fairOf(booth);
    if (fair.status === 'draft') throw AppError.notFound('Booth');
    if (fair.status !== 'live') throw AppError.conflict(fair.status === 'ended' ? 'This fair has ended' : 'This fair has not opened yet');
    return { booth, fair };
  }

  /** A booth the actor staffs; anyone else gets not_found, so booths of other employers cannot be probed. */
  async #staffedBooth(actor: TSessionUser, boothId: string): Promise<BoothWithOrganisation> {
    const booth = await this.#booth(boothId);
    if (!booth || !policy.canStaffBooth(actor, booth, await isRepresentative(this.#ctx.db, booth.id, actor.id))) throw AppError.notFound('Booth');
    if (booth.status !== 'approved') throw AppError.conflict('This booth has not been approved');
    return booth;
  }

  async #participantConversation(actor: TSessionUser, conversationId: string): Promise<ConversationView> {
    const row = await findConversation(this.#ctx.db, conversationId);
    if (!row || (row.graduate_id !== actor.id && row.recruiter_id !== actor.id)) throw AppError.notFound('Conversation');
    return row;
  }

  async #conversation(id: string): Promise<TConversation> {
    const row = await findConversation(this.#ctx.db, id);
    if (!row) throw AppError.notFound('Conversation');
    return toConversation(row);
  }

  /** Sends the conversation's new state to both sides (and to anyone it was just taken from). */
  async #announce(id: string, alsoTo: string[] = []): Promise<TConversation> {
    const conversation = await this.#conversation(id);
    for (const userId of new Set([conversation.graduateId, conversation.recruiterId, ...alsoTo])) {
      this.#out.emit(rooms.user(userId), 'conversation:updated', conversation);
    }
    return conversation;
  }

  async #endCall(callId: string, mode: 'lapse' | 'return' | 'decline', actor: { kind: 'user' | 'recruiter'; id: string }): Promise<EndedCall> {
    const ended = await this.#store.endCall(callId, mode, actor, this.#ctx.clock().getTime());
    if ('reason' in ended) throw AppError.notFound('Call');
    return ended;
  }

  async #afterCallEnded(callId: string, ended: EndedCall, reason: 'expired' | 'skipped' | 'declined' | 'returned'): Promise<void> {
    const placeKept = ended.outcome === 'kept';
    for (const userId of [ended.userId, ended.recruiterId]) this.#out.emit(rooms.user(userId), 'call:cancelled', { callId, reason, placeKept });
    if (!placeKept) {
      this.#out.emit(rooms.user(ended.userId), 'queue:place-removed', { boothId: ended.boothId, reason: reason === 'declined' ? 'declined' : 'lapsed' });
      this.#out.leave(rooms.user(ended.userId), rooms.queue(ended.boothId));
    }
    this.#publishAllPlacesOf(ended.userId);
    this.#publish(ended.boothId);
  }

  async #incomingCall(callId: string, boothId: string, fairId: string, recruiterId: string, expiresAt: number) {
    const booth = await this.#booth(boothId);
    const recruiterName = await this.#names.get(recruiterId, async () => (await this.#ctx.db.selectFrom('users').select('name').where('id', '=', recruiterId).executeTakeFirst())?.name ?? '');
    return {
      callId,
      boothId,
      fairId,
      organisationName: booth?.organisation_name ?? '',
      recruiterName,
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }

  async #isOnDuty(booth: BoothWithOrganisation, now: Date): Promise<boolean> {
    if ((await boothsOnDuty(this.#ctx.db, [booth.id], now)).has(booth.id)) return true;
    return (await this.#store.recruitersPresent(booth.id, now.getTime())) > 0;
  }

  async #servers(booth: BoothWithOrganisation): Promise<number> {
    const present = await this.#store.recruitersPresent(booth.id, this.#ctx.clock().getTime());
    return Math.max(1, present) * booth.max_concurrent_chats;
  }

  async #placeAt(userId: string, booth: BoothWithOrganisation): Promise<TQueuePlace | undefined> {
    const mine = await this.#store.ticketOf(booth.id, userId);
    if (!mine) return undefined;
    const snapshot = await this.#store.snapshot(booth.id, booth.fair_id, await this.#store.entries(booth.id), await this.#servers(booth));
    const figures = placeOf(snapshot, mine.ticket);
    if (!figures) return undefined;
    return {
      ticket: mine.ticket,
      boothId: booth.id,
      fairId: booth.fair_id,
      organisationName: booth.organisation_name,
      ...figures,
      hasMissedOnce: mine.hasMissedOnce,
      joinedAt: new Date(mine.joinedAt).toISOString(),
    };
  }

  async #lobbyCard(booth: BoothWithOrganisation, isOnRota: boolean, known?: StaffEntry[]): Promise<TLobbyBooth> {
    const now = this.#ctx.clock().getTime();
    const [entries, inConversation, average, present] = await Promise.all([
      known ?? this.#store.entries(booth.id),
      this.#store.activeConversationCount(booth.id),
      this.#store.averageServiceSeconds(booth.id),
      this.#store.recruitersPresent(booth.id, now),
    ]);
    const waitingNow = entries.filter((e) => !e.isHeld && !e.isCalled).length;
    return {
      boothId: booth.id,
      organisationName: booth.organisation_name,
      industry: booth.industry,
      jobTitles: booth.jobs.map((j) => j.title),
      waiting: entries.length,
      inConversation,
      estimatedWaitSeconds: estimateWaitSeconds(waitingNow + 1, Math.max(1, present) * booth.max_concurrent_chats, average),
      isOnDuty: isOnRota || present > 0,
    };
  }

  async #staffQueue(booth: BoothWithOrganisation, entries: StaffEntry[]): Promise<TStaffQueue> {
    const active = await listActiveConversations(this.#ctx.db, booth.id);
    const pendingCalls = [];
    for (const entry of entries.filter((e) => e.isCalled)) {
      const busy = await this.#store.busyWith(entry.userId);
      const call = busy?.kind === 'call' ? await this.#store.getCall(busy.id) : undefined;
      if (call) pendingCalls.push({ callId: call.callId, recruiterId: call.recruiterId, candidate: entry.summary, expiresAt: new Date(call.expiresAt).toISOString() });
    }
    return {
      boothId: booth.id,
      entries: entries.map((e) => ({
        candidate: e.summary,
        joinedAt: new Date(e.joinedAt).toISOString(),
        isHeld: e.isHeld,
        isCalled: e.isCalled,
        hasMissedOnce: e.hasMissedOnce,
        isPriority: e.isPriority,
      })),
      activeConversations: active.map(toConversation),
      pendingCalls,
      averageServiceSeconds: await this.#store.averageServiceSeconds(booth.id),
    };
  }

  /** Coalesces a burst of changes at one booth into one round of broadcasts. */
  #publish(boothId: string): void {
    if (this.#isStopped || this.#pendingPublish.has(boothId)) return;
    this.#pendingPublish.add(boothId);
    setTimeout(() => {
      this.#pendingPublish.delete(boothId);
      if (this.#isStopped) return;
      this.#broadcastBooth(boothId).catch((error: unknown) => this.#ctx.logger.error({ err: error, boothId }, 'booth broadcast failed'));
    }, PUBLISH_WINDOW_MS);
  }

  /** A graduate's hold status changed: every booth where they wait must re-broadcast. */
  #publishAllPlacesOf(userId: string): void {
    this.#store
      .boothsOf(userId)
      .then((boothIds) => {
        for (const boothId of boothIds) this.#publish(boothId);
      })
      .catch((error: unknown) => this.#ctx.logger.error({ err: error, userId }, 'place refresh failed'));
  }

  /** A booth's row for hot paths (broadcasts, calls); its settings may be up to a few seconds old. */
  #booth(boothId: string): Promise<BoothWithOrganisation | undefined> {
    return this.#booths.get(boothId, () => findBooth(this.#ctx.db, boothId));
  }

  async #broadcastBooth(boothId: string): Promise<void> {
    const booth = await this.#booth(boothId);
    if (!booth) return;
    const entries = await this.#store.entries(boothId);
    const snapshot = await this.#store.snapshot(boothId, booth.fair_id, entries, await this.#servers(booth));
    this.#out.emit(rooms.queue(boothId), 'queue:booth-updated', snapshot);
    this.#out.emit(rooms.staff(boothId), 'console:updated', await this.#staffQueue(booth, entries));
    const onRota = await this.#onRota.get(boothId, async () => (await boothsOnDuty(this.#ctx.db, [boothId], this.#ctx.clock())).has(boothId));
    this.#out.emit(rooms.lobby(booth.fair_id), 'lobby:booth-updated', { ...(await this.#lobbyCard(booth, onRota, entries)), fairId: booth.fair_id });
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
        await this.#afterCallEnded(callId, ended, 'expired');
        await this.#passOn(ended);
      }
      const due = await this.#ctx.redis.zrangebyscore(this.#softLimitKey(), '-inf', now, 'LIMIT', 0, 100);
      for (const conversationId of due) {
        if ((await this.#ctx.redis.zrem(this.#softLimitKey(), conversationId)) !== 1) continue;
        const row = await findConversation(this.#ctx.db, conversationId);
        if (!row || row.status !== 'active') continue;
        const payload = { conversationId, softLimitAt: new Date(row.soft_limit_at).toISOString() };
        for (const userId of [row.graduate_id, row.recruiter_id]) this.#out.emit(rooms.user(userId), 'conversation:time-warning', payload);
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
    for (const [boothId, users] of this.#presence) for (const userId of users) await this.#store.markPresent(boothId, userId, now);
  }
}
