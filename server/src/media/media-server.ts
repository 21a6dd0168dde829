import type { MediaRight, MediaRole } from './grants.js';
import type { TypedEmitter } from './TypedEmitter.js';

export type { MediaRight, MediaRole } from './grants.js';

/**
 * The media plane's port. Signalling stays SDP offer/answer because browsers speak it; a mediasoup adapter
 * fits behind the same calls by translating SDP to transports, producers and consumers on the server side.
 * Nothing here knows about Socket.IO: the socket layer relays these calls and events.
 */

/** An SDP offer or answer, as `RTCSessionDescriptionInit` carries it. */
export interface SessionDescription {
  type: 'offer' | 'answer';
  sdp: string;
}

/** One ICE candidate from the client, as `RTCIceCandidateInit` carries it. */
export interface IceCandidate {
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
}

/** Which of a peer's connections a trickled candidate belongs to: its publication or one subscription. */
export type MediaTarget = { kind: 'publish' } | { kind: 'subscription'; subscriptionId: string };

export type RoomState = 'ready' | 'failed' | 'closed';

export type PeerCloseReason = 'left' | 'removed' | 'replaced' | 'room-closed' | 'media-failed';

export interface CreateRoomOptions {
  /** Shown in the backend's own tools only. */
  label?: string;
  maxPublishers?: number;
  /** Bitrate cap per publisher, bits per second. */
  bitrate?: number;
  /** Close the room once it has stayed empty for the grace period after its last peer left (default true). */
  closeWhenEmpty?: boolean;
}

export interface MediaRoomInfo {
  /** Unguessable (128 random bits): knowing it grants nothing, but it is never predictable either. */
  roomId: string;
  state: RoomState;
}

export interface IssueGrantRequest {
  roomId: string;
  peerId: string;
  role: MediaRole;
  ttlMs?: number;
}

export interface JoinResult {
  roomId: string;
  peerId: string;
  role: MediaRole;
  rights: MediaRight[];
  /** Peers currently publishing, whom this peer may subscribe to. */
  publishers: string[];
}

export interface Subscription {
  subscriptionId: string;
  publisherPeerId: string;
  /** The server's offer; media flows once the client's answer is passed to `startSubscription`. */
  offer: SessionDescription;
}

export interface RoomStats {
  roomId: string;
  state: RoomState;
  joining: number;
  peers: number;
  publishers: number;
  subscriptions: number;
  /** Times the room was recreated after a media server failure. */
  recoveries: number;
  createdAt: string;
}

export interface MediaHealth {
  backend: string;
  isUp: boolean;
  rooms: number;
  failedRooms: number;
  peers: number;
  /** Round trip of the last probe, ms. */
  latencyMs?: number;
  version?: string;
  lastFailureAt?: string;
}

export type MediaServerEvents = {
  /** The backend died or stopped answering: the room's media is gone until `roomRecovered`. */
  roomFailed: [event: { roomId: string; reason: string }];
  /** The room exists again on the backend; clients rejoin with a grant. */
  roomRecovered: [event: { roomId: string }];
  roomClosed: [event: { roomId: string }];
  peerClosed: [event: { roomId: string; peerId: string; reason: PeerCloseReason }];
  publisherAdded: [event: { roomId: string; peerId: string }];
  publisherRemoved: [event: { roomId: string; peerId: string }];
  closed: [];
};

export interface MediaServer extends TypedEmitter<MediaServerEvents> {
  readonly backend: string;
  createRoom(options?: CreateRoomOptions): Promise<MediaRoomInfo>;
  /** Closes the room and every peer in it; idempotent. */
  closeRoom(roomId: string): Promise<void>;
  /** A short-lived grant for one peer in one room with the rights of its role. */
  issueGrant(request: IssueGrantRequest): string;
  /** Joins the room the grant names; a peer id already present replaces the older peer. */
  join(grant: string): Promise<JoinResult>;
  /** Answers the peer's offer; media from the peer flows to its subscribers afterwards. */
  publish(roomId: string, peerId: string, offer: SessionDescription): Promise<SessionDescription>;
  /** Returns the server's offer for a publisher's media; nothing flows before `startSubscription`. */
  subscribe(roomId: string, peerId: string, publisherPeerId: string): Promise<Subscription>;
  startSubscription(roomId: string, peerId: string, subscriptionId: string, answer: SessionDescription): Promise<void>;
  unsubscribe(roomId: string, peerId: string, subscriptionId: string): Promise<void>;
  /** Passes a client's ICE candidate on; `null` ends its candidates. */
  trickle(roomId: string, peerId: string, target: MediaTarget, candidate: IceCandidate | null): Promise<void>;
  leave(roomId: string, peerId: string): Promise<void>;
  /** Removes a peer: its grants are revoked and its media stops now. */
  removePeer(roomId: string, peerId: string): Promise<void>;
  stats(roomId: string): RoomStats;
  health(): Promise<MediaHealth>;
  /** Sizes of the adapter's internal maps, to check that nothing leaks. */
  dump(): Record<string, number>;
  close(): Promise<void>;
}
