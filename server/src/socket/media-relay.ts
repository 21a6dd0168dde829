import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { AppError, type TAck, type TIceCandidate, type TIceServer, type TMediaAnswerResult, type TMediaJoined, type TMediaOffer } from '@yunpin/shared';
import { issueDetails } from '../http/route.js';
import { toAppError } from '../http/errors.js';
import type { Logger } from '../logger.js';
import { MediaError } from '../media/MediaError.js';
import type { MediaRole, MediaServer } from '../media/media-server.js';
import { iceServersFor, type TurnConfig } from '../media/turn-credentials.js';
import { TokenBucket } from './token-bucket.js';

/**
 * What the socket handlers of every media feature share (interview calls, conversation video, booth
 * presentations): the media plane started on first use, grants issued together with TURN credentials,
 * the relay of SDP and ICE candidates to the MediaServer port, MediaError → ack error, and the loop that
 * validates, rate-limits and answers each request.
 */

/** Media events a socket may send at once, and per second after that (ICE candidates come in bursts). */
export const DEFAULT_MEDIA_RATE_LIMIT = { burst: 120, perSecond: 60 };

export interface MediaAccessOptions {
  /** The media server, created on first use; rejects when the media plane cannot start. */
  media: () => Promise<MediaServer>;
  /** TURN for clients behind NAT; none in development. */
  turn?: TurnConfig | undefined;
  logger: Logger;
  /** The refusal a client sees when the media plane cannot start. */
  unavailableMessage: string;
}

/** A grant and what goes with it to the client. */
export interface IssuedAccess {
  grant: string;
  expiresAt: Date;
  iceServers: TIceServer[];
}

/** Where a socket's media peer sits: the media room and its peer id there. */
export interface MediaPeerRef {
  roomId: string;
  peerId: string;
}

/** A MediaError as the ack's error: a client acts on `details.media`. */
export function fromMediaError(error: MediaError): AppError {
  const details = { media: error.code };
  switch (error.code) {
    case 'grant-invalid':
    case 'grant-expired':
    case 'grant-revoked':
    case 'forbidden':
      return new AppError('forbidden', error.message, { details });
    case 'room-not-found':
    case 'peer-not-found':
    case 'not-found':
      return new AppError('not_found', error.message, { details });
    case 'join-cancelled':
      return new AppError('conflict', error.message, { details });
    default:
      return new AppError('unavailable', error.message, { details });
  }
}

/** The claims of a grant, read without checking its signature (the media server checks that on join). */
export function grantClaims(grant: string): { roomId?: unknown; peerId?: unknown } {
  try {
    return JSON.parse(Buffer.from(grant.split('.')[0] ?? '', 'base64url').toString('utf8')) as { roomId?: unknown; peerId?: unknown };
  } catch {
    throw new AppError('forbidden', 'This media grant is not valid', { details: { media: 'grant-invalid' } });
  }
}

/** Refuses a grant made out for another room or another person before it reaches the media server. */
export function assertGrantFor(grant: string, expected: MediaPeerRef, what: string): void {
  const claims = grantClaims(grant);
  if (claims.roomId !== expected.roomId || claims.peerId !== expected.peerId) {
    throw new AppError('forbidden', `This media grant is not for this ${what} or not yours`, { details: { media: 'grant-invalid' } });
  }
}

/** The media plane as one feature's handlers use it: started on first use, their room-event listeners attached once. */
export class MediaAccess {
  readonly #options: MediaAccessOptions;
  readonly #listeners: ((server: MediaServer) => void)[] = [];
  #server: Promise<MediaServer> | undefined;

  constructor(options: MediaAccessOptions) {
    this.#options = options;
  }

  /** Runs once the media server is up (room events are wired here). */
  onServer(listener: (server: MediaServer) => void): void {
    this.#listeners.push(listener);
  }

  /** The media server, started if need be; refuses with `unavailable` when it cannot start. */
  server(): Promise<MediaServer> {
    this.#server ??= this.#options.media().then(
      (server) => {
        for (const listener of this.#listeners) listener(server);
        return server;
      },
      (error: unknown) => {
        this.#server = undefined;
        throw this.unavailable(error);
      },
    );
    return this.#server;
  }

  /** The media server if it was started, without starting it (for cleanup). */
  async started(): Promise<MediaServer | undefined> {
    return this.#server?.catch(() => undefined);
  }

