import { useQuery } from '@tanstack/react-query';
import type { TQueueHealth } from '@yunpin/shared';
import { api } from '../../lib/api';

const HEALTH_POLL_MS = 5000;

/** The background queues' counts and rates, refreshed every five seconds while the page is open. */
export function useQueueHealth() {
  return useQuery({
    queryKey: ['system', 'queues'],
    queryFn: ({ signal }) => api.get<TQueueHealth>('/system/queues', undefined, signal),
    refetchInterval: HEALTH_POLL_MS,
    staleTime: 0,
  });
}
