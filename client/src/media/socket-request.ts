import type { Socket } from 'socket.io-client';
import { ERROR_STATUS, type TAck } from '@yunpin/shared';
import { ApiError } from '../lib/api-error';

const REQUEST_TIMEOUT_MS = 15_000;

/** Request events of a map (ClientToServerEvents style): each takes a payload and an ack callback. */
type TRequestMap<M> = { [E in keyof M]: (payload: never, ack: (ack: unknown) => void) => void };
export type TRequestPayload<M extends TRequestMap<M>, E extends keyof M> = Parameters<M[E]>[0];
type TRequestAck<M extends TRequestMap<M>, E extends keyof M> = Parameters<Parameters<M[E]>[1]>[0];
export type TRequestData<M extends TRequestMap<M>, E extends keyof M> = TRequestAck<M, E> extends TAck<infer D> ? D : never;

interface TAckEmitter {
  emitWithAck(event: string, payload: unknown): Promise<unknown>;
}

/** Sends a media request on the session's socket; a refusal or a timeout rejects with an ApiError (its details carry `media` codes). */
export async function mediaRequest<M extends TRequestMap<M>, E extends keyof M & string>(socket: Socket, event: E, payload: TRequestPayload<M, E>): Promise<TRequestData<M, E>> {
  const emitter: TAckEmitter = socket.timeout(REQUEST_TIMEOUT_MS);
  let ack: TAck<TRequestData<M, E>>;
  try {
    ack = (await emitter.emitWithAck(event, payload)) as TAck<TRequestData<M, E>>;
  } catch (error) {
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : String(error));
  }
  if (ack.ok) return ack.data;
  const { code, message, details } = ack.error;
  throw new ApiError(ERROR_STATUS[code], code, message, { details });
}

/** The media server's reason for a refusal (`grant-expired`, `grant-revoked`, …), when it gave one. */
export function mediaCodeOf(error: unknown): string | undefined {
  const details = error instanceof ApiError ? (error.details as { media?: unknown } | undefined) : undefined;
  return typeof details?.media === 'string' ? details.media : undefined;
}
