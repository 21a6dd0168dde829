import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PRESENTATION_MAX_VIEWERS, type TConversation } from '@yunpin/shared';
import { createLogger } from '../../server/src/logger.js';
import { GrantAuthority } from '../../server/src/media/grants.js';
import { JanusMediaServer } from '../../server/src/media/janus/JanusMediaServer.js';
import { startJanus, type JanusProcess } from '../../server/src/services/janus-launcher.js';
import { askVideo, mustVideo, nextVideo, roomSignalling, startConversation } from '../support/booth-video.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { createLiveFair, type LiveFixtures } from '../support/live-fixtures.js';
import { sleep, startPublisher, startSubscriber, type TestPublisher, type TestSubscriber } from '../support/media-peers.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { ask, connectAs, must, next, type TestSocket } from '../support/sockets.js';

/** Frames sent and received over `ms`, from now. */
async function measure(publisher: TestPublisher, subscribers: TestSubscriber[], ms: number): Promise<{ sent: number; received: number[] }> {
  const sent0 = publisher.sent();
  const received0 = subscribers.map((s) => s.received());
  await sleep(ms);
  return { sent: publisher.sent() - sent0, received: subscribers.map((s, i) => s.received() - received0[i]!) };
}

/**
 * Booth video on a real platform, a real Janus and @roamhq/wrtc peers, signalled over Socket.IO exactly as
 * the browser does: a conversation escalated to video, its failure falling back to text, and a booth
 * presentation watched listen-only.
 */
