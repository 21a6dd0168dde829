import { randomBytes } from 'node:crypto';
import type { MediaGrant } from './grants.js';
import { MediaError } from './MediaError.js';
import type { IceCandidate, MediaTarget, PeerCloseReason, RoomState, RoomStats, SessionDescription, Subscription } from './media-server.js';
import { Peer, type PeerMedia } from './Peer.js';
import { TypedEmitter } from './TypedEmitter.js';

/** How long a recovered room waits for its peers to rejoin before an empty-room close. */
const REJOIN_GRACE_MS = 30_000;

/** A backend's room (a Janus VideoRoom; later a mediasoup router): it opens media sessions for peers. */
export interface RoomMedia<M extends PeerMedia> {
  openPeer(grant: MediaGrant): Promise<M>;
  /** Frees the backend room; idempotent. */
  close(): Promise<void>;
}

export type RoomEvents = {
  closed: [];
  failed: [reason: string];
  recovered: [];
  peerClosed: [peerId: string, reason: PeerCloseReason];
  publisherAdded: [peerId: string];
  publisherRemoved: [peerId: string];
};

export interface RoomOptions<M extends PeerMedia> {
  roomId: string;
  media: RoomMedia<M>;
  joinTimeoutMs: number;
  /** How long an empty room waits for a peer (a reconnect) before it closes itself. */
  emptyGraceMs: number;
  closeWhenEmpty: boolean;
  clock?: () => Date;
}

/**
 * One media room: keeps joining and joined peers apart, times joins out, lets a new peer with a known id
 * replace the old one, and closes itself only after it has stayed empty for a grace period.
 */
export class Room<M extends PeerMedia> extends TypedEmitter<RoomEvents> {
  readonly #roomId: string;
  readonly #joinTimeoutMs: number;
  readonly #emptyGraceMs: number;
  readonly #closeWhenEmpty: boolean;
  readonly #createdAt: Date;
  /** peerId → the attempt in progress; a newer attempt for the same id replaces the entry. */
  readonly #joining = new Map<string, symbol>();
  readonly #peers = new Map<string, Peer<M>>();
  #media: RoomMedia<M> | undefined;
  #state: RoomState = 'ready';
  #recoveries = 0;
  #emptyTimer: NodeJS.Timeout | undefined;
  #closing: Promise<void> | undefined;

  private constructor(options: RoomOptions<M>) {
    super();
    this.#roomId = options.roomId;
    this.#media = options.media;
    this.#joinTimeoutMs = options.joinTimeoutMs;
    this.#emptyGraceMs = options.emptyGraceMs;
    this.#closeWhenEmpty = options.closeWhenEmpty;
    this.#createdAt = (options.clock ?? (() => new Date()))();
  }

  /** Wraps a backend room that already exists. */
  static async create<M extends PeerMedia>(options: RoomOptions<M>): Promise<Room<M>> {
    return new Room(options);
  }

  get roomId(): string {
    return this.#roomId;
  }

  get state(): RoomState {
    return this.#state;
  }

  get peerCount(): number {
    return this.#peers.size;
  }

  get joiningCount(): number {
    return this.#joining.size;
  }

