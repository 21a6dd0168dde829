import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TBooth, TCreateFair, TFair, TFairStatus, TUpdateFair } from '@yunpin/shared';
import { api } from '../../lib/api';

export const FAIRS_KEY = ['fairs'] as const;
export const BOOTHS_KEY = ['booths'] as const;

export function fairPath(fairId: string): string {
  return `/fairs/${encodeURIComponent(fairId)}`;
}

export function boothPath(boothId: string): string {
  return `/booths/${encodeURIComponent(boothId)}`;
}

export function useFair(fairId: string) {
  return useQuery({
    queryKey: [...FAIRS_KEY, fairId],
    queryFn: ({ signal }) => api.get<TFair>(fairPath(fairId), undefined, signal),
  });
}

/** The booths of a fair the caller may see: approved ones, plus their own or all applications for staff. */
export function useFairBooths(fairId: string) {
  return useQuery({
    queryKey: [...BOOTHS_KEY, 'fair', fairId],
    queryFn: ({ signal }) =>
      api.get<{ items: TBooth[] }>(`${fairPath(fairId)}/booths`, undefined, signal).then((result) => result.items),
  });
}

export function useBooth(boothId: string) {
  return useQuery({
    queryKey: [...BOOTHS_KEY, boothId],
    queryFn: ({ signal }) => api.get<TBooth>(boothPath(boothId), undefined, signal),
  });
}

/** Every fair list and detail shows counts and statuses, so any change refreshes them all. */
function useFairsChanged() {
  const queryClient = useQueryClient();
  return (fair?: TFair) => {
    if (fair) queryClient.setQueryData([...FAIRS_KEY, fair.id], fair);
    return queryClient.invalidateQueries({ queryKey: FAIRS_KEY });
  };
}

/** Graduates register for a fair or cancel; they must be registered to queue at its booths. */
export function useFairRegistration(fairId: string) {
  const changed = useFairsChanged();
  return useMutation({
    mutationFn: (register: boolean) =>
      register ? api.post<unknown>(`${fairPath(fairId)}/registration`) : api.delete<void>(`${fairPath(fairId)}/registration`),
    onSuccess: () => changed(),
  });
}

export function useCreateFair() {
  const changed = useFairsChanged();
  return useMutation({
    mutationFn: (body: TCreateFair) => api.post<TFair>('/fairs', body),
    onSuccess: (fair) => changed(fair),
  });
}

export function useUpdateFair(fairId: string) {
  const changed = useFairsChanged();
  return useMutation({
    mutationFn: (patch: TUpdateFair) => api.patch<TFair>(fairPath(fairId), patch),
    onSuccess: (fair) => changed(fair),
  });
}

export function useFairStatus(fairId: string) {
  const changed = useFairsChanged();
  return useMutation({
    mutationFn: (status: TFairStatus) => api.post<TFair>(`${fairPath(fairId)}/status`, { status }),
    onSuccess: (fair) => changed(fair),
  });
}
