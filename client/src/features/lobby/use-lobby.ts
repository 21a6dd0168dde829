import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { TLobby, TLobbyBooth } from '@yunpin/shared';
import { useLiveEvent, useLiveRequest } from '../live/live-connection';
import { LIVE_KEY, useLiveKey, useLiveQuery } from '../live/use-live-query';

/** Lobby:leave waits this long, so moving between the lobby and a booth page keeps the subscription. */
const LEAVE_DELAY_MS = 1000;

function withBooth(booths: TLobbyBooth[], booth: TLobbyBooth): TLobbyBooth[] {
  return booths.some((item) => item.boothId === booth.boothId)
    ? booths.map((item) => (item.boothId === booth.boothId ? booth : item))
    : [...booths, booth];
}

/** A fair's lobby: entered on mount (and on every reconnect), kept current by lobby:booth-updated, left when no page shows it. */
export function useLobby(fairId: string) {
  const queryClient = useQueryClient();
  const send = useLiveRequest();
  const key = useLiveKey(['lobby', fairId]);
  const lobby = useLiveQuery(['lobby', fairId], 'lobby:enter', { fairId });

  useEffect(
    () => () => {
      setTimeout(() => {
        const isWatched = queryClient
          .getQueryCache()
          .findAll({ queryKey: [...LIVE_KEY, 'lobby', fairId] })
          .some((query) => query.getObserversCount() > 0);
        if (!isWatched) void send('lobby:leave', { fairId }).catch(() => undefined);
      }, LEAVE_DELAY_MS);
    },
    [queryClient, send, fairId],
  );

  useLiveEvent('lobby:booth-updated', ({ fairId: updatedFairId, ...booth }) => {
    if (updatedFairId !== fairId) return;
    queryClient.setQueryData<TLobby>(key, (current) => current && { ...current, booths: withBooth(current.booths, booth) });
  });

  return lobby;
}