  peer(peerId: string): Peer<M> {
    const peer = this.#peers.get(peerId);
    if (!peer) throw MediaError.peerNotFound(this.#roomId, peerId);
    return peer;
  }

  /** The joined peers, for counting and leak checks. */
  get peers(): Peer<M>[] {
    return [...this.#peers.values()];
  }

  publishers(): string[] {
    return [...this.#peers.values()].filter((p) => p.media.isPublishing).map((p) => p.peerId);
  }

  /** Admits the peer a verified grant names; an older peer with the same id is closed first. */
  async join(grant: MediaGrant): Promise<Peer<M>> {
    this.#assertReady();
    const { peerId } = grant;
    const attempt = Symbol(peerId);
    this.#joining.set(peerId, attempt);
    this.#cancelEmptyCheck();
    const previous = this.#peers.get(peerId);
    if (previous) await previous.close('replaced');
    const media = this.#media;
    if (!media || this.#joining.get(peerId) !== attempt) {
      if (this.#joining.get(peerId) === attempt) this.#joining.delete(peerId);
      throw media ? MediaError.cancelled(peerId) : this.#notReadyError();
    }
    const opening = media.openPeer(grant);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(MediaError.timeout(`joining room ${this.#roomId}`, this.#joinTimeoutMs)), this.#joinTimeoutMs);
    });
    let peerMedia: M;
    try {
      peerMedia = await Promise.race([opening, timeout]);
    } catch (error) {
      // A session that opens after the timeout must not linger.
      opening.then((late) => late.close(), () => undefined);
      if (this.#joining.get(peerId) === attempt) this.#joining.delete(peerId);
      this.#scheduleEmptyCheck();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    // Superseded by a newer join for the same id, removed, or the room failed or closed meanwhile.
    if (this.#joining.get(peerId) !== attempt || this.#state !== 'ready') {
      await peerMedia.close();
      if (this.#joining.get(peerId) === attempt) this.#joining.delete(peerId);
      throw this.#state === 'ready' ? MediaError.cancelled(peerId) : this.#notReadyError();
    }
    this.#joining.delete(peerId);
    const peer = await Peer.create({ roomId: this.#roomId, peerId, role: grant.role, rights: grant.rights, media: peerMedia });
    this.#peers.set(peerId, peer);
    peer.once('closed', (reason) => this.#onPeerClosed(peer, reason));
    return peer;
  }

  async publish(peerId: string, offer: SessionDescription): Promise<SessionDescription> {
    this.#assertReady();
    const peer = this.peer(peerId);
    if (!peer.can('publish')) throw MediaError.forbidden(`peer ${peerId} may not publish in room ${this.#roomId}`);
    return peer.media.publish(offer, () => {
      if (!peer.isClosed && this.#peers.get(peerId) === peer) this.emit('publisherAdded', peerId);
    });
  }

  async subscribe(peerId: string, publisherPeerId: string): Promise<Subscription> {
    this.#assertReady();
    const peer = this.peer(peerId);
    if (!peer.can('subscribe')) throw MediaError.forbidden(`peer ${peerId} may not subscribe in room ${this.#roomId}`);
    const publisher = this.#peers.get(publisherPeerId);
    if (!publisher?.media.isPublishing) throw new MediaError('not-found', `peer ${publisherPeerId} is not publishing in room ${this.#roomId}`);
    const subscriptionId = randomBytes(9).toString('base64url');
    const offer = await peer.media.subscribe(subscriptionId, publisher.media);
    if (peer.isClosed || publisher.isClosed) {
      await peer.media.unsubscribe(subscriptionId).catch(() => undefined);
      throw new MediaError('not-found', `peer ${publisher.isClosed ? publisherPeerId : peerId} left room ${this.#roomId}`);
    }
    peer.addSubscription(subscriptionId, publisherPeerId);
    return { subscriptionId, publisherPeerId, offer };
  }

  async startSubscription(peerId: string, subscriptionId: string, answer: SessionDescription): Promise<void> {
    this.#assertReady();
    const peer = this.peer(peerId);
    if (!peer.subscriptions.has(subscriptionId)) throw new MediaError('not-found', `no subscription ${subscriptionId}`);
    await peer.media.startSubscription(subscriptionId, answer);
  }

  async unsubscribe(peerId: string, subscriptionId: string): Promise<void> {
    const peer = this.peer(peerId);
    if (!peer.removeSubscription(subscriptionId)) return;
    await peer.media.unsubscribe(subscriptionId);
  }

  async trickle(peerId: string, target: MediaTarget, candidate: IceCandidate | null): Promise<void> {
    this.#assertReady();
    const peer = this.peer(peerId);
    if (target.kind === 'subscription' && !peer.subscriptions.has(target.subscriptionId)) throw new MediaError('not-found', `no subscription ${target.subscriptionId}`);
    await peer.media.trickle(target, candidate);
  }

  /** Closes one peer; unknown ids are ignored so leaving twice is harmless. */
  async closePeer(peerId: string, reason: PeerCloseReason): Promise<void> {
    if (this.#joining.delete(peerId)) this.#scheduleEmptyCheck();
    await this.#peers.get(peerId)?.close(reason);
  }

  /** The backend is gone: every peer's media with it. The room stays, failed, until `recover`. */
  async fail(reason: string): Promise<void> {
    if (this.#state !== 'ready') return;
    this.#state = 'failed';
    this.#media = undefined;
    this.#joining.clear();
    this.#cancelEmptyCheck();
    // The peers' media is already gone with the backend: forget them now, then let each close.
    const peers = [...this.#peers.values()];
    this.#peers.clear();
    this.emit('failed', reason);
    await Promise.allSettled(peers.map((peer) => peer.close('media-failed')));
  }

  /** The backend room exists again; peers may rejoin. */
  recover(media: RoomMedia<M>): void {
    if (this.#state !== 'failed') return;
    this.#media = media;
    this.#state = 'ready';
    this.#recoveries += 1;
    this.emit('recovered');
    // Everyone was dropped by the failure: give them time to hear of the recovery and rejoin.
    this.#scheduleEmptyCheck(Math.max(this.#emptyGraceMs, REJOIN_GRACE_MS));
  }

  stats(): RoomStats {
    let subscriptions = 0;
    for (const peer of this.#peers.values()) subscriptions += peer.subscriptions.size;
    return {
      roomId: this.#roomId,
      state: this.#state,
      joining: this.#joining.size,
      peers: this.#peers.size,
      publishers: this.publishers().length,
      subscriptions,
      recoveries: this.#recoveries,
      createdAt: this.#createdAt.toISOString(),
    };
  }

  /** Closes every peer, then the backend room; emits `closed` once. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#state = 'closed';
      this.#cancelEmptyCheck();
      this.#joining.clear();
      await Promise.allSettled([...this.#peers.values()].map((peer) => peer.close('room-closed')));
      const media = this.#media;
      this.#media = undefined;
      try {
        await media?.close();
      } finally {
        this.emit('closed');
      }
    })();
    return this.#closing;
  }

  #onPeerClosed(peer: Peer<M>, reason: PeerCloseReason): void {
    // A replaced peer's successor may already sit in the map under the same id.
    if (this.#peers.get(peer.peerId) === peer) this.#peers.delete(peer.peerId);
    // Subscriptions to the closed peer's publication end with it.
    for (const other of this.#peers.values()) {
      for (const [subscriptionId, publisherPeerId] of other.subscriptions) {
        if (publisherPeerId !== peer.peerId) continue;
        other.removeSubscription(subscriptionId);
        other.media.unsubscribe(subscriptionId).catch(() => undefined);
      }
    }
    this.emit('peerClosed', peer.peerId, reason);
    if (peer.media.isPublishing) this.emit('publisherRemoved', peer.peerId);
    if (reason !== 'replaced') this.#scheduleEmptyCheck();
  }

  #scheduleEmptyCheck(graceMs = this.#emptyGraceMs): void {
    if (!this.#closeWhenEmpty || this.#state !== 'ready' || this.#peers.size > 0 || this.#joining.size > 0) return;
    this.#cancelEmptyCheck();
    // Deferred so that a peer reconnecting at once keeps the room.
    this.#emptyTimer = setTimeout(() => {
      this.#emptyTimer = undefined;
      if (this.#state === 'ready' && this.#peers.size === 0 && this.#joining.size === 0) void this.close();
    }, graceMs);
  }

  #cancelEmptyCheck(): void {
    clearTimeout(this.#emptyTimer);
    this.#emptyTimer = undefined;
  }

  #assertReady(): void {
    if (this.#state !== 'ready') throw this.#notReadyError();
  }

  #notReadyError(): MediaError {
    return this.#state === 'failed' ? MediaError.roomFailed(this.#roomId) : MediaError.roomNotFound(this.#roomId);
  }
}
