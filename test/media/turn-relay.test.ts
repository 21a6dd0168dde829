import { randomBytes } from 'node:crypto';
import wrtc from '@roamhq/wrtc';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InterviewClientToServerEvents, TAck, TIceServer } from '@yunpin/shared';
import { createLogger } from '../../server/src/logger.js';
import { GrantAuthority } from '../../server/src/media/grants.js';
import { JanusMediaServer } from '../../server/src/media/janus/JanusMediaServer.js';
import type { MediaServer } from '../../server/src/media/media-server.js';
import { turnCredentials } from '../../server/src/media/turn-credentials.js';
import { startJanus, type JanusProcess } from '../../server/src/services/janus-launcher.js';
import { mustVideo, nextVideo, roomSignalling, startConversation } from '../support/booth-video.js';
import { startCoturn, type TestTurnServer } from '../support/coturn.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { insertTestApplication, insertTestBooking, insertTestJob } from '../support/job-fixtures.js';
import { createLiveFair, type LiveFixtures } from '../support/live-fixtures.js';
import { sleep } from '../support/media-peers.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { connectAs, must, type TestSocket } from '../support/sockets.js';

type InterviewEvent = keyof InterviewClientToServerEvents;
type InterviewData<E extends InterviewEvent> = Parameters<Parameters<InterviewClientToServerEvents[E]>[1]>[0] extends TAck<infer D> ? D : never;

