import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createLiveSocket } from '../../lib/socket';
import { SESSION_KEY } from '../../lib/query-client';
import { LiveConnectionContext, type TLiveConnection } from './live-connection';

/** After a refused handshake, or when the server closes the socket, Socket.IO does not retry by itself. */
const RETRY_MS = 5000;

interface TConnectionState {
  isConnected: boolean;
  generation: number;
}

/**
 * Opens the live-fair socket for the logged-in user and closes it when they log out (the layout,
 * and with it this provider, unmounts). The server reads the session cookie during the handshake.
 */
export function LiveConnectionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [socket] = useState(createLiveSocket);
  const [state, setState] = useState<TConnectionState>({ isConnected: false, generation: 0 });

  useEffect(() => {
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    /** The session may have ended (then the guards show /login and this provider unmounts); otherwise connect again. */
    const checkSessionAndRetry = () => {
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => socket.connect(), RETRY_MS);
    };
    const onConnect = () => setState((previous) => ({ isConnected: true, generation: previous.generation + 1 }));
    const onDisconnect = (reason: string) => {
      setState((previous) => ({ ...previous, isConnected: false }));
      if (reason === 'io server disconnect') checkSessionAndRetry();
    };
    const onConnectError = () => {
      if (!socket.active) checkSessionAndRetry(); // transport failures are retried by Socket.IO itself
    };
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.connect();
    return () => {
      clearTimeout(retryTimer);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.disconnect();
    };
  }, [socket, queryClient]);

  const value = useMemo<TLiveConnection>(() => ({ socket, ...state }), [socket, state]);
  return <LiveConnectionContext value={value}>{children}</LiveConnectionContext>;
}
