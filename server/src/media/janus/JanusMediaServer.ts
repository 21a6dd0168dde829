import { randomBytes } from 'node:crypto';
import Janode, { type JanodeConnection, type JanodeSession } from 'janode';
import VideoRoomPlugin, { type VideoRoomHandle } from 'janode/plugins/videoroom';
import type { Logger } from '../../logger.js';
import type { GrantAuthority } from '../grants.js';
import { MediaError } from '../MediaError.js';
import type {
  CreateRoomOptions,
  IceCandidate,
  IssueGrantRequest,
  JoinResult,
  MediaHealth,
  MediaRoomInfo,
  MediaServer,
  MediaServerEvents,
  MediaTarget,
  RoomStats,
  SessionDescription,
  Subscription,
} from '../media-server.js';
import { Room } from '../Room.js';
import { TypedEmitter } from '../TypedEmitter.js';
import type { JanusPeerMedia } from './JanusPeerMedia.js';
import { JanusRoomMedia, randomJanusId, type JanusRoomSpec } from './JanusRoomMedia.js';

export interface JanusMediaServerOptions {
  /** Janus WebSocket API, e.g. ws://127.0.0.1:8188. */
  url: string;
  grants: GrantAuthority;
  logger: Logger;
  /** The VideoRoom plugin's admin_key, when Janus requires one to create rooms. */
  adminKey?: string;
  joinTimeoutMs?: number;
  emptyRoomGraceMs?: number;
  /** How often Janus is probed; a probe unanswered for `healthTimeoutMs` marks it down. */
  healthIntervalMs?: number;
  healthTimeoutMs?: number;
  reconnectIntervalMs?: number;
}

/** One live connection to Janus: a session and a VideoRoom handle for creating and destroying rooms. */
interface JanusLink {
  connection: JanodeConnection;
  session: JanodeSession;
  control: VideoRoomHandle;
}

const DEFAULT_JOIN_TIMEOUT_MS = 10_000;
const DEFAULT_EMPTY_ROOM_GRACE_MS = 5_000;
const DEFAULT_HEALTH_INTERVAL_MS = 1_000;
const DEFAULT_HEALTH_TIMEOUT_MS = 2_000;
const DEFAULT_RECONNECT_INTERVAL_MS = 500;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The MediaServer port on Janus's VideoRoom plugin. When Janus dies or stops answering, every room is marked
 * failed and its peers closed at once; once Janus answers again the rooms are recreated for clients to rejoin.
 */
export class JanusMediaServer extends TypedEmitter<MediaServerEvents> implements MediaServer {
  readonly backend = 'janus';
  readonly #url: string;
  readonly #grants: GrantAuthority;
  readonly #logger: Logger;
  readonly #adminKey: string | undefined;
  readonly #joinTimeoutMs: number;
  readonly #emptyRoomGraceMs: number;
  readonly #healthIntervalMs: number;
  readonly #healthTimeoutMs: number;
  readonly #reconnectIntervalMs: number;
  readonly #rooms = new Map<string, Room<JanusPeerMedia>>();
  readonly #specs = new Map<string, JanusRoomSpec>();
  #link: JanusLink | undefined;
  #healthTimer: NodeJS.Timeout | undefined;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #isProbing = false;
  #latencyMs: number | undefined;
  #version: string | undefined;
  #lastFailureAt: Date | undefined;
  #closing: Promise<void> | undefined;

  private constructor(options: JanusMediaServerOptions) {
    super();
    this.#url = options.url;
    this.#grants = options.grants;
    this.#logger = options.logger.child({ media: 'janus' });
    this.#adminKey = options.adminKey;
    this.#joinTimeoutMs = options.joinTimeoutMs ?? DEFAULT_JOIN_TIMEOUT_MS;
    this.#emptyRoomGraceMs = options.emptyRoomGraceMs ?? DEFAULT_EMPTY_ROOM_GRACE_MS;
    this.#healthIntervalMs = options.healthIntervalMs ?? DEFAULT_HEALTH_INTERVAL_MS;
    this.#healthTimeoutMs = options.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS;
    this.#reconnectIntervalMs = options.reconnectIntervalMs ?? DEFAULT_RECONNECT_INTERVAL_MS;
  }

  /** Connects to Janus and starts probing it; fails with `unavailable` when Janus does not answer. */
  static async create(options: JanusMediaServerOptions): Promise<JanusMediaServer> {
    // janode logs to the console by itself; failures reach our logger through the events below.
    Janode.Logger.setLevel('none');
    const server = new JanusMediaServer(options);
    server.#link = await server.#connect();
    server.#healthTimer = setInterval(() => void server.#probe(), server.#healthIntervalMs);
    server.#healthTimer.unref();
    return server;
  }

