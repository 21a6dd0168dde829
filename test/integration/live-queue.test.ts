import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findTicket, placeOf } from '@yunpin/shared';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { createLiveFair, type LiveFixtures } from '../support/live-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { ask, collect, connectAs, must, next, socketPool } from '../support/sockets.js';

describe('live fair: one queue across booths, calls and chats over Socket.IO', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let live: LiveFixtures;
  const pool = socketPool(() => t.url, PASSWORD);
  const as = pool.as;

  /** Ends every active conversation and empties both queues, so each test starts clean. */
  async function reset(): Promise<void> {
    const db = t.platform.ctx.db;
    const active = await db.selectFrom('conversations').select(['id', 'booth_id', 'graduate_id', 'recruiter_id', 'started_at']).where('status', '=', 'active').execute();
    for (const c of active) {
      await db.updateTable('conversations').set({ status: 'ended', ended_at: new Date(), end_reason: 'test_reset' }).where('id', '=', c.id).execute();
      await t.platform.sockets.live.store.endConversation({ conversationId: c.id, boothId: c.booth_id, userId: c.graduate_id, recruiterId: c.recruiter_id, durationMs: 0 });
    }
    for (const boothId of [live.booths.a, live.booths.b]) {
      for (const g of live.graduates) await t.platform.sockets.live.store.leave(boothId, g.id);
    }
    const store = t.platform.sockets.live.store;
    for (const g of live.graduates) {
      const busy = await store.busyWith(g.id);
      if (busy?.kind === 'call') await store.endCall(busy.id, 'return', { kind: 'user', id: g.id }, Date.now());
    }
  }

  beforeAll(async () => {
    t = await startTestPlatform({ socket: { live: { callTimeoutMs: 1200 }, sessionRecheckMs: 0, rateLimit: { burst: 1000, perSecond: 1000 } } });
    f = await createFixtures(t.platform.ctx.db);
    live = await createLiveFair(t.platform.ctx.db, f, { graduateCount: 4, maxChats: 2 });
  });
  afterEach(async () => {
    pool.closeAll();
    await reset();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('queues graduates in order, calls the first, and carries a persisted chat to its end with notes and rating', async () => {
    const [g1, g2] = [await as(live.graduates[0]!.login), await as(live.graduates[1]!.login)];
    const recruiter = await as(live.logins.recruiterA);
    const p1 = await must(g1, 'queue:join', { boothId: live.booths.a });
    const p2 = await must(g2, 'queue:join', { boothId: live.booths.a });
    expect(p1).toMatchObject({ position: 1, waitingTotal: 1, isHeld: false, estimatedWaitSeconds: null });
    expect(p2).toMatchObject({ position: 2, waitingTotal: 2 });
    expect(p1.ticket).not.toBe(p2.ticket);

    const console0 = await must(recruiter, 'console:open', { boothId: live.booths.a });
    expect(console0.entries.map((e) => e.candidate.name)).toEqual([live.graduates[0]!.name, live.graduates[1]!.name]);
    expect(JSON.stringify(console0)).not.toContain('isHardship');

    const incoming = next(g1, 'call:incoming');
    const g2Update = next(g2, 'queue:booth-updated', (s) => findTicket(s, p1.ticket)?.isHeld === true);
    const call = await must(recruiter, 'call:next', { boothId: live.booths.a });
    expect(call?.candidate.name).toBe(live.graduates[0]!.name);
    const received = await incoming;
    expect(received).toMatchObject({ callId: call!.callId, boothId: live.booths.a, organisationName: '上海甲科技有限公司' });
    // While g1 is being called, g2 is effectively first in line.
    const snapshot = await g2Update;
    expect(placeOf(snapshot, p2.ticket)?.position).toBe(1);

    const started = next(recruiter, 'conversation:started');
    const conversation = await must(g1, 'call:accept', { callId: call!.callId });
    expect(conversation).toMatchObject({ status: 'active', graduateId: live.graduates[0]!.id, recruiterId: live.staff.recruiterA, videoState: 'none' });
    expect((await started).id).toBe(conversation.id);

    const heard = next(recruiter, 'conversation:message');
    const sent = await must(g1, 'conversation:send', { conversationId: conversation.id, body: '您好，我想了解软件工程师岗位', clientMessageId: crypto.randomUUID() });
    expect((await heard).body).toBe('您好，我想了解软件工程师岗位');
    const reply = await must(recruiter, 'conversation:send', { conversationId: conversation.id, body: '欢迎！请介绍一下你的项目经历。', clientMessageId: crypto.randomUUID() });
    const resend = await must(recruiter, 'conversation:send', { conversationId: conversation.id, body: '欢迎！请介绍一下你的项目经历。', clientMessageId: reply.id });
    expect(resend.id).toBe(reply.id);
    const history = await must(g1, 'conversation:open', { conversationId: conversation.id });
    expect(history.messages.map((m) => m.id)).toEqual([sent.id, reply.id]);

    const graduateNotes = await ask(g1, 'conversation:end', { conversationId: conversation.id, rating: 5 });
    expect(graduateNotes.ok).toBe(false);
    const ended = await must(recruiter, 'conversation:end', { conversationId: conversation.id, notes: '基础扎实，建议面试', rating: 4 });
    expect(ended.status).toBe('ended');
    const row = await t.platform.ctx.db.selectFrom('conversations').selectAll().where('id', '=', conversation.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'ended', notes: '基础扎实，建议面试', rating: 4, end_reason: 'recruiter_ended' });
    const stored = await t.platform.ctx.db.selectFrom('chat_messages').select('body').where('conversation_id', '=', conversation.id).execute();
    expect(stored).toHaveLength(2);

    // The finished conversation now feeds real wait estimates.
    const mine = await must(g2, 'queue:mine', {});
    expect(mine.places[0]).toMatchObject({ boothId: live.booths.a, position: 1 });
    expect(mine.places[0]!.estimatedWaitSeconds).toBeGreaterThan(0);
  });

  it('sends versioned snapshots and console updates; the console keeps its conversations from conversation events', async () => {
    const [g1, g2] = [await as(live.graduates[0]!.login), await as(live.graduates[1]!.login)];
    const recruiter = await as(live.logins.recruiterA);
    await must(g1, 'queue:join', { boothId: live.booths.a });
    const p2 = await must(g2, 'queue:join', { boothId: live.booths.a });
    const console0 = await must(recruiter, 'console:open', { boothId: live.booths.a });

    const snapshots = collect(g2, 'queue:booth-updated');
    const held = next(g2, 'queue:booth-updated', (s) => s.boothId === live.booths.a && s.held === '10');
    const consoleCalled = next(recruiter, 'console:updated', (q) => q.boothId === live.booths.a && q.pendingCalls.length === 1);
    const call = await must(recruiter, 'call:next', { boothId: live.booths.a });
    const snapshot = await held;
    // Newer than the figures g2 got when joining; older snapshots would be ignored against it.
    expect(snapshot.version).toBeGreaterThan(p2.version);
    const update = await consoleCalled;
    expect(update.version).toBeGreaterThan(console0.version);
    expect(update).not.toHaveProperty('activeConversations');
    expect(update.pendingCalls[0]).toMatchObject({ callId: call!.callId, recruiterId: live.staff.recruiterA, candidate: { userId: live.graduates[0]!.id } });

    const started = next(recruiter, 'conversation:started');
    const conversation = await must(g1, 'call:accept', { callId: call!.callId });
    expect(await started).toEqual(conversation);
    const endedSeen = next(recruiter, 'conversation:updated', (c) => c.id === conversation.id);
    const ended = await must(g1, 'conversation:end', { conversationId: conversation.id });
    expect(ended).toMatchObject({ id: conversation.id, status: 'ended', graduateName: live.graduates[0]!.name, organisationName: conversation.organisationName });
    expect(await endedSeen).toEqual(ended);
    const row = await t.platform.ctx.db.selectFrom('conversations').select(['status', 'end_reason', 'notes', 'rating']).where('id', '=', conversation.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'ended', end_reason: 'graduate_ended', notes: null, rating: null });
    expect(await ask(g1, 'conversation:end', { conversationId: conversation.id, notes: '想改备注' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Every snapshot g2 saw came in order here (one node), each a newer version than the last.
    const versions = snapshots.filter((s) => s.boothId === live.booths.a).map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('never calls a graduate to two conversations at once; their other place is held, then resumes', async () => {
    const g1 = await as(live.graduates[0]!.login);
    const g2 = await as(live.graduates[1]!.login);
    const recruiterA = await as(live.logins.recruiterA);
    const recruiterB = await as(live.logins.recruiterB);
    await must(g1, 'queue:join', { boothId: live.booths.a });
    await must(g1, 'queue:join', { boothId: live.booths.b });
    await must(g2, 'queue:join', { boothId: live.booths.b });

    const callA = await must(recruiterA, 'call:next', { boothId: live.booths.a });
    expect(callA?.candidate.userId).toBe(live.graduates[0]!.id);
    const conversation = await must(g1, 'call:accept', { callId: callA!.callId });

    // Booth B passes over g1, who is busy, and calls g2; g1's place at B is held, not lost.
    const callB = await must(recruiterB, 'call:next', { boothId: live.booths.b });
    expect(callB?.candidate.userId).toBe(live.graduates[1]!.id);
    const held = await must(g1, 'queue:mine', {});
    expect(held.places).toEqual([expect.objectContaining({ boothId: live.booths.b, isHeld: true })]);
    await must(g2, 'call:decline', { callId: callB!.callId });
    expect(await must(recruiterB, 'call:next', { boothId: live.booths.b })).toBeNull();

    await must(recruiterA, 'conversation:end', { conversationId: conversation.id });
    const resumed = await must(g1, 'queue:mine', {});
    expect(resumed.places).toEqual([expect.objectContaining({ boothId: live.booths.b, isHeld: false, position: 1 })]);
    const callB2 = await must(recruiterB, 'call:next', { boothId: live.booths.b });
    expect(callB2?.candidate.userId).toBe(live.graduates[0]!.id);
  });

  it('lets exactly one of two booths calling at the same instant reach a graduate (repeated race)', async () => {
    const g1 = await as(live.graduates[0]!.login);
    const recruiterA = await as(live.logins.recruiterA);
    const recruiterB = await as(live.logins.recruiterB);
    for (let round = 0; round < 25; round++) {
      await must(g1, 'queue:join', { boothId: live.booths.a });
      await must(g1, 'queue:join', { boothId: live.booths.b });
      const [a, b] = await Promise.all([
        must(recruiterA, 'call:next', { boothId: live.booths.a }),
        must(recruiterB, 'call:next', { boothId: live.booths.b }),
      ]);
      const winners = [a, b].filter((c) => c !== null);
      expect(winners, `round ${round}`).toHaveLength(1);
      const winner = winners[0]!;
      const busy = await t.platform.sockets.live.store.busyWith(live.graduates[0]!.id);
      expect(busy).toEqual({ kind: 'call', id: winner.callId });
      await must(a ? recruiterA : recruiterB, 'call:return', { callId: winner.callId });
      await must(g1, 'queue:leave', { boothId: live.booths.a });
      await must(g1, 'queue:leave', { boothId: live.booths.b });
    }
  });

  it('passes an unanswered call to the next graduate; the first keeps their place once, then loses it', async () => {
    const g1 = await as(live.graduates[0]!.login);
    const g2 = await as(live.graduates[1]!.login);
    const recruiter = await as(live.logins.recruiterA);
    await must(g1, 'queue:join', { boothId: live.booths.a });
    await must(g2, 'queue:join', { boothId: live.booths.a });

    const lapsed = next(g1, 'call:cancelled');
    const passedOn = next(g2, 'call:incoming');
    await must(recruiter, 'call:next', { boothId: live.booths.a });
    expect(await lapsed).toMatchObject({ reason: 'expired', placeKept: true });
    const secondCall = await passedOn;
    const kept = await must(g1, 'queue:mine', {});
    expect(kept.places[0]).toMatchObject({ hasMissedOnce: true });
    await must(g2, 'call:decline', { callId: secondCall.callId });

    const lapsedAgain = next(g1, 'call:cancelled');
    const removed = next(g1, 'queue:place-removed');
    await must(recruiter, 'call:next', { boothId: live.booths.a });
    expect(await lapsedAgain).toMatchObject({ reason: 'expired', placeKept: false });
    expect(await removed).toMatchObject({ boothId: live.booths.a, reason: 'lapsed' });
    expect((await must(g1, 'queue:mine', {})).places).toEqual([]);
  });

  it('lets a recruiter skip (a lapse) or return (no penalty) a called graduate', async () => {
    const g1 = await as(live.graduates[0]!.login);
    const g2 = await as(live.graduates[1]!.login);
    const recruiter = await as(live.logins.recruiterA);
    await must(g1, 'queue:join', { boothId: live.booths.a });
    await must(g2, 'queue:join', { boothId: live.booths.a });
    const first = await must(recruiter, 'call:next', { boothId: live.booths.a });
    const returned = next(g1, 'call:cancelled');
    await must(recruiter, 'call:return', { callId: first!.callId });
    expect(await returned).toMatchObject({ reason: 'returned', placeKept: true });
    expect((await must(g1, 'queue:mine', {})).places[0]).toMatchObject({ position: 1, hasMissedOnce: false });

    const again = await must(recruiter, 'call:next', { boothId: live.booths.a });
    expect(again?.candidate.userId).toBe(live.graduates[0]!.id);
    const skipped = await must(recruiter, 'call:skip', { callId: again!.callId });
    expect(skipped?.candidate.userId).toBe(live.graduates[1]!.id);
    expect((await must(g1, 'queue:mine', {})).places[0]).toMatchObject({ hasMissedOnce: true });
  });

  it('holds a recruiter to K conversations and calls at once', async () => {
    const sockets = await Promise.all(live.graduates.slice(0, 3).map((g) => as(g.login)));
    const recruiter = await as(live.logins.recruiterA);
    for (const s of sockets) await must(s, 'queue:join', { boothId: live.booths.a });
    const c1 = await must(recruiter, 'call:next', { boothId: live.booths.a });
    await must(sockets[0]!, 'call:accept', { callId: c1!.callId });
    await must(recruiter, 'call:next', { boothId: live.booths.a });
    const full = await ask(recruiter, 'call:next', { boothId: live.booths.a });
    expect(full).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await must(sockets[2]!, 'queue:mine', {})).call).toBeNull();
  });

  it('warns both sides at the soft limit without ending the chat, and extends it', async () => {
    const g1 = await as(live.graduates[0]!.login);
    const recruiter = await as(live.logins.recruiterA);
    await must(g1, 'queue:join', { boothId: live.booths.a });
    const call = await must(recruiter, 'call:next', { boothId: live.booths.a });
    const conversation = await must(g1, 'call:accept', { callId: call!.callId });
    const warnedG = next(g1, 'conversation:time-warning');
    const warnedR = next(recruiter, 'conversation:time-warning');
    // Bring the soft limit to now instead of waiting ten minutes.
    await t.platform.ctx.redis.zadd(`${t.redisPrefix}:live:softlimit`, Date.now() - 1, conversation.id);
    expect((await warnedG).conversationId).toBe(conversation.id);
    expect((await warnedR).conversationId).toBe(conversation.id);
    const stillOpen = await must(g1, 'conversation:send', { conversationId: conversation.id, body: '我还有一个问题', clientMessageId: crypto.randomUUID() });
    expect(stillOpen.body).toBe('我还有一个问题');
    const extended = await must(recruiter, 'conversation:extend', { conversationId: conversation.id, minutes: 5 });
    expect(Date.parse(extended.softLimitAt)).toBeGreaterThan(Date.parse(conversation.softLimitAt));
    expect(extended.status).toBe('active');
  });

  it('hands a conversation to a colleague and tracks the video invitation state', async () => {
    const g1 = await as(live.graduates[0]!.login);
    const recruiter = await as(live.logins.recruiterA);
    const colleague = await as(live.logins.adminA);
    await must(g1, 'queue:join', { boothId: live.booths.a });
    const call = await must(recruiter, 'call:next', { boothId: live.booths.a });
    const conversation = await must(g1, 'call:accept', { callId: call!.callId });

    const invited = await must(recruiter, 'conversation:invite-video', { conversationId: conversation.id });
    expect(invited.videoState).toBe('invited');
    expect((await ask(recruiter, 'conversation:answer-video', { conversationId: conversation.id, accept: true })).ok).toBe(false);
    expect((await must(g1, 'conversation:answer-video', { conversationId: conversation.id, accept: true })).videoState).toBe('accepted');

    const toStranger = await ask(recruiter, 'conversation:hand-off', { conversationId: conversation.id, toRecruiterId: live.staff.recruiterB });
    expect(toStranger).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const arrived = next(colleague, 'conversation:started');
    const handed = await must(recruiter, 'conversation:hand-off', { conversationId: conversation.id, toRecruiterId: live.staff.adminA });
    expect(handed.recruiterId).toBe(live.staff.adminA);
    expect((await arrived).id).toBe(conversation.id);
    expect((await must(colleague, 'conversation:send', { conversationId: conversation.id, body: '我来接着聊', clientMessageId: crypto.randomUUID() })).senderId).toBe(live.staff.adminA);
    expect(await ask(recruiter, 'conversation:send', { conversationId: conversation.id, body: '还在吗', clientMessageId: crypto.randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const row = await t.platform.ctx.db.selectFrom('conversations').select('handoffs').where('id', '=', conversation.id).executeTakeFirstOrThrow();
    expect(row.handoffs).toEqual([expect.objectContaining({ from: live.staff.recruiterA, to: live.staff.adminA })]);
  });

  it('treats leaving the queue while being called as declining, and closes places when the fair ends', async () => {
    const g1 = await as(live.graduates[0]!.login);
    const recruiter = await as(live.logins.recruiterA);
    await must(g1, 'queue:join', { boothId: live.booths.a });
    await must(g1, 'queue:join', { boothId: live.booths.b });
    const call = await must(recruiter, 'call:next', { boothId: live.booths.a });
    const cancelled = next(recruiter, 'call:cancelled');
    expect(await must(g1, 'queue:leave', { boothId: live.booths.a })).toBeNull();
    expect(await cancelled).toMatchObject({ callId: call!.callId, reason: 'declined', placeKept: false });
    expect((await must(g1, 'queue:mine', {})).places.map((p) => p.boothId)).toEqual([live.booths.b]);

    await t.platform.ctx.db.updateTable('fairs').set({ status: 'ended' }).where('id', '=', live.fairId).execute();
    try {
      const closed = next(g1, 'queue:place-removed');
      expect((await must(g1, 'queue:mine', {})).places).toEqual([]);
      expect(await closed).toEqual({ boothId: live.booths.b, reason: 'closed' });
    } finally {
      await t.platform.ctx.db.updateTable('fairs').set({ status: 'live' }).where('id', '=', live.fairId).execute();
    }
  });

  it("gives the fair's organisers a live view: visitors, queues and conversations per booth", async () => {
    const visitor = await as(live.graduates[3]!.login);
    await must(visitor, 'lobby:enter', { fairId: live.fairId });
    const g1 = await as(live.graduates[0]!.login);
    const recruiter = await as(live.logins.recruiterA);
    await must(g1, 'queue:join', { boothId: live.booths.a });
    await must(recruiter, 'console:open', { boothId: live.booths.a });
    const { ApiClient } = await import('../support/client.js');
    const organiser = new ApiClient(t.url);
    await organiser.login(f.logins.district_organiser, PASSWORD);
    const res = await organiser.get(`/api/v1/fairs/${live.fairId}/live`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fairId: live.fairId, visitorsOnline: 1, registered: 4 });
    expect(res.body.booths.find((b: { boothId: string }) => b.boothId === live.booths.a)).toMatchObject({ waiting: 1, inConversation: 0, representativesOnline: 1, isOnDuty: true });
    const graduate = new ApiClient(t.url);
    await graduate.login(live.graduates[0]!.login, PASSWORD);
    expect((await graduate.get(`/api/v1/fairs/${live.fairId}/live`)).status).toBe(404);
  });

  it('shows the lobby with real figures and updates it live', async () => {
    const visitor = await as(live.graduates[3]!.login);
    const lobby = await must(visitor, 'lobby:enter', { fairId: live.fairId });
    const cardA = lobby.booths.find((b) => b.boothId === live.booths.a)!;
    expect(cardA).toMatchObject({ organisationName: '上海甲科技有限公司', waiting: 0, inConversation: 0, isOnDuty: true, jobTitles: ['软件工程师'] });
    const g1 = await as(live.graduates[0]!.login);
    const updated = next(visitor, 'lobby:booth-updated', (b) => b.boothId === live.booths.a && b.waiting === 1);
    await must(g1, 'queue:join', { boothId: live.booths.a });
    expect(await updated).toMatchObject({ fairId: live.fairId, waiting: 1 });
  });
});

describe('live fair: refusals change nothing', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let live: LiveFixtures;
  const pool = socketPool(() => t.url, PASSWORD);
  const as = pool.as;

  beforeAll(async () => {
    t = await startTestPlatform({ socket: { rateLimit: { burst: 10, perSecond: 5 }, sessionRecheckMs: 0 } });
    f = await createFixtures(t.platform.ctx.db);
    live = await createLiveFair(t.platform.ctx.db, f, { graduateCount: 2 });
  });
  afterEach(() => {
    pool.closeAll();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function queueState() {
    const redis = t.platform.ctx.redis;
    return {
      a: await redis.zrange(`${t.redisPrefix}:live:q:${live.booths.a}`, 0, -1),
      b: await redis.zrange(`${t.redisPrefix}:live:q:${live.booths.b}`, 0, -1),
      calls: await redis.zrange(`${t.redisPrefix}:live:due`, 0, -1),
      conversations: (await t.platform.ctx.db.selectFrom('conversations').select('id').execute()).length,
    };
  }

  it('refuses a socket without a session', async () => {
    const { connectWithCookie } = await import('../support/sockets.js');
    await expect(connectWithCookie(t.url, 'yp_session=forged')).rejects.toThrow(/unauthenticated/);
  });

  it('refuses a graduate calling "next" and a recruiter touching another employer\'s booth', async () => {
    const g1 = await as(live.graduates[0]!.login);
    const recruiterA = await as(live.logins.recruiterA);
    await must(g1, 'queue:join', { boothId: live.booths.b });
    const before = await queueState();
    expect(await ask(g1, 'call:next', { boothId: live.booths.a })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ask(recruiterA, 'console:open', { boothId: live.booths.b })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ask(recruiterA, 'call:next', { boothId: live.booths.b })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ask(recruiterA, 'queue:join', { boothId: live.booths.a })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await queueState()).toEqual(before);
    await must(g1, 'queue:leave', { boothId: live.booths.b });
  });

  it('refuses queues of unpublished, not-yet-live and ended fairs', async () => {
    const g1 = await as(live.graduates[0]!.login);
    const before = await queueState();
    for (const [status, code] of [['draft', 'not_found'], ['published', 'conflict'], ['ended', 'conflict']] as const) {
      await t.platform.ctx.db.updateTable('fairs').set({ status }).where('id', '=', live.fairId).execute();
      expect(await ask(g1, 'queue:join', { boothId: live.booths.a }), status).toMatchObject({ ok: false, error: { code } });
    }
    await t.platform.ctx.db.updateTable('fairs').set({ status: 'live' }).where('id', '=', live.fairId).execute();
    expect(await queueState()).toEqual(before);
  });

  it('refuses graduates who have not registered for the fair, and booths nobody staffs now', async () => {
    const g1 = await as(live.graduates[0]!.login);
    await t.platform.ctx.db.deleteFrom('fair_registrations').where('user_id', '=', live.graduates[0]!.id).execute();
    expect(await ask(g1, 'queue:join', { boothId: live.booths.a })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await t.platform.ctx.db.insertInto('fair_registrations').values({ fair_id: live.fairId, user_id: live.graduates[0]!.id }).execute();
    await t.platform.ctx.db.updateTable('booth_rota').set({ starts_at: new Date(Date.now() + 3600_000), ends_at: new Date(Date.now() + 7200_000) }).where('booth_id', '=', live.booths.b).execute();
    expect(await ask(g1, 'queue:join', { boothId: live.booths.b })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await queueState()).b).toEqual([]);
  });

  it('answers malformed payloads with validation_failed naming the path', async () => {
    const g1 = await as(live.graduates[0]!.login);
    const before = await queueState();
    expect(await ask(g1, 'queue:join', { boothId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'validation_failed', details: [{ path: 'payload.boothId' }] } });
    const extra = await ask(g1, 'queue:join', { boothId: live.booths.a, sneaky: true } as never);
    expect(extra).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const empty = await ask(g1, 'conversation:send', { conversationId: crypto.randomUUID(), body: '   ', clientMessageId: crypto.randomUUID() });
    expect(empty).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await ask(g1, 'call:accept', { callId: crypto.randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await queueState()).toEqual(before);
  });

  it('cuts off a socket that floods events', async () => {
    const g1 = await as(live.graduates[1]!.login);
    const disconnected = new Promise<string>((resolve) => g1.once('disconnect', resolve));
    for (let i = 0; i < 30; i++) g1.emit('queue:mine', {}, () => undefined);
    expect(await disconnected).toBe('io server disconnect');
  });

  it('stops answering a socket whose session was logged out', async () => {
    const { socket, api } = await connectAs(t.url, live.graduates[1]!.login, PASSWORD);
    pool.track(socket);
    expect((await ask(socket, 'queue:mine', {})).ok).toBe(true);
    await api.post('/api/v1/auth/logout');
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(await ask(socket, 'queue:mine', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await disconnected).toBe('io server disconnect');
  });

  it('collects nothing for sockets that never asked', async () => {
    const g1 = await as(live.graduates[0]!.login);
    const seen = collect(g1, 'call:incoming');
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual([]);
  });
});
