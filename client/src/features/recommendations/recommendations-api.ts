import { useQuery } from '@tanstack/react-query';
import type { TRecommendedJob } from '@yunpin/shared';
import { api } from '../../lib/api';

export const RECOMMENDATIONS_KEY = ['recommendations'] as const;

/** Open jobs ranked for the graduate: match score first, then how near the job's town is. */
export function useMyRecommendedJobs() {
  return useQuery({
    queryKey: [...RECOMMENDATIONS_KEY, 'me'],
    queryFn: ({ signal }) => api.get<{ items: TRecommendedJob[] }>('/me/recommended-jobs', undefined, signal).then((result) => result.items),
  });
}
