import type { Socket } from 'socket.io-client';
import { ERROR_STATUS, type InterviewClientToServerEvents, type InterviewServerToClientEvents } from '@yunpin/shared';
import { ApiError } from '../lib/api-error';
import type { TLiveSocket } from '../lib/socket';

/** The session's socket seen through the interview call's events (same connection as the live fair). */
export type TInterviewSocket = Socket<InterviewServerToClientEvents, InterviewClientToServerEvents>;

export type TCallEvent = keyof InterviewClientToServerEvents;
export type TCallPayload<E extends TCallEvent> = Parameters<InterviewClientToServerEvents[E]>[0];
type TCallAck<E extends TCallEvent> = Parameters<Parameters<InterviewClientToServerEvents[E]>[1]>[0];
export type TCallData<E extends TCallEvent> = Extract<TCallAck<E>, { ok: true }>['data'];

const REQUEST_TIMEOUT_MS = 15_000;

interface TAckEmitter {
  emitWithAck(event: TCallEvent, payload: unknown): Promise<unknown>;
}

export function interviewSocket(socket: TLiveSocket): TInterviewSocket {
  return socket as unknown as TInterviewSocket;
}

/** Sends an interview request; a refusal or a timeout rejects with an ApiError (its details carry `media` codes). */
export async function callRequest<E extends TCallEvent>(socket: TInterviewSocket, event: E, payload: TCallPayload<E>): Promise<TCallData<E>> {
  const emitter: TAckEmitter = socket.timeout(REQUEST_TIMEOUT_MS);
  let ack: TCallAck<E>;
  try {
    ack = (await emitter.emitWithAck(event, payload)) as TCallAck<E>;
  } catch (error) {
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : String(error));
  }
  if (ack.ok) return ack.data as TCallData<E>;
  const { code, message, details } = ack.error;
  throw new ApiError(ERROR_STATUS[code], code, message, { details });
}

/** The media server's reason for a refusal (`grant-expired`, `grant-revoked`, …), when it gave one. */
export function mediaCodeOf(error: unknown): string | undefined {
  const details = error instanceof ApiError ? (error.details as { media?: unknown } | undefined) : undefined;
  return typeof details?.media === 'string' ? details.media : undefined;
}
