import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TRegion, TTown } from '@yunpin/shared';
import { api } from '../../lib/api';

const REFERENCE_STALE_MS = 10 * 60_000;

export function useTowns() {
  return useQuery({
    queryKey: ['towns'],
    queryFn: ({ signal }) => api.get<{ items: TTown[] }>('/towns', undefined, signal).then((result) => result.items),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: ({ signal }) => api.get<{ items: TRegion[] }>('/regions', undefined, signal).then((result) => result.items),
    staleTime: REFERENCE_STALE_MS,
  });
}

/** Town id → town name, for showing the names of towns that records refer to by id. */
export function useTownNames(): Map<string, string> {
  const { data } = useTowns();
  return useMemo(() => new Map((data ?? []).map((town) => [town.id, town.name])), [data]);
}
