import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TBooth, TFairLive } from '@yunpin/shared';
import { api } from '../../lib/api';
import { BOOTHS_KEY, boothPath, FAIRS_KEY, fairPath } from '../fairs/fairs-api';

const LIVE_POLL_MS = 3000;

interface TBoothReview {
  boothId: string;
  decision: 'approved' | 'rejected';
  reason?: string;
}

/** Approving or rejecting a booth changes the fair's booth count and industries too. */
export function useReviewBooth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ boothId, decision, reason }: TBoothReview) =>
      api.post<TBooth>(`${boothPath(boothId)}/review`, reason ? { decision, reason } : { decision }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: BOOTHS_KEY }),
        queryClient.invalidateQueries({ queryKey: FAIRS_KEY }),
      ]),
  });
}

/** The organiser's live figures for a fair, polled every three seconds while the page is open. */
export function useFairLive(fairId: string) {
  return useQuery({
    queryKey: [...FAIRS_KEY, fairId, 'live'],
    queryFn: ({ signal }) => api.get<TFairLive>(`${fairPath(fairId)}/live`, undefined, signal),
    refetchInterval: LIVE_POLL_MS,
    staleTime: 0,
  });
}
