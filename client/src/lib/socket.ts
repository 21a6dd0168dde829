import { io, type Socket } from 'socket.io-client';
import { ERROR_STATUS, type ClientToServerEvents, type ServerToClientEvents } from '@yunpin/shared';
import { ApiError } from './api-error';

/** The typed Socket.IO connection of the live fair. */
export type TLiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type TLiveEvent = keyof ClientToServerEvents;
export type TLivePayload<E extends TLiveEvent> = Parameters<ClientToServerEvents[E]>[0];
type TLiveAck<E extends TLiveEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
type TLiveData<E extends TLiveEvent> = Extract<TLiveAck<E>, { ok: true }>['data'];

const REQUEST_TIMEOUT_MS = 8000;

/** emitWithAck cannot match a payload to an event picked by a type parameter; request() types both ends instead. */
interface TAckEmitter {
  emitWithAck(event: TLiveEvent, payload: unknown): Promise<unknown>;
}

/** One connection to the same origin, authenticated by the session cookie; connected by the provider. */
export function createLiveSocket(): TLiveSocket {
  return io({ withCredentials: true, transports: ['websocket', 'polling'], autoConnect: false, forceNew: true });
}

/** Sends a request and resolves its ack's data; a refusal or a timeout rejects with an ApiError like REST calls do. */
export async function request<E extends TLiveEvent>(socket: TLiveSocket, event: E, payload: TLivePayload<E>): Promise<TLiveData<E>> {
  const emitter: TAckEmitter = socket.timeout(REQUEST_TIMEOUT_MS);
  let ack: TLiveAck<E>;
  try {
    ack = (await emitter.emitWithAck(event, payload)) as TLiveAck<E>;
  } catch (error) {
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : String(error));
  }
  if (ack.ok) return ack.data;
  const { code, message, details } = ack.error;
  throw new ApiError(ERROR_STATUS[code], code, message, { details });
}