describe('booth video over Socket.IO with a real Janus', () => {
  let janus: JanusProcess;
  let media: JanusMediaServer | undefined;
  let t: TestPlatform;
  let f: Fixtures;
  let live: LiveFixtures;
  const sockets: TestSocket[] = [];
  const peers: (TestPublisher | TestSubscriber)[] = [];

  async function as(login: string): Promise<TestSocket> {
    const { socket } = await connectAs(t.url, login, PASSWORD);
    sockets.push(socket);
    return socket;
  }

  const graduate = (i: number) => live.graduates[i]!;

  /** A conversation with video accepted: recruiter invites, graduate accepts. */
  async function videoConversation(graduateIndex: number) {
    const recruiter = await as(live.logins.recruiterA);
    const candidate = await as(graduate(graduateIndex).login);
    const conversation = await startConversation(live, recruiter, candidate);
    await must(recruiter, 'conversation:invite-video', { conversationId: conversation.id });
    const accepted = await must(candidate, 'conversation:answer-video', { conversationId: conversation.id, accept: true });
    expect(accepted.videoState).toBe('accepted');
    return { recruiter, candidate, conversation };
  }

  /** Both sides in the media room, publishing, each decoding the other. */
  async function videoFlowing(graduateIndex: number) {
    const { recruiter, candidate, conversation } = await videoConversation(graduateIndex);
    const recruiterId = live.staff.recruiterA;
    const graduateId = graduate(graduateIndex).id;
    const recruiterEntry = await mustVideo(recruiter, 'video:join', { conversationId: conversation.id });
    const graduateEntry = await mustVideo(candidate, 'video:join', { conversationId: conversation.id });
    expect(recruiterEntry).toMatchObject({ conversationId: conversation.id, peerId: recruiterId, canPublish: true, iceServers: [] });
    expect(graduateEntry).toMatchObject({ roomId: recruiterEntry.roomId, peerId: graduateId, canPublish: true });
    const roomId = recruiterEntry.roomId;
    expect(roomId).toMatch(/^[A-Za-z0-9_-]{22}$/); // 128 random bits
    // A grant is its holder's only.
    expect(await askVideo(candidate, 'room-media:join', { roomId, grant: recruiterEntry.grant })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(await mustVideo(recruiter, 'room-media:join', { roomId, grant: recruiterEntry.grant })).toEqual({ publishers: [] });
    const recruiterLive = nextVideo(candidate, 'room-media:publisher-added', (p) => p.peerId === recruiterId).catch(() => undefined);
    expect(await mustVideo(candidate, 'room-media:join', { roomId, grant: graduateEntry.grant })).toEqual({ publishers: [] });
    const graduateLive = nextVideo(recruiter, 'room-media:publisher-added', (p) => p.peerId === graduateId);
    const recruiterPub = await startPublisher(roomSignalling(recruiter, roomId), roomId, recruiterId);
    const graduatePub = await startPublisher(roomSignalling(candidate, roomId), roomId, graduateId);
    peers.push(recruiterPub, graduatePub);
    await Promise.all([recruiterLive, graduateLive]);
    const graduateSees = await startSubscriber(roomSignalling(candidate, roomId), roomId, graduateId, recruiterId);
    const recruiterSees = await startSubscriber(roomSignalling(recruiter, roomId), roomId, recruiterId, graduateId);
    peers.push(graduateSees, recruiterSees);
    await Promise.all([graduateSees.firstFrame(), recruiterSees.firstFrame()]);
    return { recruiter, candidate, conversation, roomId, recruiterEntry, graduateEntry, recruiterPub, graduatePub, graduateSees, recruiterSees };
  }

  /** Both sides can still chat in the conversation. */
  async function chatStillWorks(recruiter: TestSocket, candidate: TestSocket, conversationId: string) {
    const heard = next(recruiter, 'conversation:message');
    await must(candidate, 'conversation:send', { conversationId, body: '视频断了，我们继续文字聊吧', clientMessageId: randomUUID() });
    expect((await heard).body).toBe('视频断了，我们继续文字聊吧');
    await must(recruiter, 'conversation:send', { conversationId, body: '好的，请继续。', clientMessageId: randomUUID() });
    const detail = await must(candidate, 'conversation:open', { conversationId });
    expect(detail.conversation.status).toBe('active');
    return detail.conversation;
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
    // The conversation tests' graduates (0–9), then one more than a presentation takes (from 10).
    live = await createLiveFair(t.platform.ctx.db, f, { graduateCount: 10 + PRESENTATION_MAX_VIEWERS + 2, maxChats: 3 });
  });

  afterEach(async () => {
    for (const peer of peers.splice(0)) peer.close();
    for (const socket of sockets.splice(0)) socket.close();
    // Every stage closes when its sockets go.
    await expect.poll(() => media?.dump().rooms ?? 0, { timeout: 10_000 }).toBe(0);
  });

  afterAll(async () => {
    await t?.close();
    await janus?.stop();
  });

  it('recruiter invites, graduate accepts: both decode each other’s video; only the recruiter invites; hang-up goes back to text', async () => {
    // The graduate cannot escalate to video, nor enter a media room before the invitation is accepted.
    const recruiter0 = await as(live.logins.recruiterA);
    const candidate0 = await as(graduate(0).login);
    const early = await startConversation(live, recruiter0, candidate0);
    expect(await ask(candidate0, 'conversation:invite-video', { conversationId: early.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await askVideo(recruiter0, 'video:join', { conversationId: early.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await must(recruiter0, 'conversation:end', { conversationId: early.id });

    const call = await videoFlowing(1);
    const { sent, received } = await measure(call.recruiterPub, [call.graduateSees], 3000);
    const back = await measure(call.graduatePub, [call.recruiterSees], 3000);
    console.info(`[booth video] 3 s each way: recruiter→graduate ${received[0]}/${sent}, graduate→recruiter ${back.received[0]}/${back.sent} frames`);
    expect(received[0]).toBeGreaterThanOrEqual(Math.ceil(sent * 0.9));
    expect(back.received[0]).toBeGreaterThanOrEqual(Math.ceil(back.sent * 0.9));
    expect(media!.stats(call.roomId)).toMatchObject({ state: 'ready', peers: 2, publishers: 2, subscriptions: 2 });

    // Nobody else gets in: another graduate, another employer's recruiter.
    const stranger = await as(graduate(2).login);
    const otherRecruiter = await as(live.logins.recruiterB);
    for (const s of [stranger, otherRecruiter]) {
      expect(await askVideo(s, 'video:join', { conversationId: call.conversation.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await askVideo(s, 'room-media:join', { roomId: call.roomId, grant: call.graduateEntry.grant })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await askVideo(stranger, 'video:join', { conversationId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });

    // The graduate hangs up: both are told, media stops, the chat goes on.
    const closedAtRecruiter = nextVideo(call.recruiter, 'room-media:closed');
    const updated = next(call.recruiter, 'conversation:updated', (c) => c.id === call.conversation.id && c.videoState === 'ended');
    expect(await mustVideo(call.candidate, 'video:hang-up', { conversationId: call.conversation.id })).toBeNull();
    expect(await closedAtRecruiter).toEqual({ roomId: call.roomId, reason: 'ended' });
    await updated;
    await sleep(300);
    const stalled = call.recruiterSees.received();
    await sleep(1000);
    expect(call.recruiterSees.received() - stalled).toBe(0);
    expect((await chatStillWorks(call.recruiter, call.candidate, call.conversation.id)).videoState).toBe('ended');
    // The closed room's grants open nothing.
    expect(await askVideo(call.candidate, 'room-media:join', { roomId: call.roomId, grant: call.graduateEntry.grant })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(media!.join(call.graduateEntry.grant)).rejects.toMatchObject({ code: 'room-not-found' });
    // The recruiter may invite again.
    expect((await must(call.recruiter, 'conversation:invite-video', { conversationId: call.conversation.id })).videoState).toBe('invited');
    await must(call.recruiter, 'conversation:end', { conversationId: call.conversation.id });
  });

  it('a media failure reported by a client ends the video only: state failed, both told, chat goes on', async () => {
    const call = await videoFlowing(3);
    const toldRecruiter = next(call.recruiter, 'conversation:updated', (c) => c.id === call.conversation.id && c.videoState === 'failed');
    const toldGraduate = next(call.candidate, 'conversation:updated', (c) => c.id === call.conversation.id && c.videoState === 'failed');
    const closed = nextVideo(call.recruiter, 'room-media:closed');
    await mustVideo(call.candidate, 'video:report-failure', { conversationId: call.conversation.id, reason: 'ICE connection failed' });
    await Promise.all([toldRecruiter, toldGraduate]);
    expect(await closed).toEqual({ roomId: call.roomId, reason: 'failed' });
    const conversation: TConversation = await chatStillWorks(call.recruiter, call.candidate, call.conversation.id);
    expect(conversation).toMatchObject({ status: 'active', videoState: 'failed' });
    await expect.poll(() => media!.dump().rooms).toBe(0);
    // Video is over until the recruiter invites again.
    expect(await askVideo(call.candidate, 'video:join', { conversationId: call.conversation.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // Invited again, then handed off to a colleague: the room closes, the grants are refused, the chat moves on.
    await must(call.recruiter, 'conversation:invite-video', { conversationId: call.conversation.id });
    await must(call.candidate, 'conversation:answer-video', { conversationId: call.conversation.id, accept: true });
    const again = await mustVideo(call.candidate, 'video:join', { conversationId: call.conversation.id });
    await mustVideo(call.candidate, 'room-media:join', { roomId: again.roomId, grant: again.grant });
    const colleague = await as(live.logins.adminA);
    const closedByHandOff = nextVideo(call.candidate, 'room-media:closed');
    const ended = next(call.candidate, 'conversation:updated', (c) => c.id === call.conversation.id && c.videoState === 'ended');
    await must(call.recruiter, 'conversation:hand-off', { conversationId: call.conversation.id, toRecruiterId: live.staff.adminA });
    expect(await closedByHandOff).toEqual({ roomId: again.roomId, reason: 'ended' });
    expect(await ended).toMatchObject({ recruiterId: live.staff.adminA, status: 'active' });
    // The room is torn down after the closing notice goes out (its grants are refused meanwhile).
    await expect.poll(() => media!.dump().rooms).toBe(0);
    await expect(media!.join(again.grant)).rejects.toMatchObject({ code: 'room-not-found' });
    await must(colleague, 'conversation:end', { conversationId: call.conversation.id });
  });

  it('Janus killed mid-call: the video fails, the conversation stays open and chat goes on; a new invitation works once Janus is back', async () => {
    const call = await videoFlowing(4);
    const toldGraduate = next(call.candidate, 'conversation:updated', (c) => c.id === call.conversation.id && c.videoState === 'failed', 10_000);
    const closed = nextVideo(call.candidate, 'room-media:closed', () => true, 10_000);
    const killedAt = Date.now();
    process.kill(janus.pid()!, 'SIGKILL');
    await toldGraduate;
    expect(await closed).toEqual({ roomId: call.roomId, reason: 'failed' });
    console.info(`[booth video] Janus killed: video state failed after ${Date.now() - killedAt} ms`);
    expect(await chatStillWorks(call.recruiter, call.candidate, call.conversation.id)).toMatchObject({ status: 'active', videoState: 'failed' });
    for (const peer of peers.splice(0)) peer.close();

    // Janus restarts (the launcher supervises it); the recruiter invites again and video flows in a new room.
    await expect.poll(async () => (await media!.health()).isUp, { timeout: 20_000, interval: 200 }).toBe(true);
    await must(call.recruiter, 'conversation:invite-video', { conversationId: call.conversation.id });
    await must(call.candidate, 'conversation:answer-video', { conversationId: call.conversation.id, accept: true });
    const entry = await mustVideo(call.recruiter, 'video:join', { conversationId: call.conversation.id });
    expect(entry.roomId).not.toBe(call.roomId);
    const graduateEntry = await mustVideo(call.candidate, 'video:join', { conversationId: call.conversation.id });
    await mustVideo(call.recruiter, 'room-media:join', { roomId: entry.roomId, grant: entry.grant });
    await mustVideo(call.candidate, 'room-media:join', { roomId: entry.roomId, grant: graduateEntry.grant });
    const up = nextVideo(call.candidate, 'room-media:publisher-added');
    peers.push(await startPublisher(roomSignalling(call.recruiter, entry.roomId), entry.roomId, live.staff.recruiterA));
    await up;
    const sees = await startSubscriber(roomSignalling(call.candidate, entry.roomId), entry.roomId, graduate(4).id, live.staff.recruiterA);
    peers.push(sees);
    await sees.firstFrame();
    // Ending the conversation closes the room.
    const closedAgain = nextVideo(call.candidate, 'room-media:closed');
    await must(call.recruiter, 'conversation:end', { conversationId: call.conversation.id });
    expect(await closedAgain).toEqual({ roomId: entry.roomId, reason: 'ended' });
    await expect.poll(() => media!.dump().rooms).toBe(0);
  });

  it('presentation: the recruiter publishes, viewers watch listen-only, a viewer cannot publish, a removed viewer cannot come back, the 51st is refused', async () => {
    const boothId = live.booths.a;
    const recruiterId = live.staff.recruiterA;
    const recruiter = await as(live.logins.recruiterA);
    const viewers = await Promise.all([10, 11, 12].map((i) => as(graduate(i).login)));

    // Only a representative with the console open presents.
    expect(await askVideo(viewers[0]!, 'presentation:start', { boothId, source: 'camera' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const otherRecruiter = await as(live.logins.recruiterB);
    expect(await askVideo(otherRecruiter, 'presentation:start', { boothId, source: 'camera' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const admin = await as(live.logins.adminA);
    expect(await askVideo(admin, 'presentation:start', { boothId, source: 'camera' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await askVideo(viewers[0]!, 'presentation:watch', { boothId })).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'no_presentation' } } });

    for (const v of viewers) expect(await mustVideo(v, 'presentation:status', { boothId })).toMatchObject({ isLive: false, maxViewers: PRESENTATION_MAX_VIEWERS });
    const heardLive = viewers.map((v) => nextVideo(v, 'presentation:updated', (p) => p.isLive));
    await must(recruiter, 'console:open', { boothId });
    const entry = await mustVideo(recruiter, 'presentation:start', { boothId, source: 'screen' });
    expect(entry).toMatchObject({ peerId: recruiterId, canPublish: true, iceServers: [], presentation: { isLive: true, source: 'screen', presenterName: expect.any(String) } });
    for (const heard of await Promise.all(heardLive)) expect(heard).toMatchObject({ boothId, isLive: true, source: 'screen' });
    const { roomId } = entry;
    await mustVideo(recruiter, 'room-media:join', { roomId, grant: entry.grant });
    const presenter = await startPublisher(roomSignalling(recruiter, roomId), roomId, recruiterId);
    peers.push(presenter);

    const watching = [];
    for (const [i, v] of viewers.entries()) {
      const seat = await mustVideo(v, 'presentation:watch', { boothId });
      expect(seat).toMatchObject({ roomId, peerId: graduate(10 + i).id, canPublish: false });
      await expect.poll(async () => (await mustVideo(v, 'room-media:join', { roomId, grant: seat.grant })).publishers, { timeout: 10_000 }).toEqual([recruiterId]);
      watching.push({ socket: v, seat, sees: await startSubscriber(roomSignalling(v, roomId), roomId, seat.peerId, recruiterId) });
    }
    peers.push(...watching.map((w) => w.sees));
    await Promise.all(watching.map((w) => w.sees.firstFrame()));
    const { sent, received } = await measure(presenter, watching.map((w) => w.sees), 5000);
    console.info(`[presentation] 5 s: ${received.join(' / ')} of ${sent} frames at 3 viewers`);
    for (const count of received) expect(count).toBeGreaterThanOrEqual(Math.ceil(sent * 0.9));
    expect(await mustVideo(recruiter, 'presentation:viewers', { boothId })).toHaveLength(3);

    // A viewer cannot publish: refused by the socket layer, by the media server (no publish right), and by the
    // Janus room itself (one publisher: the presenter), even for a peer whose grant would allow it.
    const viewer = watching[0]!;
    expect(await askVideo(viewer.socket, 'room-media:publish', { roomId, sdp: 'v=0 a viewer offer' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(startPublisher(media!, roomId, viewer.seat.peerId)).rejects.toMatchObject({ code: 'forbidden' });
    const intruderGrant = media!.issueGrant({ roomId, peerId: 'intruder', role: 'host' });
    await expect(media!.join(intruderGrant).then(() => startPublisher(media!, roomId, 'intruder'))).rejects.toMatchObject({ code: 'backend-error' });
    await media!.removePeer(roomId, 'intruder');

    // Removing a viewer: their media stops at once, their old grant is refused, they cannot watch again.
    const removed = watching[2]!;
    const toldRemoved = nextVideo(removed.socket, 'room-media:closed');
    await mustVideo(recruiter, 'presentation:remove-viewer', { boothId, viewerId: removed.seat.peerId });
    expect(await toldRemoved).toEqual({ roomId, reason: 'removed' });
    await sleep(300);
    const stalled = removed.sees.received();
    await sleep(1000);
    expect(removed.sees.received() - stalled).toBe(0);
    expect(await askVideo(removed.socket, 'room-media:join', { roomId, grant: removed.seat.grant })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(media!.join(removed.seat.grant)).rejects.toMatchObject({ code: 'grant-revoked' });
    expect(await askVideo(removed.socket, 'presentation:watch', { boothId })).toMatchObject({ ok: false, error: { code: 'forbidden', details: { reason: 'removed' } } });
    // The others keep watching.
    const after = await measure(presenter, [watching[0]!.sees, watching[1]!.sees], 2000);
    for (const count of after.received) expect(count).toBeGreaterThanOrEqual(Math.ceil(after.sent * 0.9));

    // Fill the presentation to 50 viewers (grants only, no media), then the 51st is refused.
    const more: TestSocket[] = [];
    for (let i = 0; i < PRESENTATION_MAX_VIEWERS - 2; i += 8) {
      more.push(...(await Promise.all(Array.from({ length: Math.min(8, PRESENTATION_MAX_VIEWERS - 2 - i) }, (_, j) => as(graduate(13 + i + j).login)))));
    }
    for (const s of more) await mustVideo(s, 'presentation:watch', { boothId });
    expect(await mustVideo(recruiter, 'presentation:viewers', { boothId })).toHaveLength(PRESENTATION_MAX_VIEWERS);
    const latecomer = await as(graduate(13 + PRESENTATION_MAX_VIEWERS - 2).login);
    expect(await askVideo(latecomer, 'presentation:watch', { boothId })).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'presentation_full', maxViewers: PRESENTATION_MAX_VIEWERS } } });
    // A seat frees when a viewer leaves.
    await mustVideo(more[0]!, 'presentation:leave', { boothId });
    expect(await mustVideo(latecomer, 'presentation:watch', { boothId })).toMatchObject({ canPublish: false });

    // Stopping tells every viewer, and the room goes.
    const stopped = nextVideo(viewer.socket, 'presentation:updated', (p) => !p.isLive);
    const closed = nextVideo(viewer.socket, 'room-media:closed');
    await mustVideo(recruiter, 'presentation:stop', { boothId });
    expect(await stopped).toMatchObject({ boothId, isLive: false, viewers: 0 });
    expect(await closed).toEqual({ roomId, reason: 'ended' });
    await expect.poll(() => media!.dump().rooms).toBe(0);
  });
});
