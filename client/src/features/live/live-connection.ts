import { createContext, useCallback, useContext, useEffect, useEffectEvent } from 'react';
import type { ServerToClientEvents } from '@yunpin/shared';
import { request, type TLiveEvent, type TLivePayload, type TLiveSocket } from '../../lib/socket';

export interface TLiveConnection {
  socket: TLiveSocket;
  isConnected: boolean;
  /** Bumped on every (re)connection: places and calls live on the server, so live state is fetched again. */
  generation: number;
}

/** The session's live-fair connection, provided by LiveConnectionProvider in the layout. */
export const LiveConnectionContext = createContext<TLiveConnection | null>(null);

export function useLiveConnection(): TLiveConnection {
  const connection = useContext(LiveConnectionContext);
  if (!connection) throw new Error('useLiveConnection must be used inside LiveConnectionProvider');
  return connection;
}

/** `request(event, payload)` on the session's socket: resolves the ack's data or rejects with an ApiError. */
export function useLiveRequest() {
  const { socket } = useLiveConnection();
  return useCallback(<E extends TLiveEvent>(event: E, payload: TLivePayload<E>) => request(socket, event, payload), [socket]);
}

type TServerEvent = keyof ServerToClientEvents;
type TServerListener<E extends TServerEvent> = (...args: Parameters<ServerToClientEvents[E]>) => void;

/** socket.on cannot tie a listener to an event picked by a type parameter; useLiveEvent's signature does instead. */
interface TListenerHost<E extends TServerEvent> {
  on(event: E, listener: TServerListener<E>): unknown;
  off(event: E, listener: TServerListener<E>): unknown;
}

/** Listens to a server event while the component is mounted; the handler always sees the latest props and state. */
export function useLiveEvent<E extends TServerEvent>(event: E, handler: TServerListener<E>): void {
  const { socket } = useLiveConnection();
  const onEvent = useEffectEvent(handler);
  useEffect(() => {
    const host = socket as TListenerHost<E>;
    const listener: TServerListener<E> = (...args) => onEvent(...args);
    host.on(event, listener);
    return () => {
      host.off(event, listener);
    };
  }, [socket, event]);
}