  unavailable(cause?: unknown): AppError {
    if (cause) this.#options.logger.error({ err: cause }, 'media server unavailable');
    return new AppError('unavailable', this.#options.unavailableMessage);
  }

  /** A grant for one peer in one room, with TURN credentials that expire with it. */
  issue(server: MediaServer, request: { roomId: string; peerId: string; role: MediaRole; ttlMs: number }): IssuedAccess {
    const grant = server.issueGrant(request);
    // The media server starts the grant's clock now, capped at its longest lifetime; close enough for TURN.
    const expiresAt = new Date(Date.now() + request.ttlMs);
    return { grant, expiresAt, iceServers: this.iceServers(request.peerId, expiresAt.getTime()) };
  }

  /** TURN credentials for a peer until `expiresAtMs` (none in development). */
  iceServers(peerId: string, expiresAtMs: number): TIceServer[] {
    return iceServersFor(this.#options.turn, peerId, expiresAtMs);
  }

  // ---- the relay: one peer's signalling, passed to the MediaServer port ----

  async publish(ref: MediaPeerRef, sdp: string): Promise<TMediaAnswerResult> {
    const answer = await (await this.server()).publish(ref.roomId, ref.peerId, { type: 'offer', sdp });
    return { sdp: answer.sdp };
  }

  async subscribe(ref: MediaPeerRef, publisherPeerId: string): Promise<TMediaOffer> {
    const subscription = await (await this.server()).subscribe(ref.roomId, ref.peerId, publisherPeerId);
    return { subscriptionId: subscription.subscriptionId, publisherPeerId, sdp: subscription.offer.sdp };
  }

  async answer(ref: MediaPeerRef, subscriptionId: string, sdp: string): Promise<null> {
    await (await this.server()).startSubscription(ref.roomId, ref.peerId, subscriptionId, { type: 'answer', sdp });
    return null;
  }

  async unsubscribe(ref: MediaPeerRef, subscriptionId: string): Promise<null> {
    await (await this.server()).unsubscribe(ref.roomId, ref.peerId, subscriptionId);
    return null;
  }

  /** One ICE candidate of the publication (no subscription id) or of one subscription; `null` ends them. */
  async trickle(ref: MediaPeerRef, subscriptionId: string | undefined, candidate: TIceCandidate | null): Promise<null> {
    const target = subscriptionId === undefined ? ({ kind: 'publish' } as const) : ({ kind: 'subscription', subscriptionId } as const);
    await (await this.server()).trickle(ref.roomId, ref.peerId, target, candidate && { candidate: candidate.candidate, sdpMid: candidate.sdpMid ?? null, sdpMLineIndex: candidate.sdpMLineIndex ?? null });
    return null;
  }

  /** Joins with a grant already checked to be this peer's in this room. */
  async join(grant: string): Promise<TMediaJoined & MediaPeerRef> {
    const joined = await (await this.server()).join(grant);
    return { roomId: joined.roomId, peerId: joined.peerId, publishers: joined.publishers };
  }

  /** Leaves quietly (the peer may be gone already). */
  async leave(ref: MediaPeerRef): Promise<void> {
    const server = await this.started();
    await server?.leave(ref.roomId, ref.peerId).catch(() => undefined);
  }
}

type AnySocket = Socket<never, never, Record<string, never>, { userId: string }>;

export interface RequestLoopOptions<E extends string> {
  events: readonly E[];
  schemas: { readonly [K in E]: z.ZodType };
  handlers: { [K in E]: (socket: never, payload: never) => Promise<unknown> };
  rateLimit: { burst: number; perSecond: number };
  logger: Logger;
  /** For the log lines: which feature's events these are. */
  label: string;
}

/**
 * Answers each request event on the socket: flood limit (a flooding socket is cut off), an ack is
 * required, the payload is parsed with its zod schema, errors become `{ ok: false, error }`.
 */
export function answerRequests<E extends string>(anySocket: object, options: RequestLoopOptions<E>): void {
  const socket = anySocket as AnySocket;
  const log = options.logger.child({ socket: socket.id, user: socket.data.userId });
  const bucket = new TokenBucket(options.rateLimit.burst, options.rateLimit.perSecond);
  const on = socket.on.bind(socket) as (event: string, listener: (payload: unknown, ack: unknown) => void) => void;
  for (const event of options.events) {
    const schema = options.schemas[event];
    const run = options.handlers[event] as (socket: object, payload: unknown) => Promise<unknown>;
    on(event, (payload, ack) => {
      if (!bucket.take()) {
        log.warn({ event }, `socket flooding ${options.label} events: disconnected`);
        socket.disconnect(true);
        return;
      }
      if (typeof ack !== 'function') return; // every request must carry an ack
      const reply = ack as (a: TAck<unknown>) => void;
      void (async () => {
        try {
          const parsed = schema.safeParse(payload);
          if (!parsed.success) throw new AppError('validation_failed', `Invalid ${event} payload`, { details: issueDetails(parsed.error, 'payload') });
          reply({ ok: true, data: await run(anySocket, parsed.data) });
        } catch (error) {
          const appError = error instanceof MediaError ? fromMediaError(error) : toAppError(error);
          if (appError.status >= 500) log.error({ err: error, event }, `${options.label} event failed`);
          reply({ ok: false, error: appError.toBody() });
        }
      })();
    });
  }
}
