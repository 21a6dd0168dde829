import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCreateJob, TJob, TJobAction, TUpdateJob } from '@yunpin/shared';
import { api, type TQueryParams } from '../../lib/api';

export const JOBS_KEY = ['jobs'] as const;

export function jobPath(jobId: string): string {
  return `/jobs/${encodeURIComponent(jobId)}`;
}

/** The CSV export of a job list, with the same filters as the list. */
export function jobsCsvPath(filters: TQueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/jobs.csv${search ? `?${search}` : ''}`;
}

export function useJob(jobId: string | undefined) {
  return useQuery({
    queryKey: [...JOBS_KEY, jobId],
    queryFn: ({ signal }) => api.get<TJob>(jobPath(jobId ?? ''), undefined, signal),
    enabled: jobId !== undefined,
  });
}

/** Job changes show in every job list (search, the employer's own, the review queue). */
function useJobsChanged() {
  const queryClient = useQueryClient();
  return (job: TJob) => {
    queryClient.setQueryData([...JOBS_KEY, job.id], job);
    return queryClient.invalidateQueries({ queryKey: [...JOBS_KEY, 'list'] });
  };
}

export function useCreateJob() {
  const changed = useJobsChanged();
  return useMutation({
    mutationFn: (body: TCreateJob) => api.post<TJob>('/jobs', body),
    onSuccess: (job) => changed(job),
  });
}

export function useUpdateJob(jobId: string) {
  const changed = useJobsChanged();
  return useMutation({
    mutationFn: (patch: TUpdateJob) => api.patch<TJob>(jobPath(jobId), patch),
    onSuccess: (job) => changed(job),
  });
}

/** submit / close for the employer, approve / return for organisers. */
export function useJobAction() {
  const changed = useJobsChanged();
  return useMutation({
    mutationFn: ({ jobId, action }: { jobId: string; action: TJobAction }) => api.post<TJob>(`${jobPath(jobId)}/status`, action),
    onSuccess: (job) => changed(job),
  });
}
