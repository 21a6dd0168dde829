import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TLiveEvent, TLivePayload } from '../../lib/socket';
import { useLiveConnection, useLiveRequest } from './live-connection';

export const LIVE_KEY = ['live'] as const;

/** The cache key of live state: it includes the connection generation, so every reconnect fetches afresh. */
export function useLiveKey(key: readonly unknown[]): readonly unknown[] {
  const { generation } = useLiveConnection();
  return [...LIVE_KEY, ...key, generation];
}

/**
 * Server state read over the socket once per connection (entering a lobby, opening a console);
 * events then keep it current through setQueryData on the same key. Nothing is kept once no
 * component shows it, so coming back asks the server again (and re-subscribes).
 */
export function useLiveQuery<E extends TLiveEvent>(key: readonly unknown[], event: E, payload: TLivePayload<E>, enabled = true) {
  const { generation } = useLiveConnection();
  const send = useLiveRequest();
  return useQuery({
    queryKey: [...LIVE_KEY, ...key, generation],
    queryFn: () => send(event, payload),
    enabled: enabled && generation > 0,
    staleTime: Infinity,
    gcTime: 0,
    placeholderData: keepPreviousData,
  });
}
