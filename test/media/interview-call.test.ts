import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../server/src/db/repositories/users.js';
import { hashPassword } from '../../server/src/domain/auth/passwords.js';
import { createLogger } from '../../server/src/logger.js';
import { GrantAuthority } from '../../server/src/media/grants.js';
import { JanusMediaServer } from '../../server/src/media/janus/JanusMediaServer.js';
import { startJanus, type JanusProcess } from '../../server/src/services/janus-launcher.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { ask, insertCallBooking, must, next, roomOf, signalling, type CallEvent, type CallSocket } from '../support/interview-call.js';
import { publisherLive, sleep, startPublisher, startSubscriber, type TestPublisher, type TestSubscriber } from '../support/media-peers.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { connectAs } from '../support/sockets.js';

/** Real platform and Janus, Socket.IO clients logged in as the interviewer and the graduate, wrtc peers. */
describe('cloud-interview call over Socket.IO with a real Janus', () => {
  let janus: JanusProcess;
  let media: JanusMediaServer | undefined;
  let t: TestPlatform;
  let f: Fixtures;
  const sockets: CallSocket[] = [];
  const peers: (TestPublisher | TestSubscriber)[] = [];

  async function as(login: string): Promise<CallSocket> {
    const { socket } = await connectAs(t.url, login, PASSWORD);
    const call = socket as unknown as CallSocket;
    sockets.push(call);
    return call;
  }

  /** A booking of graduate A with the recruiter as the panel, from `startsInMs` for `lengthMs`. */
  const booking = (startsInMs?: number, lengthMs?: number) => insertCallBooking(t.platform.ctx.db, f, startsInMs, lengthMs);

  /** Interviewer in and publishing, candidate admitted and publishing, each subscribed to the other. */
  async function enterCall(bookingId: string) {
    const interviewer = await as(f.logins.recruiter);
    const candidate = await as(f.logins.graduate);
    const panel = await must(interviewer, 'interview:join', { bookingId });
    expect(panel).toMatchObject({ role: 'interviewer', admitted: true, peerId: f.userIds.recruiter, candidateWaiting: false, iceServers: [] });
    expect(panel.grant).toEqual(expect.any(String));
    const roomId = roomOf(panel.grant!);
    await must(interviewer, 'media:join', { grant: panel.grant! });
    const interviewerLive = publisherLive(media!, roomId, f.userIds.recruiter);
    const interviewerPub = await startPublisher(signalling(interviewer), roomId, f.userIds.recruiter);
    peers.push(interviewerPub);
    await interviewerLive;

    const waiting = next(interviewer, 'interview:waiting', (p) => p.candidatePresent);
    const joined = await must(candidate, 'interview:join', { bookingId });
    expect(joined).toMatchObject({ role: 'candidate', admitted: false, grant: null, publishers: [] });
    expect(await waiting).toEqual({ bookingId, candidatePresent: true, candidateName: '李明' });
    // Waiting: no way into the media room, not even with the interviewer's grant.
    expect(await ask(candidate, 'media:join', { grant: panel.grant! })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const admitted = next(candidate, 'interview:admitted');
    const admittedAt = Date.now();
    await must(interviewer, 'interview:admit', { bookingId });
    const { grant } = await admitted;
    const inMedia = await must(candidate, 'media:join', { grant });
    expect(inMedia.publishers).toEqual([f.userIds.recruiter]);
    const candidateAdded = next(interviewer, 'media:publisher-added', (p) => p.peerId === f.userIds.graduate);
    const candidatePub = await startPublisher(signalling(candidate), roomId, f.userIds.graduate);
    peers.push(candidatePub);
    await candidateAdded;
    const candidateSees = await startSubscriber(signalling(candidate), roomId, f.userIds.graduate, f.userIds.recruiter);
    const interviewerSees = await startSubscriber(signalling(interviewer), roomId, f.userIds.recruiter, f.userIds.graduate);
    peers.push(candidateSees, interviewerSees);
    const firstFrames = await Promise.all([candidateSees.firstFrame(), interviewerSees.firstFrame()]);
    return { interviewer, candidate, roomId, grant, interviewerPub, candidatePub, candidateSees, interviewerSees, firstFrames, admittedToFramesMs: Date.now() - admittedAt };
  }

  beforeAll(async () => {
    const logger = createLogger('silent');
    janus = await startJanus(logger, { restartOnExit: true });
    t = await startTestPlatform({
      media: async () => {
        media = await JanusMediaServer.create({ url: janus.url, adminKey: janus.adminKey, grants: new GrantAuthority(randomBytes(32)), logger, emptyRoomGraceMs: 300 });
        return { media, close: () => media!.close() };
      },
    });
    f = await createFixtures(t.platform.ctx.db);
  });

  afterEach(async () => {
    for (const peer of peers.splice(0)) peer.close();
    for (const socket of sockets.splice(0)) socket.close();
    // Calls close when their last socket leaves.
    await expect.poll(() => media?.dump().rooms ?? 0, { timeout: 5000 }).toBe(0);
  });

  afterAll(async () => {
    await t?.close();
    await janus?.stop();
  });

  it('admits a waiting candidate, and video flows both ways', async () => {
    const bookingId = await booking();
    const call = await enterCall(bookingId);
    const sent0 = [call.interviewerPub.sent(), call.candidatePub.sent()];
    const received0 = [call.candidateSees.received(), call.interviewerSees.received()];
    await sleep(5000);
    const sent = [call.interviewerPub.sent() - sent0[0]!, call.candidatePub.sent() - sent0[1]!];
    const received = [call.candidateSees.received() - received0[0]!, call.interviewerSees.received() - received0[1]!];
    console.info(
      `[interview] 5 s: interviewer→candidate ${received[0]}/${sent[0]} frames, candidate→interviewer ${received[1]}/${sent[1]}; first frames after ${call.firstFrames.join(' / ')} ms; admit to both first frames ${call.admittedToFramesMs} ms`,
    );
    for (const [i, count] of received.entries()) expect(count).toBeGreaterThanOrEqual(Math.ceil(sent[i]! * 0.9));
    expect(media!.stats(call.roomId)).toMatchObject({ state: 'ready', peers: 2, publishers: 2, subscriptions: 2 });
  });

  it('send-back stops the candidate’s media; their old grant is refused, also after a new admission', async () => {
    const bookingId = await booking();
    const call = await enterCall(bookingId);
    const sentBack = next(call.candidate, 'interview:sent-back');
    const removed = next(call.interviewer, 'media:publisher-removed', (p) => p.peerId === f.userIds.graduate);
    const waitingAgain = next(call.interviewer, 'interview:waiting', (p) => p.candidatePresent);
    await must(call.interviewer, 'interview:send-back', { bookingId });
    expect(await sentBack).toEqual({ bookingId });
    await removed;
    await waitingAgain;
    await sleep(300); // frames already in flight
    const stalled = call.interviewerSees.received();
    const stillFlowing = call.candidateSees.received();
    await sleep(1000);
    expect(call.interviewerSees.received() - stalled).toBe(0);
    // The candidate's media connection to Janus is gone too.
    expect(call.candidateSees.received() - stillFlowing).toBeLessThanOrEqual(2);
    expect(media!.stats(call.roomId)).toMatchObject({ peers: 1, publishers: 1, subscriptions: 0 });

    // Back in the waiting room: the old grant does not open the media room.
    expect(await ask(call.candidate, 'media:join', { grant: call.grant })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const rejoined = await must(call.candidate, 'interview:join', { bookingId });
    expect(rejoined).toMatchObject({ admitted: false, grant: null });
    expect(await ask(call.candidate, 'media:publish', { sdp: 'v=0 not joined' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // Admitted again: the revoked grant stays refused by the media server; the new one works.
    const admitted = next(call.candidate, 'interview:admitted');
    await must(call.interviewer, 'interview:admit', { bookingId });
    const { grant } = await admitted;
    expect(grant).not.toBe(call.grant);
    expect(await ask(call.candidate, 'media:join', { grant: call.grant })).toMatchObject({ ok: false, error: { code: 'forbidden', details: { media: 'grant-revoked' } } });
    expect(await must(call.candidate, 'media:join', { grant })).toEqual({ publishers: [f.userIds.recruiter] });
    const sees = await startSubscriber(signalling(call.candidate), call.roomId, f.userIds.graduate, f.userIds.recruiter);
    peers.push(sees);
    await sees.firstFrame();
  });

  it('refuses a stranger, and a graduate who is not the candidate; the employer’s admin joins the panel', async () => {
    const bookingId = await booking();
    for (const login of [f.logins.caseworker, f.logins.district_organiser]) {
      const stranger = await as(login);
      expect(await ask(stranger, 'interview:join', { bookingId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await ask(stranger, 'interview:admit', { bookingId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    const admin = await as(f.logins.employer_admin);
    expect(await must(admin, 'interview:join', { bookingId })).toMatchObject({ role: 'interviewer', admitted: true });
    // The candidate cannot admit themselves.
    const candidate = await as(f.logins.graduate);
    await must(candidate, 'interview:join', { bookingId });
    expect(await ask(candidate, 'interview:admit', { bookingId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Outside its time the room is shut.
    const later = await booking(2 * 3600_000);
    expect(await ask(admin, 'interview:join', { bookingId: later })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // A session that has ended cannot join, even on a socket opened before.
    const { socket, api } = await connectAs(t.url, f.logins.recruiter, PASSWORD);
    sockets.push(socket as unknown as CallSocket);
    expect((await api.post('/api/v1/auth/logout', {})).status).toBeLessThan(300);
    expect(await ask(socket as unknown as CallSocket, 'interview:join', { bookingId })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('takes at most 8 people: seven interviewers and the candidate', async () => {
    const bookingId = await booking();
    const hash = await hashPassword(PASSWORD);
    const logins = [f.logins.recruiter, f.logins.employer_admin];
    for (let i = 0; i < 6; i++) {
      const phone = `1370000${String(i).padStart(4, '0')}`;
      await insertUser(t.platform.ctx.db, { id: randomUUID(), role: 'recruiter', name: `面试官${i}`, phone, email: null, password_hash: hash, organisation_id: f.orgs.a, region_id: null });
      logins.push(phone);
    }
    const panel = await Promise.all(logins.map((login) => as(login)));
    for (const socket of panel.slice(0, 7)) await must(socket, 'interview:join', { bookingId });
    expect(await ask(panel[7]!, 'interview:join', { bookingId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Joining again from another tab is the same person.
    const again = await as(f.logins.recruiter);
    await must(again, 'interview:join', { bookingId });
    const candidate = await as(f.logins.graduate);
    await must(candidate, 'interview:join', { bookingId });
    await must(panel[0]!, 'interview:admit', { bookingId });
  });

  it('answers bad payloads with ok:false and changes nothing', async () => {
    const bookingId = await booking();
    const interviewer = await as(f.logins.recruiter);
    const bad: [CallEvent, unknown][] = [
      ['interview:join', { bookingId: 'not-a-uuid' }],
      ['interview:join', {}],
      ['interview:join', { bookingId, extra: 1 }],
      ['interview:admit', null],
      ['media:join', { grant: 42 }],
      ['media:publish', { sdp: 5 }],
      ['media:subscribe', {}],
      ['media:answer', { subscriptionId: 'x' }],
      ['media:trickle', { candidate: { candidate: 'x', sdpMLineIndex: -1 } }],
      ['media:leave', { now: true }],
    ];
    for (const [event, payload] of bad) {
      expect(await ask(interviewer, event, payload as never), event).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    }
    expect(media?.dump().rooms ?? 0).toBe(0);
    // Well-formed but out of turn.
    expect(await ask(interviewer, 'media:publish', { sdp: 'v=0 out of turn' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ask(interviewer, 'interview:send-back', { bookingId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const joined = await must(interviewer, 'interview:join', { bookingId });
    expect(await ask(interviewer, 'media:join', { grant: `${joined.grant!.split('.')[0]}.forged` })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(interviewer, 'interview:send-back', { bookingId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('warns one minute before the end and ends the call at the end of the slot', async () => {
    const bookingId = await booking(-30 * 60_000, 30 * 60_000 + 3000);
    const interviewer = await as(f.logins.recruiter);
    const warning = next(interviewer, 'interview:time-warning');
    const ended = next(interviewer, 'interview:ended', () => true, 8000);
    const joined = await must(interviewer, 'interview:join', { bookingId });
    expect(await warning).toEqual({ bookingId, endsAt: joined.endsAt });
    expect(await ended).toEqual({ bookingId, reason: 'time-up' });
    await expect.poll(() => media!.dump().rooms).toBe(0);
    expect(await ask(interviewer, 'interview:join', { bookingId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('pushes media:room-failed within 5 s when Janus dies, then media:room-recovered; both sides rejoin with their grants', async () => {
    const bookingId = await booking();
    const call = await enterCall(bookingId);
    const failed = Promise.all([next(call.interviewer, 'media:room-failed', () => true, 5000), next(call.candidate, 'media:room-failed', () => true, 5000)]);
    const recovered = Promise.all([next(call.interviewer, 'media:room-recovered', () => true, 20_000), next(call.candidate, 'media:room-recovered', () => true, 20_000)]);
    const killedAt = Date.now();
    process.kill(janus.pid()!, 'SIGKILL');
    await failed;
    const failedAfterMs = Date.now() - killedAt;
    for (const peer of peers.splice(0)) peer.close();
    await recovered;
    const recoveredAfterMs = Date.now() - killedAt;

    // The interviewer rejoins with the grant from interview:join, the candidate with the one from interview:admitted.
    const panel = await must(call.interviewer, 'interview:join', { bookingId });
    await must(call.interviewer, 'media:join', { grant: panel.grant! });
    await must(call.candidate, 'media:join', { grant: call.grant });
    const live = publisherLive(media!, call.roomId, f.userIds.recruiter);
    peers.push(await startPublisher(signalling(call.interviewer), call.roomId, f.userIds.recruiter));
    await live;
    const sees = await startSubscriber(signalling(call.candidate), call.roomId, f.userIds.graduate, f.userIds.recruiter);
    peers.push(sees);
    const firstFrameMs = await sees.firstFrame();
    console.info(`[interview] kill -9: room-failed pushed after ${failedAfterMs} ms, room-recovered after ${recoveredAfterMs} ms; first frame after rejoin ${firstFrameMs} ms`);
    expect(failedAfterMs).toBeLessThan(5000);
  });
});
