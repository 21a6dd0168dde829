import { randomBytes } from 'node:crypto';
import wrtc from '@roamhq/wrtc';
import type { IceCandidate, MediaServer, SessionDescription } from '../../server/src/media/media-server.js';

/*
 * WebRTC peers in Node (@roamhq/wrtc) driven straight through the MediaServer port: a publisher sends
 * generated I420 frames, a subscriber counts the frames it decodes.
 * wrtc's type declarations lean on the DOM library, which the test project does not load, so the few
 * members used here are declared below.
 */

interface IceCandidateLike {
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
}

interface TrackLike {
  kind: string;
  stop(): void;
}

interface PeerConnectionLike {
  iceGatheringState: string;
  connectionState: string;
  localDescription: { type: string; sdp: string } | null;
  onicecandidate: ((event: { candidate: (IceCandidateLike & { toJSON?: () => IceCandidateLike }) | null }) => void) | null;
  onicegatheringstatechange: (() => void) | null;
  ontrack: ((event: { track: TrackLike }) => void) | null;
  addTransceiver(track: TrackLike, init: { direction: 'sendonly' | 'recvonly' }): unknown;
  createOffer(options?: { iceRestart?: boolean }): Promise<{ type: string; sdp: string }>;
  createAnswer(): Promise<{ type: string; sdp: string }>;
  setLocalDescription(description: { type: string; sdp: string }): Promise<void>;
  setRemoteDescription(description: SessionDescription): Promise<void>;
  /** The standard stats report (a Map of RTCStats by id: outbound-rtp, inbound-rtp, …). */
  getStats(): Promise<Map<string, { type: string; [field: string]: unknown }>>;
  close(): void;
}

interface VideoSourceLike {
  createTrack(): TrackLike;
  onFrame(frame: { width: number; height: number; data: Uint8Array }): void;
}

interface VideoSinkLike {
  onframe: ((event: { frame: { width: number; height: number } }) => void) | null;
  stop(): void;
}

// Why the casts: see the note at the top of this file.
const RTCPeerConnection = wrtc.RTCPeerConnection as unknown as new (config: { iceServers: never[] }) => PeerConnectionLike;
const RTCVideoSource = wrtc.nonstandard.RTCVideoSource as unknown as new () => VideoSourceLike;
const RTCVideoSink = wrtc.nonstandard.RTCVideoSink as unknown as new (track: TrackLike) => VideoSinkLike;

function gatheringComplete(pc: PeerConnectionLike, timeoutMs = 3000): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    pc.onicegatheringstatechange = () => {
      if (pc.iceGatheringState === 'complete') {
        clearTimeout(timer);
        resolve();
      }
    };
  });
}

const description = (pc: PeerConnectionLike): SessionDescription => {
  const local = pc.localDescription;
  if (!local) throw new Error('no local description');
  return { type: local.type as SessionDescription['type'], sdp: local.sdp };
};

export interface TestPublisher {
  readonly pc: PeerConnectionLike;
  /** Frames handed to the encoder so far. */
  sent(): number;
  /** Sends a new offer with an ICE restart through the port and applies the answer. */
  restartIce(): Promise<void>;
  close(): void;
}

export interface PublisherOptions {
  width?: number;
  height?: number;
  fps?: number;
  /**
   * Adds a 96×96 box of changing noise that moves across the picture, so the encoder sends about what a
   * camera does at 320×240 (~450–550 kbps, 50–75 packets/s) instead of the bar alone (~20 kbps, one packet a frame).
   */
  noise?: boolean;
}

/** Joins nothing by itself: `peerId` must have joined `roomId`. Sends frames from now until `close()`. */
export async function startPublisher(media: MediaServer, roomId: string, peerId: string, options: PublisherOptions = {}): Promise<TestPublisher> {
  const width = options.width ?? 320;
  const height = options.height ?? 240;
  const fps = options.fps ?? 30;
  const pc = new RTCPeerConnection({ iceServers: [] });
  const source = new RTCVideoSource();
  const track = source.createTrack();
  pc.addTransceiver(track, { direction: 'sendonly' });
  let sent = 0;
  const frame = new Uint8Array(width * height * 1.5);
  const box = Math.min(96, width, height);
  const noise = options.noise ? Array.from({ length: 8 }, () => new Uint8Array(randomBytes(width * box))) : [];
  const timer = setInterval(() => {
    // A moving bar, so every frame differs from the one before.
    frame.fill(128);
    const bar = (sent * 8) % width;
    for (let y = 0; y < height; y++) frame.fill(235, y * width + bar, y * width + Math.min(bar + 16, width));
    const pattern = noise[sent % 8];
    if (pattern) {
      const x = (sent * 4) % (width - box + 1);
      const top = Math.floor((height - box) / 2);
      for (let y = 0; y < box; y++) frame.set(pattern.subarray(y * width, y * width + box), (top + y) * width + x);
    }
    source.onFrame({ width, height, data: frame });
    sent += 1;
  }, 1000 / fps);
  const close = () => {
    clearInterval(timer);
    track.stop();
    pc.close();
  };
  const negotiate = async (iceRestart: boolean) => {
    await pc.setLocalDescription(await pc.createOffer({ iceRestart }));
    // All candidates in the offer: Janus reads them from the SDP.
    await gatheringComplete(pc);
    const answer = await media.publish(roomId, peerId, description(pc));
    await pc.setRemoteDescription(answer);
  };
  try {
    await negotiate(false);
  } catch (error) {
    close();
    throw error;
  }
  return { pc, sent: () => sent, restartIce: () => negotiate(true), close };
}

