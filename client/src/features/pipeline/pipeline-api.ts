import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApplicationStatus, TRecommendedGraduate, TScreeningProgress } from '@yunpin/shared';
import { api } from '../../lib/api';
import { APPLICATIONS_KEY } from '../applications/applications-api';
import { jobPath } from '../jobs/jobs-api';

/** While screening runs its progress is polled this often. */
const SCREENING_POLL_MS = 1500;

export type TPipelineSort = 'score' | 'newest';

/** Filters of a job's pipeline, sent as query parameters. */
export type TPipelineFilters = {
  status?: TApplicationStatus;
  sort: TPipelineSort;
};

export function pipelineKey(jobId: string) {
  return [...APPLICATIONS_KEY, 'pipeline', jobId] as const;
}

function screeningKey(jobId: string) {
  return [...APPLICATIONS_KEY, 'screening', jobId] as const;
}

export function isScreeningRunning(progress: TScreeningProgress | undefined): boolean {
  return progress !== undefined && progress.screened < progress.total;
}

/** How far screening against the job's current requirements has got; polled until every application is scored. */
export function useScreeningProgress(jobId: string) {
  return useQuery({
    queryKey: screeningKey(jobId),
    queryFn: ({ signal }) => api.get<TScreeningProgress>(`${jobPath(jobId)}/screening`, undefined, signal),
    staleTime: 0,
    refetchInterval: (query) => (isScreeningRunning(query.state.data) ? SCREENING_POLL_MS : false),
  });
}

/** 重新评分: screens every open application of the job again. */
export function useRescreen(jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TScreeningProgress>(`${jobPath(jobId)}/screening`),
    onSuccess: (progress) => {
      queryClient.setQueryData(screeningKey(jobId), progress);
      return queryClient.invalidateQueries({ queryKey: pipelineKey(jobId) });
    },
  });
}

/** Graduates who match the job: those who allow employers to find them. */
export function useRecommendedGraduates(jobId: string) {
  return useQuery({
    queryKey: [...APPLICATIONS_KEY, 'recommended', jobId],
    queryFn: ({ signal }) =>
      api.get<{ items: TRecommendedGraduate[] }>(`${jobPath(jobId)}/recommended-graduates`, undefined, signal).then((result) => result.items),
  });
}
