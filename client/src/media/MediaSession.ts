import type { TIceServer, TInterviewCallRole, TInterviewPerson } from '@yunpin/shared';
import { ApiError } from '../lib/api-error';
import { callRequest, mediaCodeOf, type TInterviewSocket } from './interview-socket';
import { readCounters, sampleOf, type TQualitySample, type TStatsCounters } from './network-quality';

/**
 * One person's side of an interview call, over the session's socket: the waiting room, publishing the
 * local camera and microphone, a subscription per other publisher, mute, camera switch, screen share,
 * rejoining after the media server recovers, and a network quality grade. No React in here: a page
 * reads `snapshot()` through `subscribe()` (useSyncExternalStore).
 */

export type TCallPhase = 'connecting' | 'waiting' | 'in-call' | 'reconnecting' | 'failed' | 'ended';

export interface TRemoteMedia {
  peerId: string;
  stream: MediaStream;
}

export interface TMediaSessionState {
  phase: TCallPhase;
  role: TInterviewCallRole | null;
  startsAt: string | null;
  endsAt: string | null;
  /** One minute left (the server said so). */
  isEndingSoon: boolean;
  /** Interviewers: the candidate is in the waiting room. */
  candidateWaiting: boolean;
  candidateName: string | null;
  people: TInterviewPerson[];
  remote: TRemoteMedia[];
  isMuted: boolean;
  isCameraOff: boolean;
  isSharingScreen: boolean;
  quality: TQualitySample | null;
  /** Times this side entered the media room (1 after admission; more after recoveries and reconnections). */
  mediaJoins: number;
  /** Why the call failed: an error code (`unavailable`, `forbidden`, `network_error`, …). */
  error: { code: string; message: string } | null;
}

export interface MediaSessionOptions {
  socket: TInterviewSocket;
  bookingId: string;
  /** Camera and microphone; may have no tracks (then this side only watches). */
  localStream: MediaStream;
  /** How often the quality grade is refreshed, ms. */
  qualityIntervalMs?: number;
  /** getDisplayMedia, replaceable in tests. */
  getDisplayMedia?: () => Promise<MediaStream>;
  getCamera?: (deviceId: string) => Promise<MediaStream>;
}

interface Subscription {
  subscriptionId: string | null;
  pc: RTCPeerConnection;
  stream: MediaStream;
}

const GATHERING_TIMEOUT_MS = 2000;
const DEFAULT_QUALITY_INTERVAL_MS = 2000;

const errorOf = (error: unknown) =>
  error instanceof ApiError ? { code: error.code, message: error.message } : { code: 'media_error', message: error instanceof Error ? error.message : String(error) };

function gatheringComplete(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, GATHERING_TIMEOUT_MS);
    function done() {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    }
    function check() {
      if (pc.iceGatheringState === 'complete') done();
    }
    pc.addEventListener('icegatheringstatechange', check);
  });
}

const toCandidate = (candidate: RTCIceCandidate | null) =>
  candidate ? { candidate: candidate.candidate, sdpMid: candidate.sdpMid ?? null, sdpMLineIndex: candidate.sdpMLineIndex ?? null } : null;

export class MediaSession {
  readonly #socket: TInterviewSocket;
  readonly #bookingId: string;
  readonly #local: MediaStream;
  readonly #options: MediaSessionOptions;
  readonly #listeners = new Set<() => void>();
  readonly #subscriptions = new Map<string, Subscription>();
  readonly #off: (() => void)[] = [];
  #state: TMediaSessionState;
  #grant: string | null = null;
  #iceServers: TIceServer[] = [];
  #publisher: RTCPeerConnection | null = null;
  #cameraTrack: MediaStreamTrack | null = null;
  #screenTrack: MediaStreamTrack | null = null;
  #qualityTimer: ReturnType<typeof setInterval> | undefined;
  #lastCounters: TStatsCounters | null = null;
  /** Bumped whenever the media is torn down: work started for an older generation stops. */
  #generation = 0;
  #isClosed = false;
  #isJoining = false;