  async createRoom(options: CreateRoomOptions = {}): Promise<MediaRoomInfo> {
    const link = this.#requireLink();
    const roomId = randomBytes(16).toString('base64url');
    const spec: JanusRoomSpec = { janusRoom: randomJanusId(), secret: randomBytes(18).toString('base64url'), options };
    const media = await JanusRoomMedia.create(this.#roomMediaOptions(link, spec, roomId));
    const room = await Room.create<JanusPeerMedia>({
      roomId,
      media,
      joinTimeoutMs: this.#joinTimeoutMs,
      emptyGraceMs: this.#emptyRoomGraceMs,
      closeWhenEmpty: options.closeWhenEmpty ?? true,
    });
    this.#rooms.set(roomId, room);
    this.#specs.set(roomId, spec);
    room.on('failed', (reason) => this.emit('roomFailed', { roomId, reason }));
    room.on('recovered', () => this.emit('roomRecovered', { roomId }));
    room.on('peerClosed', (peerId, reason) => this.emit('peerClosed', { roomId, peerId, reason }));
    room.on('publisherAdded', (peerId) => this.emit('publisherAdded', { roomId, peerId }));
    room.on('publisherRemoved', (peerId) => this.emit('publisherRemoved', { roomId, peerId }));
    room.once('closed', () => {
      this.#rooms.delete(roomId);
      this.#specs.delete(roomId);
      this.#grants.forgetRoom(roomId);
      this.emit('roomClosed', { roomId });
    });
    this.#logger.info({ room: roomId, janusRoom: spec.janusRoom }, 'media room created');
    return { roomId, state: room.state };
  }

  async closeRoom(roomId: string): Promise<void> {
    await this.#rooms.get(roomId)?.close();
  }

  issueGrant(request: IssueGrantRequest): string {
    this.#room(request.roomId);
    return this.#grants.issue(request);
  }

  async join(grant: string): Promise<JoinResult> {
    const claims = this.#grants.verify(grant);
    const room = this.#room(claims.roomId);
    const peer = await room.join(claims);
    this.#logger.debug({ room: claims.roomId, peer: claims.peerId, role: claims.role }, 'peer joined');
    return { roomId: claims.roomId, peerId: claims.peerId, role: claims.role, rights: [...claims.rights], publishers: room.publishers().filter((id) => id !== peer.peerId) };
  }

  publish(roomId: string, peerId: string, offer: SessionDescription): Promise<SessionDescription> {
    return this.#room(roomId).publish(peerId, offer);
  }

  subscribe(roomId: string, peerId: string, publisherPeerId: string): Promise<Subscription> {
    return this.#room(roomId).subscribe(peerId, publisherPeerId);
  }

  startSubscription(roomId: string, peerId: string, subscriptionId: string, answer: SessionDescription): Promise<void> {
    return this.#room(roomId).startSubscription(peerId, subscriptionId, answer);
  }

  unsubscribe(roomId: string, peerId: string, subscriptionId: string): Promise<void> {
    return this.#room(roomId).unsubscribe(peerId, subscriptionId);
  }

  trickle(roomId: string, peerId: string, target: MediaTarget, candidate: IceCandidate | null): Promise<void> {
    return this.#room(roomId).trickle(peerId, target, candidate);
  }

  async leave(roomId: string, peerId: string): Promise<void> {
    await this.#rooms.get(roomId)?.closePeer(peerId, 'left');
  }

  async removePeer(roomId: string, peerId: string): Promise<void> {
    // Revoke first: a join racing with the removal must already be refused.
    this.#grants.revoke(roomId, peerId);
    await this.#room(roomId).closePeer(peerId, 'removed');
    this.#logger.info({ room: roomId, peer: peerId }, 'peer removed and its grants revoked');
  }

  stats(roomId: string): RoomStats {
    return this.#room(roomId).stats();
  }

  async health(): Promise<MediaHealth> {
    let peers = 0;
    let failedRooms = 0;
    for (const room of this.#rooms.values()) {
      peers += room.peerCount;
      if (room.state === 'failed') failedRooms += 1;
    }
    return {
      backend: this.backend,
      isUp: this.#link !== undefined,
      rooms: this.#rooms.size,
      failedRooms,
      peers,
      ...(this.#latencyMs !== undefined ? { latencyMs: this.#latencyMs } : {}),
      ...(this.#version ? { version: this.#version } : {}),
      ...(this.#lastFailureAt ? { lastFailureAt: this.#lastFailureAt.toISOString() } : {}),
    };
  }

  dump(): Record<string, number> {
    let peers = 0;
    let joining = 0;
    let subscriptions = 0;
    let subscriberHandles = 0;
    for (const room of this.#rooms.values()) {
      joining += room.joiningCount;
      for (const peer of room.peers) {
        peers += 1;
        subscriptions += peer.subscriptions.size;
        subscriberHandles += peer.media.subscriptionCount;
      }
    }
    return { rooms: this.#rooms.size, roomSpecs: this.#specs.size, peers, joining, subscriptions, subscriberHandles, revocations: this.#grants.revocationCount() };
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      clearInterval(this.#healthTimer);
      clearTimeout(this.#reconnectTimer);
      await Promise.allSettled([...this.#rooms.values()].map((room) => room.close()));
      const link = this.#link;
      this.#link = undefined;
      if (link) {
        await link.session.destroy().catch(() => undefined);
        await link.connection.close().catch(() => undefined);
      }
      this.emit('closed');
    })();
    return this.#closing;
  }

  #room(roomId: string): Room<JanusPeerMedia> {
    const room = this.#rooms.get(roomId);
    if (!room) throw MediaError.roomNotFound(roomId);
    return room;
  }

  #requireLink(): JanusLink {
    if (this.#closing) throw MediaError.unavailable('the media server is closed');
    if (!this.#link) throw MediaError.unavailable('Janus is down; rooms come back when it does');
    return this.#link;
  }

  #roomMediaOptions(link: JanusLink, spec: JanusRoomSpec, roomId: string) {
    return { connection: link.connection, control: link.control, spec, adminKey: this.#adminKey, logger: this.#logger.child({ room: roomId }) };
  }

  async #connect(): Promise<JanusLink> {
    let connection: JanodeConnection;
    try {
      connection = await Janode.connect({ address: { url: this.#url }, retry_time_secs: 1, max_retries: 0 });
    } catch (error) {
      throw MediaError.unavailable(`cannot reach Janus at ${this.#url}: ${message(error)}`);
    }
    try {
      const info = await connection.getInfo();
      this.#version = info.version_string;
      const session = await connection.create();
      const control = await session.attach(VideoRoomPlugin);
      const link: JanusLink = { connection, session, control };
      const onLost = () => this.#onDown(link, 'the connection to Janus was lost');
      connection.once(Janode.EVENT.CONNECTION_ERROR, onLost);
      connection.once(Janode.EVENT.CONNECTION_CLOSED, onLost);
      this.#logger.info({ url: this.#url, version: this.#version }, 'connected to Janus');
      return link;
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw MediaError.unavailable(`Janus at ${this.#url} did not set up a session: ${message(error)}`);
    }
  }

  /** Asks Janus for its info; no answer in time counts as a failure (a hung Janus keeps its socket open). */
  async #probe(): Promise<void> {
    const link = this.#link;
    if (!link || this.#isProbing) return;
    this.#isProbing = true;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        link.connection.getInfo(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${this.#healthTimeoutMs} ms`)), this.#healthTimeoutMs);
        }),
      ]);
      this.#latencyMs = Math.round((performance.now() - started) * 10) / 10;
    } catch (error) {
      this.#onDown(link, `Janus stopped answering: ${message(error)}`);
    } finally {
      clearTimeout(timer);
      this.#isProbing = false;
    }
  }

  #onDown(link: JanusLink, reason: string): void {
    if (this.#link !== link || this.#closing) return;
    this.#link = undefined;
    this.#latencyMs = undefined;
    this.#lastFailureAt = new Date();
    this.#logger.error({ url: this.#url, reason, rooms: this.#rooms.size }, 'Janus is down: media rooms failed');
    link.connection.close().catch(() => undefined);
    for (const room of this.#rooms.values()) void room.fail(reason);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = setTimeout(() => void this.#reconnect(), this.#reconnectIntervalMs);
    this.#reconnectTimer.unref();
  }

  async #reconnect(): Promise<void> {
    if (this.#closing) return;
    let link: JanusLink;
    try {
      link = await this.#connect();
    } catch (error) {
      this.#logger.debug({ err: error }, 'Janus not back yet');
      this.#scheduleReconnect();
      return;
    }
    if (this.#closing) {
      await link.connection.close().catch(() => undefined);
      return;
    }
    this.#link = link;
    for (const [roomId, room] of this.#rooms) {
      const spec = this.#specs.get(roomId);
      if (room.state !== 'failed' || !spec) continue;
      try {
        // A Janus that only hung (not restarted) still has the room: drop it and start clean.
        await link.control.destroy({ room: spec.janusRoom, secret: spec.secret }).catch(() => undefined);
        room.recover(await JanusRoomMedia.create(this.#roomMediaOptions(link, spec, roomId)));
        this.#logger.info({ room: roomId }, 'media room recreated after Janus came back');
      } catch (error) {
        this.#logger.error({ err: error, room: roomId }, 'media room could not be recreated; closing it');
        void room.close();
      }
    }
  }
}
