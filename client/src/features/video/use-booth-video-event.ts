import { useEffect, useEffectEvent } from 'react';
import type { BoothVideoServerToClientEvents } from '@yunpin/shared';
import { boothVideoSocket } from '../../media/booth-video-socket';
import { useLiveConnection } from '../live/live-connection';

type TVideoEvent = keyof BoothVideoServerToClientEvents;
type TVideoListener<E extends TVideoEvent> = (...args: Parameters<BoothVideoServerToClientEvents[E]>) => void;

/** socket.on cannot tie a listener to an event picked by a type parameter; this signature does instead. */
interface TListenerHost<E extends TVideoEvent> {
  on(event: E, listener: TVideoListener<E>): unknown;
  off(event: E, listener: TVideoListener<E>): unknown;
}

/** Listens to a booth-video event while the component is mounted; the handler sees the latest props and state. */
export function useBoothVideoEvent<E extends TVideoEvent>(event: E, handler: TVideoListener<E>): void {
  const { socket } = useLiveConnection();
  const onEvent = useEffectEvent(handler);
  useEffect(() => {
    const host = boothVideoSocket(socket) as unknown as TListenerHost<E>;
    const listener: TVideoListener<E> = (...args) => onEvent(...args);
    host.on(event, listener);
    return () => {
      host.off(event, listener);
    };
  }, [socket, event]);
}