  constructor(options: MediaSessionOptions) {
    this.#options = options;
    this.#socket = options.socket;
    this.#bookingId = options.bookingId;
    this.#local = options.localStream;
    this.#cameraTrack = this.#local.getVideoTracks()[0] ?? null;
    this.#state = {
      phase: 'connecting',
      role: null,
      startsAt: null,
      endsAt: null,
      isEndingSoon: false,
      candidateWaiting: false,
      candidateName: null,
      people: [],
      remote: [],
      isMuted: false,
      isCameraOff: false,
      isSharingScreen: false,
      quality: null,
      mediaJoins: 0,
      error: null,
    };
  }

  get localStream(): MediaStream {
    return this.#local;
  }

  /** For useSyncExternalStore: the same object until something changes. */
  snapshot = (): TMediaSessionState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Enters the call (or its waiting room) and follows the server's events until `leave()`. */
  async start(): Promise<void> {
    this.#listen();
    this.#qualityTimer = setInterval(() => void this.#measure(), this.#options.qualityIntervalMs ?? DEFAULT_QUALITY_INTERVAL_MS);
    await this.#join();
  }

  async admit(): Promise<void> {
    await callRequest(this.#socket, 'interview:admit', { bookingId: this.#bookingId });
  }

  async sendBack(): Promise<void> {
    await callRequest(this.#socket, 'interview:send-back', { bookingId: this.#bookingId });
  }

  setMuted(isMuted: boolean): void {
    for (const track of this.#local.getAudioTracks()) track.enabled = !isMuted;
    this.#set({ isMuted });
  }

  setCameraOff(isCameraOff: boolean): void {
    if (this.#cameraTrack) this.#cameraTrack.enabled = !isCameraOff;
    this.#set({ isCameraOff });
  }

  /** Switches to another camera without renegotiating (replaceTrack). */
  async switchCamera(deviceId: string): Promise<void> {
    const getCamera = this.#options.getCamera ?? ((id: string) => navigator.mediaDevices.getUserMedia({ video: { deviceId: { exact: id } } }));
    const track = (await getCamera(deviceId)).getVideoTracks()[0];
    if (!track) throw new Error('no camera track');
    const old = this.#cameraTrack;
    track.enabled = !this.#state.isCameraOff;
    this.#cameraTrack = track;
    if (old) this.#local.removeTrack(old);
    this.#local.addTrack(track);
    if (!this.#screenTrack) await this.#videoSender()?.replaceTrack(track);
    old?.stop();
    this.#emit();
  }

  /** Sends the screen instead of the camera until `stopScreenShare()` or the browser's own stop button. */
  async startScreenShare(): Promise<void> {
    if (this.#screenTrack) return;
    const getDisplay = this.#options.getDisplayMedia ?? (() => navigator.mediaDevices.getDisplayMedia({ video: true }));
    const track = (await getDisplay()).getVideoTracks()[0];
    if (!track) throw new Error('no screen track');
    this.#screenTrack = track;
    track.addEventListener('ended', () => void this.stopScreenShare());
    await this.#videoSender()?.replaceTrack(track);
    this.#set({ isSharingScreen: true });
  }

  async stopScreenShare(): Promise<void> {
    const track = this.#screenTrack;
    if (!track) return;
    this.#screenTrack = null;
    await this.#videoSender()?.replaceTrack(this.#cameraTrack);
    track.stop();
    this.#set({ isSharingScreen: false });
  }

  /** Leaves the call; the local stream stays with its owner. */
  async leave(): Promise<void> {
    if (this.#isClosed) return;
    this.#isClosed = true;
    clearInterval(this.#qualityTimer);
    for (const off of this.#off.splice(0)) off();
    this.#closeMedia();
    this.#screenTrack?.stop();
    if (this.#socket.connected) await callRequest(this.#socket, 'interview:leave', { bookingId: this.#bookingId }).catch(() => undefined);
    this.#listeners.clear();
  }

  /** The connections in use, for stats (tests read framesDecoded from them). */
  connections(): RTCPeerConnection[] {
    return [...(this.#publisher ? [this.#publisher] : []), ...[...this.#subscriptions.values()].map((s) => s.pc)];
  }

  #set(patch: Partial<TMediaSessionState>): void {
    this.#state = { ...this.#state, ...patch };
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }

  #fail(error: unknown): void {
    if (this.#isClosed) return;
    this.#closeMedia();
    this.#set({ phase: 'failed', error: errorOf(error) });
  }

  /** Listens until `leave()`; the payload types are those of InterviewServerToClientEvents. */
  #on<P>(event: string, listener: (payload: P) => void): void {
    const host = this.#socket as unknown as { on(e: string, l: (p: P) => void): void; off(e: string, l: (p: P) => void): void };
    host.on(event, listener);
    this.#off.push(() => host.off(event, listener));
  }

  #listen(): void {
    const mine = (payload: { bookingId?: string }) => payload.bookingId === undefined || payload.bookingId === this.#bookingId;
    this.#on('interview:waiting', (p: { bookingId: string; candidatePresent: boolean; candidateName: string | null }) => {
      if (mine(p)) this.#set({ candidateWaiting: p.candidatePresent, candidateName: p.candidateName });
    });
    this.#on('interview:people', (p: { bookingId: string; people: TInterviewPerson[] }) => {
      if (mine(p)) this.#set({ people: p.people });
    });
    this.#on('interview:admitted', (p: { bookingId: string; grant: string }) => {
      if (!mine(p)) return;
      this.#grant = p.grant;
      void this.#enterMedia().catch((error: unknown) => this.#fail(error));
    });
    this.#on('interview:sent-back', (p: { bookingId: string }) => {
      if (!mine(p)) return;
      this.#grant = null;
      this.#closeMedia();
      this.#set({ phase: 'waiting', people: [] });
    });
    this.#on('interview:time-warning', (p: { bookingId: string }) => {
      if (mine(p)) this.#set({ isEndingSoon: true });
    });
    this.#on('interview:ended', (p: { bookingId: string }) => {
      if (!mine(p)) return;
      this.#closeMedia();
      this.#set({ phase: 'ended' });
    });
    this.#on('media:publisher-added', (p: { bookingId: string; peerId: string }) => {
      if (mine(p) && this.#state.phase === 'in-call') void this.#subscribeTo(p.peerId, this.#generation);
    });
    this.#on('media:publisher-removed', (p: { bookingId: string; peerId: string }) => {
      if (mine(p)) this.#dropSubscription(p.peerId);
    });
    this.#on('media:room-failed', (p: { bookingId: string }) => {
      if (!mine(p)) return;
      this.#closeMedia();
      this.#set({ phase: 'reconnecting' });
    });
    this.#on('media:room-recovered', (p: { bookingId: string }) => {
      if (mine(p)) void this.#enterMedia().catch((error: unknown) => this.#fail(error));
    });
    // A new socket connection knows nothing of the call: enter again.
    this.#on('connect', () => {
      // A join still waiting for its answer goes out on this connection anyway.
      if (this.#state.phase === 'ended' || this.#isJoining) return;
      this.#closeMedia();
      this.#set({ phase: 'reconnecting' });
      void this.#join();
    });
  }

  async #join(): Promise<void> {
    this.#isJoining = true;
    try {
      const joined = await callRequest(this.#socket, 'interview:join', { bookingId: this.#bookingId });
      this.#iceServers = joined.iceServers;
      this.#grant = joined.grant;
      this.#set({
        role: joined.role,
        startsAt: joined.startsAt,
        endsAt: joined.endsAt,
        candidateWaiting: joined.candidateWaiting,
        people: joined.people,
        phase: joined.admitted ? this.#state.phase : 'waiting',
        error: null,
      });
      this.#isJoining = false;
      if (joined.admitted) await this.#enterMedia();
    } catch (error) {
      this.#fail(error);
    } finally {
      this.#isJoining = false;
    }
  }

  /** Joins the media room with the grant, publishes, and subscribes to everyone publishing. */
  async #enterMedia(): Promise<void> {
    if (this.#isClosed) return;
    this.#closeMedia();
    const generation = this.#generation;
    let publishers: string[];
    try {
      if (!this.#grant) throw new ApiError(403, 'forbidden', 'no grant');
      publishers = (await callRequest(this.#socket, 'media:join', { grant: this.#grant })).publishers;
    } catch (error) {
      // An expired grant (a long wait, or a recovery after a while): ask for a new one.
      const code = mediaCodeOf(error);
      if (code !== 'grant-expired' && code !== 'grant-invalid') throw error;
      const joined = await callRequest(this.#socket, 'interview:join', { bookingId: this.#bookingId });
      if (!joined.grant) {
        this.#set({ phase: 'waiting' });
        return;
      }
      this.#grant = joined.grant;
      publishers = (await callRequest(this.#socket, 'media:join', { grant: joined.grant })).publishers;
    }
    if (generation !== this.#generation) return;
    this.#set({ phase: 'in-call', error: null, mediaJoins: this.#state.mediaJoins + 1 });
    await this.#publish(generation);
    await Promise.all(publishers.map((peerId) => this.#subscribeTo(peerId, generation)));
  }

  async #publish(generation: number): Promise<void> {
    const tracks = this.#local.getTracks();
    if (tracks.length === 0) return;
    const pc = new RTCPeerConnection({ iceServers: this.#iceServers });
    this.#publisher = pc;
    for (const track of this.#local.getAudioTracks()) pc.addTransceiver(track, { direction: 'sendonly', streams: [this.#local] });
    const video = this.#screenTrack ?? this.#cameraTrack;
    if (video) pc.addTransceiver(video, { direction: 'sendonly', streams: [this.#local] });
    let isAnswered = false;
    pc.addEventListener('icecandidate', ({ candidate }) => {
      // Candidates found after the offer went out (slow interfaces) follow it.
      if (isAnswered && generation === this.#generation) void callRequest(this.#socket, 'media:trickle', { candidate: toCandidate(candidate) }).catch(() => undefined);
    });
    await pc.setLocalDescription(await pc.createOffer());
    await gatheringComplete(pc);
    if (generation !== this.#generation) return;
    const { sdp } = await callRequest(this.#socket, 'media:publish', { sdp: pc.localDescription!.sdp });
    if (generation !== this.#generation) return;
    await pc.setRemoteDescription({ type: 'answer', sdp });
    isAnswered = true;
  }

  async #subscribeTo(peerId: string, generation: number): Promise<void> {
    if (this.#subscriptions.has(peerId) || generation !== this.#generation) return;
    const pc = new RTCPeerConnection({ iceServers: this.#iceServers });
    const entry: Subscription = { subscriptionId: null, pc, stream: new MediaStream() };
    this.#subscriptions.set(peerId, entry);
    pc.addEventListener('track', ({ track }) => {
      entry.stream.addTrack(track);
      this.#publishRemote();
    });
    const pending: (RTCIceCandidate | null)[] = [];
    pc.addEventListener('icecandidate', ({ candidate }) => {
      if (entry.subscriptionId) void this.#trickle(entry.subscriptionId, candidate);
      else pending.push(candidate);
    });
    try {
      const offer = await callRequest(this.#socket, 'media:subscribe', { publisherPeerId: peerId });
      if (this.#subscriptions.get(peerId) !== entry) return;
      await pc.setRemoteDescription({ type: 'offer', sdp: offer.sdp });
      await pc.setLocalDescription(await pc.createAnswer());
      await callRequest(this.#socket, 'media:answer', { subscriptionId: offer.subscriptionId, sdp: pc.localDescription!.sdp });
      entry.subscriptionId = offer.subscriptionId;
      for (const candidate of pending.splice(0)) await this.#trickle(offer.subscriptionId, candidate);
      this.#publishRemote();
    } catch (error) {
      if (this.#subscriptions.get(peerId) === entry) this.#dropSubscription(peerId);
      // A publisher that left meanwhile is not a failure of the call.
      if (!(error instanceof ApiError && error.code === 'not_found')) throw error;
    }
  }

  #trickle(subscriptionId: string, candidate: RTCIceCandidate | null): Promise<void> {
    return callRequest(this.#socket, 'media:trickle', { subscriptionId, candidate: toCandidate(candidate) }).then(
      () => undefined,
      () => undefined,
    );
  }

  #dropSubscription(peerId: string): void {
    const entry = this.#subscriptions.get(peerId);
    if (!entry) return;
    this.#subscriptions.delete(peerId);
    entry.pc.close();
    this.#publishRemote();
  }

  #publishRemote(): void {
    const remote = [...this.#subscriptions.entries()].filter(([, s]) => s.stream.getTracks().length > 0).map(([peerId, s]) => ({ peerId, stream: s.stream }));
    this.#set({ remote });
  }

  #videoSender(): RTCRtpSender | undefined {
    return this.#publisher?.getTransceivers().find((transceiver) => transceiver.receiver.track.kind === 'video')?.sender;
  }

  /** Closes every connection of this side; the server is told separately (or already knows). */
  #closeMedia(): void {
    this.#generation += 1;
    this.#publisher?.close();
    this.#publisher = null;
    for (const entry of this.#subscriptions.values()) entry.pc.close();
    this.#subscriptions.clear();
    this.#lastCounters = null;
    if (this.#state.remote.length || this.#state.quality) this.#set({ remote: [], quality: null });
  }

  async #measure(): Promise<void> {
    const connections = this.connections();
    if (connections.length === 0 || this.#state.phase !== 'in-call') return;
    try {
      const counters = await readCounters(connections);
      const quality = sampleOf(this.#lastCounters, counters, this.#subscriptions.size > 0);
      this.#lastCounters = counters;
      this.#set({ quality });
    } catch {
      // A connection closed while being read: the next round will do.
    }
  }
}