/** Sends an interview request on the same socket; an error ack throws. */
async function mustInterview<E extends InterviewEvent>(socket: TestSocket, event: E, payload: Parameters<InterviewClientToServerEvents[E]>[0]): Promise<InterviewData<E>> {
  const timed = socket.timeout(15_000);
  const ack = await (timed.emitWithAck as (e: string, p: unknown) => Promise<TAck<InterviewData<E>>>).call(timed, event, payload);
  if (!ack.ok) throw new Error(`${event} failed: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/*
 * Relay-only wrtc peers: every packet goes through coturn to Janus. wrtc's type declarations lean on the DOM
 * library, which the test project does not load, so the members used here are declared below.
 */
interface CandidateLike {
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
}
interface TrackLike {
  kind: string;
  stop(): void;
}
interface StatsLike {
  type: string;
  [field: string]: unknown;
}
interface RelayPeerConnection {
  iceGatheringState: string;
  connectionState: string;
  localDescription: { type: string; sdp: string } | null;
  onicecandidate: ((event: { candidate: CandidateLike | null }) => void) | null;
  onicegatheringstatechange: (() => void) | null;
  ontrack: ((event: { track: TrackLike }) => void) | null;
  addTransceiver(track: TrackLike, init: { direction: 'sendonly' }): unknown;
  createOffer(): Promise<{ type: string; sdp: string }>;
  createAnswer(): Promise<{ type: string; sdp: string }>;
  setLocalDescription(description: { type: string; sdp: string }): Promise<void>;
  setRemoteDescription(description: { type: 'offer' | 'answer'; sdp: string }): Promise<void>;
  getStats(): Promise<Map<string, StatsLike>>;
  close(): void;
}
// Why the casts: see the note above.
const RTCPeerConnection = wrtc.RTCPeerConnection as unknown as new (config: { iceServers: TIceServer[]; iceTransportPolicy: 'relay' }) => RelayPeerConnection;
const RTCVideoSource = wrtc.nonstandard.RTCVideoSource as unknown as new () => { createTrack(): TrackLike; onFrame(frame: { width: number; height: number; data: Uint8Array }): void };
const RTCVideoSink = wrtc.nonstandard.RTCVideoSink as unknown as new (track: TrackLike) => { onframe: (() => void) | null; stop(): void };

const WIDTH = 320;
const HEIGHT = 240;

/** Gathers until complete (or 5 s) and returns the candidates found. */
async function gather(pc: RelayPeerConnection): Promise<CandidateLike[]> {
  const found: CandidateLike[] = [];
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 5000);
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) found.push({ candidate: candidate.candidate, sdpMid: candidate.sdpMid ?? null, sdpMLineIndex: candidate.sdpMLineIndex ?? null });
    };
    pc.onicegatheringstatechange = () => {
      if (pc.iceGatheringState !== 'complete') return;
      clearTimeout(timer);
      resolve();
    };
  });
  return found;
}

/** The local candidate type of the selected (succeeded) candidate pair: `relay` when coturn carries the media. */
async function selectedCandidateType(pc: RelayPeerConnection): Promise<string | undefined> {
  const stats = await pc.getStats();
  const pair = [...stats.values()].find((s) => s.type === 'candidate-pair' && s.state === 'succeeded' && (s.nominated === true || s.selected === true)) ?? [...stats.values()].find((s) => s.type === 'candidate-pair' && s.state === 'succeeded');
  const local = pair ? stats.get(String(pair.localCandidateId)) : undefined;
  return local ? String(local.candidateType) : undefined;
}

/** Publishes generated frames through the relay only; all candidates go in the offer. */
async function relayPublisher(signalling: MediaServer, roomId: string, peerId: string, iceServers: TIceServer[]) {
  const pc = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
  const source = new RTCVideoSource();
  const track = source.createTrack();
  pc.addTransceiver(track, { direction: 'sendonly' });
  let sent = 0;
  const frame = new Uint8Array(WIDTH * HEIGHT * 1.5);
  const timer = setInterval(() => {
    frame.fill(128);
    const bar = (sent * 8) % WIDTH;
    for (let y = 0; y < HEIGHT; y++) frame.fill(235, y * WIDTH + bar, y * WIDTH + Math.min(bar + 16, WIDTH));
    source.onFrame({ width: WIDTH, height: HEIGHT, data: frame });
    sent += 1;
  }, 1000 / 30);
  const close = () => {
    clearInterval(timer);
    track.stop();
    pc.close();
  };
  await pc.setLocalDescription(await pc.createOffer());
  const candidates = await gather(pc);
  const answer = await signalling.publish(roomId, peerId, { type: 'offer', sdp: pc.localDescription!.sdp });
  await pc.setRemoteDescription(answer);
  return { pc, candidates, sent: () => sent, close };
}

/** Subscribes through the relay only and counts decoded frames. */
async function relaySubscriber(signalling: MediaServer, roomId: string, peerId: string, publisherPeerId: string, iceServers: TIceServer[]) {
  const subscription = await signalling.subscribe(roomId, peerId, publisherPeerId);
  const pc = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
  let received = 0;
  let sink: { stop(): void; onframe: (() => void) | null } | undefined;
  pc.ontrack = ({ track }) => {
    if (track.kind !== 'video') return;
    sink = new RTCVideoSink(track);
    sink.onframe = () => (received += 1);
  };
  await pc.setRemoteDescription(subscription.offer);
  await pc.setLocalDescription(await pc.createAnswer());
  const candidates = await gather(pc);
  await signalling.startSubscription(roomId, peerId, subscription.subscriptionId, { type: 'answer', sdp: pc.localDescription!.sdp });
  for (const candidate of candidates) await signalling.trickle(roomId, peerId, { kind: 'subscription', subscriptionId: subscription.subscriptionId }, candidate);
  await signalling.trickle(roomId, peerId, { kind: 'subscription', subscriptionId: subscription.subscriptionId }, null);
  return {
    pc,
    candidates,
    received: () => received,
    close() {
      sink?.stop();
      pc.close();
    },
  };
}

const isRelay = (candidate: CandidateLike) => / typ relay /.test(candidate.candidate);

/**
 * TURN with real networks' rules: coturn with `--use-auth-secret`, credentials issued by our code with the
 * grant, and wrtc peers that may only use relayed candidates (`iceTransportPolicy: 'relay'`), so the media
 * reaches Janus through coturn or not at all.
 */
describe('TURN: coturn relays media to Janus with the credentials issued with the grant', () => {
  let turn: TestTurnServer;
  let janus: JanusProcess;
  let media: JanusMediaServer | undefined;
  let t: TestPlatform;
  let f: Fixtures;
  let live: LiveFixtures;
  const sockets: TestSocket[] = [];
  const closers: (() => void)[] = [];

  async function as(login: string): Promise<TestSocket> {
    const { socket } = await connectAs(t.url, login, PASSWORD);
    sockets.push(socket);
    return socket;
  }

  beforeAll(async () => {
    const logger = createLogger('silent');
    turn = await startCoturn();
    janus = await startJanus(logger, { restartOnExit: false });
    const turnConfig = { urls: [turn.url], secret: turn.secret };
    t = await startTestPlatform({
      media: async () => {
        media = await JanusMediaServer.create({ url: janus.url, adminKey: janus.adminKey, grants: new GrantAuthority(randomBytes(32)), logger, emptyRoomGraceMs: 300 });
        return { media, close: () => media!.close() };
      },
      socket: { boothVideo: { turn: turnConfig }, interviews: { turn: turnConfig } },
    });
    f = await createFixtures(t.platform.ctx.db);
    live = await createLiveFair(t.platform.ctx.db, f, { graduateCount: 2 });
  });

  afterEach(() => {
    for (const close of closers.splice(0)) close();
    for (const socket of sockets.splice(0)) socket.close();
  });

  afterAll(async () => {
    await t?.close();
    await janus?.stop();
    await turn?.stop();
  });

  it('conversation video: both sides relay-only through coturn to Janus, frames decoded; a wrong or expired credential gets no relay', async () => {
    const recruiter = await as(live.logins.recruiterA);
    const candidate = await as(live.graduates[0]!.login);
    const conversation = await startConversation(live, recruiter, candidate);
    await must(recruiter, 'conversation:invite-video', { conversationId: conversation.id });
    await must(candidate, 'conversation:answer-video', { conversationId: conversation.id, accept: true });
    const recruiterEntry = await mustVideo(recruiter, 'video:join', { conversationId: conversation.id });
    const graduateEntry = await mustVideo(candidate, 'video:join', { conversationId: conversation.id });

    // TURN REST credentials for this peer, expiring with the grant.
    const [server] = recruiterEntry.iceServers;
    expect(recruiterEntry.iceServers).toHaveLength(1);
    expect(server!.urls).toEqual([turn.url]);
    const [expiry, peerId] = server!.username!.split(':');
    expect(peerId).toBe(live.staff.recruiterA);
    expect(Number(expiry)).toBe(Math.floor(Date.parse(recruiterEntry.expiresAt) / 1000));
    expect(server!.credential).toBe(turnCredentials({ urls: [turn.url], secret: turn.secret }, live.staff.recruiterA, Date.parse(recruiterEntry.expiresAt)).credential);
    expect(graduateEntry.iceServers[0]!.username).toMatch(new RegExp(`^\\d+:${live.graduates[0]!.id}$`));

    const { roomId } = recruiterEntry;
    await mustVideo(recruiter, 'room-media:join', { roomId, grant: recruiterEntry.grant });
    await mustVideo(candidate, 'room-media:join', { roomId, grant: graduateEntry.grant });
    const up = nextVideo(candidate, 'room-media:publisher-added');
    const publisher = await relayPublisher(roomSignalling(recruiter, roomId), roomId, live.staff.recruiterA, recruiterEntry.iceServers);
    closers.push(publisher.close);
    expect(publisher.candidates.length).toBeGreaterThan(0);
    expect(publisher.candidates.every(isRelay)).toBe(true);
    await up;
    const subscriber = await relaySubscriber(roomSignalling(candidate, roomId), roomId, live.graduates[0]!.id, live.staff.recruiterA, graduateEntry.iceServers);
    closers.push(subscriber.close);
    expect(subscriber.candidates.every(isRelay)).toBe(true);
    await expect.poll(() => subscriber.received(), { timeout: 10_000, interval: 100 }).toBeGreaterThan(0);
    const sent0 = publisher.sent();
    const received0 = subscriber.received();
    await sleep(3000);
    const sent = publisher.sent() - sent0;
    const received = subscriber.received() - received0;
    const [publisherPath, subscriberPath] = await Promise.all([selectedCandidateType(publisher.pc), selectedCandidateType(subscriber.pc)]);
    console.info(`[turn] relay-only: ${received}/${sent} frames in 3 s; selected local candidates: publisher ${publisherPath}, subscriber ${subscriberPath}`);
    expect(received).toBeGreaterThanOrEqual(Math.ceil(sent * 0.9));
    expect([publisherPath, subscriberPath]).toEqual(['relay', 'relay']);

    // A wrong credential, or one past its expiry, allocates nothing at coturn: no relayed candidate at all.
    const wrong = new RTCPeerConnection({ iceServers: [{ ...server!, credential: randomBytes(20).toString('base64') }], iceTransportPolicy: 'relay' });
    const expired = new RTCPeerConnection({ iceServers: [turnCredentials({ urls: [turn.url], secret: turn.secret }, live.staff.recruiterA, Date.now() - 60_000)], iceTransportPolicy: 'relay' });
    closers.push(() => wrong.close(), () => expired.close());
    for (const pc of [wrong, expired]) {
      const source = new RTCVideoSource();
      pc.addTransceiver(source.createTrack(), { direction: 'sendonly' });
      await pc.setLocalDescription(await pc.createOffer());
    }
    const [wrongCandidates, expiredCandidates] = await Promise.all([gather(wrong), gather(expired)]);
    expect(wrongCandidates.filter(isRelay)).toEqual([]);
    expect(expiredCandidates.filter(isRelay)).toEqual([]);
    await must(recruiter, 'conversation:end', { conversationId: conversation.id });
  });

  it('interview grants and presentation seats carry TURN credentials too', async () => {
    const db = t.platform.ctx.db;
    const job = await insertTestJob(db, { organisationId: f.orgs.a, townId: f.towns.a });
    const bookingId = await insertTestBooking(db, job, await insertTestApplication(db, job, f.graduates.a), f.userIds.recruiter);
    const { slot_id } = await db.selectFrom('interview_bookings').select('slot_id').where('id', '=', bookingId).executeTakeFirstOrThrow();
    await db.updateTable('interview_slots').set({ starts_at: new Date(Date.now() - 60_000), ends_at: new Date(Date.now() + 30 * 60_000) }).where('id', '=', slot_id).execute();
    const interviewer = await as(f.logins.recruiter);
    const joined = await mustInterview(interviewer, 'interview:join', { bookingId });
    expect(joined.iceServers[0]).toMatchObject({ urls: [turn.url], username: expect.stringMatching(new RegExp(`^\\d+:${f.userIds.recruiter}$`)), credential: expect.any(String) });
    await mustInterview(interviewer, 'interview:leave', { bookingId });


    const recruiter = await as(live.logins.recruiterA);
    const viewer = await as(live.graduates[1]!.login);
    await must(recruiter, 'console:open', { boothId: live.booths.a });
    const stage = await mustVideo(recruiter, 'presentation:start', { boothId: live.booths.a, source: 'camera' });
    const seat = await mustVideo(viewer, 'presentation:watch', { boothId: live.booths.a });
    expect(stage.iceServers[0]).toMatchObject({ urls: [turn.url], username: expect.stringMatching(new RegExp(`:${live.staff.recruiterA}$`)) });
    expect(seat.iceServers[0]).toMatchObject({ urls: [turn.url], username: expect.stringMatching(new RegExp(`:${live.graduates[1]!.id}$`)) });
    await mustVideo(recruiter, 'presentation:stop', { boothId: live.booths.a });
  });
});