export interface TestSubscriber {
  readonly pc: PeerConnectionLike;
  readonly subscriptionId: string;
  /** Frames decoded so far. */
  received(): number;
  /** Resolves at the first decoded frame; rejects after `timeoutMs`. */
  firstFrame(timeoutMs?: number): Promise<number>;
  close(): void;
}

/**
 * A subscriber's side of the signalling after the server's offer: its answer, then its ICE candidates through the port.
 * Candidates found before the answer reached the server wait, then go in order.
 */
export function subscriptionCandidates(media: MediaServer, roomId: string, peerId: string, subscriptionId: string) {
  const pending: (IceCandidate | null)[] = [];
  let isAnswered = false;
  const send = (candidate: IceCandidate | null) => media.trickle(roomId, peerId, { kind: 'subscription', subscriptionId }, candidate).catch(() => undefined);
  return {
    /** A candidate the client found; `null` after the last one. */
    found(candidate: IceCandidate | null): void {
      if (isAnswered) void send(candidate);
      else pending.push(candidate);
    },
    async answer(answer: SessionDescription): Promise<void> {
      await media.startSubscription(roomId, peerId, subscriptionId, answer);
      isAnswered = true;
      for (const candidate of pending.splice(0)) await send(candidate);
    },
  };
}

/** Subscribes `peerId` to `publisherPeerId` and trickles its candidates through the port. */
export async function startSubscriber(media: MediaServer, roomId: string, peerId: string, publisherPeerId: string): Promise<TestSubscriber> {
  const subscription = await media.subscribe(roomId, peerId, publisherPeerId);
  const pc = new RTCPeerConnection({ iceServers: [] });
  const startedAt = Date.now();
  let received = 0;
  let sink: VideoSinkLike | undefined;
  let onFirst: ((ms: number) => void) | undefined;
  const first = new Promise<number>((resolve) => (onFirst = resolve));
  pc.ontrack = ({ track }) => {
    if (track.kind !== 'video') return;
    sink = new RTCVideoSink(track);
    sink.onframe = () => {
      received += 1;
      if (received === 1) onFirst?.(Date.now() - startedAt);
    };
  };
  const candidates = subscriptionCandidates(media, roomId, peerId, subscription.subscriptionId);
  pc.onicecandidate = ({ candidate }) => candidates.found(candidate ? { candidate: candidate.candidate, sdpMid: candidate.sdpMid ?? null, sdpMLineIndex: candidate.sdpMLineIndex ?? null } : null);
  const close = () => {
    sink?.stop();
    pc.close();
  };
  try {
    await pc.setRemoteDescription(subscription.offer);
    await pc.setLocalDescription(await pc.createAnswer());
    await candidates.answer(description(pc));
  } catch (error) {
    close();
    throw error;
  }
  return {
    pc,
    subscriptionId: subscription.subscriptionId,
    received: () => received,
    firstFrame(timeoutMs = 5000) {
      let timer: NodeJS.Timeout | undefined;
      return Promise.race([
        first,
        new Promise<number>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no frame at ${peerId} within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]).finally(() => clearTimeout(timer));
    },
    close,
  };
}

/** Resolves when `media` emits `publisherAdded` for this peer (subscribing earlier is refused). */
export function publisherLive(media: MediaServer, roomId: string, peerId: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      media.off('publisherAdded', listener);
      reject(new Error(`publisher ${peerId} did not come up within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (event: { roomId: string; peerId: string }) => {
      if (event.roomId !== roomId || event.peerId !== peerId) return;
      clearTimeout(timer);
      media.off('publisherAdded', listener);
      resolve();
    };
    media.on('publisherAdded', listener);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
