import type { MediaRight, MediaRole } from './grants.js';
import type { IceCandidate, MediaTarget, PeerCloseReason, SessionDescription } from './media-server.js';
import { TypedEmitter } from './TypedEmitter.js';

/** A backend's media session for one peer (a Janus session with its handles; later mediasoup transports). */
export interface PeerMedia {
  readonly isPublishing: boolean;
  /** Answers the offer; `onLive` runs once media from the peer reaches the server (subscribing works from then). */
  publish(offer: SessionDescription, onLive: () => void): Promise<SessionDescription>;
  /** Prepares a subscription to another peer's publication and returns the server's offer. */
  subscribe(subscriptionId: string, publisher: this): Promise<SessionDescription>;
  startSubscription(subscriptionId: string, answer: SessionDescription): Promise<void>;
  unsubscribe(subscriptionId: string): Promise<void>;
  trickle(target: MediaTarget, candidate: IceCandidate | null): Promise<void>;
  /** Tears the media down at once; idempotent. */
  close(): Promise<void>;
}

export type PeerEvents = {
  closed: [reason: PeerCloseReason];
};

export interface PeerOptions<M extends PeerMedia> {
  roomId: string;
  peerId: string;
  role: MediaRole;
  rights: readonly MediaRight[];
  media: M;
}

/** One participant of a room: what it may do, its media session and its subscriptions. */
export class Peer<M extends PeerMedia> extends TypedEmitter<PeerEvents> {
  readonly #roomId: string;
  readonly #peerId: string;
  readonly #role: MediaRole;
  readonly #rights: readonly MediaRight[];
  readonly #media: M;
  /** subscriptionId → publisher peer id */
  readonly #subscriptions = new Map<string, string>();
  #closing: Promise<void> | undefined;

  private constructor(options: PeerOptions<M>) {
    super();
    this.#roomId = options.roomId;
    this.#peerId = options.peerId;
    this.#role = options.role;
    this.#rights = options.rights;
    this.#media = options.media;
  }

  /** Wraps a media session that is already open. */
  static async create<M extends PeerMedia>(options: PeerOptions<M>): Promise<Peer<M>> {
    return new Peer(options);
  }

  get roomId(): string {
    return this.#roomId;
  }

  get peerId(): string {
    return this.#peerId;
  }

  get role(): MediaRole {
    return this.#role;
  }

  get rights(): readonly MediaRight[] {
    return this.#rights;
  }

  get media(): M {
    return this.#media;
  }

  get isClosed(): boolean {
    return this.#closing !== undefined;
  }

  /** subscriptionId → publisher peer id */
  get subscriptions(): ReadonlyMap<string, string> {
    return this.#subscriptions;
  }

  /** Whether the peer's grant carries the right. */
  can(right: MediaRight): boolean {
    return this.#rights.includes(right);
  }

  addSubscription(subscriptionId: string, publisherPeerId: string): void {
    this.#subscriptions.set(subscriptionId, publisherPeerId);
  }

  removeSubscription(subscriptionId: string): boolean {
    return this.#subscriptions.delete(subscriptionId);
  }

  /** Stops the peer's media and emits `closed` once; later calls share the first call's promise. */
  close(reason: PeerCloseReason): Promise<void> {
    this.#closing ??= (async () => {
      this.#subscriptions.clear();
      try {
        await this.#media.close();
      } finally {
        this.emit('closed', reason);
      }
    })();
    return this.#closing;
  }
}
