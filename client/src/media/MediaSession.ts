import type { TIceServer, TInterviewCallRole, TInterviewPerson } from '@yunpin/shared';
import { ApiError } from '../lib/api-error';
import type { MediaChannel, TMediaEntryDetails } from './media-channel';
import { readCounters, sampleOf, type TQualitySample, type TStatsCounters } from './network-quality';
import { mediaCodeOf } from './socket-request';

/**
 * One person's side of a media room reached through a MediaChannel (an interview call, a conversation's
 * video, a booth presentation): waiting to be let in, publishing the local camera and microphone (or
 * nothing, to watch only), a subscription per other publisher, mute, camera switch, screen share,
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
  /** Why the call failed: an error code (`unavailable`, `forbidden`, `network_error`, `media_failed`, `removed`, …). */
  error: { code: string; message: string } | null;
}

export interface MediaSessionOptions {
  channel: MediaChannel;
  /** Camera and microphone (or a screen); may have no tracks (then this side only watches). */
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
  readonly #channel: MediaChannel;
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
    this.#channel = options.channel;
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
    await this.#channel.leave().catch(() => undefined);
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

  #listen(): void {
    this.#off.push(
      this.#channel.listen({
        details: (details) => this.#set(this.#detailsPatch(details)),
        admitted: (grant, iceServers) => {
          this.#grant = grant;
          this.#iceServers = iceServers;
          void this.#enterMedia().catch((error: unknown) => this.#fail(error));
        },
        sentBack: () => {
          this.#grant = null;
          this.#closeMedia();
          this.#set({ phase: 'waiting', people: [] });
        },
        endingSoon: () => this.#set({ isEndingSoon: true }),
        publisherAdded: (peerId) => {
          if (this.#state.phase === 'in-call') void this.#subscribeTo(peerId, this.#generation);
        },
        publisherRemoved: (peerId) => this.#dropSubscription(peerId),
        roomFailed: () => {
          this.#closeMedia();
          this.#set({ phase: 'reconnecting' });
        },
        roomRecovered: () => void this.#enterMedia().catch((error: unknown) => this.#fail(error)),
        closed: (reason) => {
          this.#closeMedia();
          if (reason === 'failed') this.#set({ phase: 'failed', error: { code: 'media_failed', message: 'the media connection failed' } });
          else this.#set({ phase: 'ended', ...(reason === 'removed' ? { error: { code: 'removed', message: 'removed from the media room' } } : {}) });
        },
        // A new socket connection knows nothing of this side: enter again.
        reconnected: () => {
          // A join still waiting for its answer goes out on this connection anyway.
          if (this.#state.phase === 'ended' || this.#isJoining) return;
          this.#closeMedia();
          this.#set({ phase: 'reconnecting' });
          void this.#join();
        },
      }),
    );
  }

  #detailsPatch(details: TMediaEntryDetails): Partial<TMediaSessionState> {
    return {
      ...(details.role !== undefined ? { role: details.role } : {}),
      ...(details.startsAt !== undefined ? { startsAt: details.startsAt } : {}),
      ...(details.endsAt !== undefined ? { endsAt: details.endsAt } : {}),
      ...(details.candidateWaiting !== undefined ? { candidateWaiting: details.candidateWaiting } : {}),
      ...(details.candidateName !== undefined ? { candidateName: details.candidateName } : {}),
      ...(details.people !== undefined ? { people: details.people } : {}),
    };
  }

  async #join(): Promise<void> {
    this.#isJoining = true;
    try {
      const entry = await this.#channel.enter();
      this.#iceServers = entry.iceServers;
      this.#grant = entry.grant;
      this.#set({ ...this.#detailsPatch(entry.details ?? {}), phase: entry.grant ? this.#state.phase : 'waiting', error: null });
      this.#isJoining = false;
      if (entry.grant) await this.#enterMedia();
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
      publishers = (await this.#channel.join(this.#grant)).publishers;
    } catch (error) {
      // An expired grant (a long wait, or a recovery after a while): ask for a new one.
      const code = mediaCodeOf(error);
      if (code !== 'grant-expired' && code !== 'grant-invalid') throw error;
      const entry = await this.#channel.enter();
      if (!entry.grant) {
        this.#set({ phase: 'waiting' });
        return;
      }
      this.#grant = entry.grant;
      this.#iceServers = entry.iceServers;
      publishers = (await this.#channel.join(entry.grant)).publishers;
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
      if (isAnswered && generation === this.#generation) void this.#channel.trickle(undefined, toCandidate(candidate)).catch(() => undefined);
    });
    this.#watchIce(pc, generation);
    await pc.setLocalDescription(await pc.createOffer());
    await gatheringComplete(pc);
    if (generation !== this.#generation) return;
    const { sdp } = await this.#channel.publish(pc.localDescription!.sdp);
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
    this.#watchIce(pc, generation);
    const pending: (RTCIceCandidate | null)[] = [];
    pc.addEventListener('icecandidate', ({ candidate }) => {
      if (entry.subscriptionId) void this.#trickle(entry.subscriptionId, candidate);
      else pending.push(candidate);
    });
    try {
      const offer = await this.#channel.subscribe(peerId);
      if (this.#subscriptions.get(peerId) !== entry) return;
      await pc.setRemoteDescription({ type: 'offer', sdp: offer.sdp });
      await pc.setLocalDescription(await pc.createAnswer());
      await this.#channel.answer(offer.subscriptionId, pc.localDescription!.sdp);
      entry.subscriptionId = offer.subscriptionId;
      for (const candidate of pending.splice(0)) await this.#trickle(offer.subscriptionId, candidate);
      this.#publishRemote();
    } catch (error) {
      if (this.#subscriptions.get(peerId) === entry) this.#dropSubscription(peerId);
      // A publisher that left meanwhile is not a failure of the call.
      if (!(error instanceof ApiError && error.code === 'not_found')) throw error;
    }
  }

  /**
   * A connection whose ICE fails: where the feature falls back to text (booth video), the server is told and
   * this side stops; elsewhere the media server's own failure events drive the recovery.
   */
  #watchIce(pc: RTCPeerConnection, generation: number): void {
    const channel = this.#channel;
    if (!channel.reportFailure) return;
    pc.addEventListener('connectionstatechange', () => {
      if (pc.connectionState !== 'failed' || generation !== this.#generation) return;
      void channel.reportFailure?.('ICE connection failed').catch(() => undefined);
      this.#fail(new ApiError(0, 'media_failed', 'ICE connection failed'));
    });
  }

  #trickle(subscriptionId: string, candidate: RTCIceCandidate | null): Promise<void> {
    return this.#channel.trickle(subscriptionId, toCandidate(candidate)).then(
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
