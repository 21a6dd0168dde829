import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TApplication, TApplicationDetail, TApply, TBulkMoveApplications, TMoveApplication, ZBulkMoveResultSchema } from '@yunpin/shared';
import { api } from '../../lib/api';

export const APPLICATIONS_KEY = ['applications'] as const;
const MINE_KEY = [...APPLICATIONS_KEY, 'mine'] as const;

export type TBulkMoveResult = z.infer<typeof ZBulkMoveResultSchema>;

export function applicationPath(applicationId: string): string {
  return `/applications/${encodeURIComponent(applicationId)}`;
}

/** The graduate's own applications, newest first. */
export function useMyApplications(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: MINE_KEY,
    queryFn: ({ signal }) => api.get<{ items: TApplication[] }>('/me/applications', undefined, signal).then((result) => result.items),
    enabled: options.enabled ?? true,
  });
}

/** One application with its history and the resume profile it was sent with. */
export function useApplication(applicationId: string | undefined) {
  return useQuery({
    queryKey: [...APPLICATIONS_KEY, 'detail', applicationId],
    queryFn: ({ signal }) => api.get<TApplicationDetail>(applicationPath(applicationId ?? ''), undefined, signal),
    enabled: applicationId !== undefined,
    staleTime: 0,
  });
}

/** Any change to an application shows in the graduate's list, the pipelines and the detail views. */
function useApplicationsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: APPLICATIONS_KEY });
}

export function useApplyToJob(jobId: string) {
  const changed = useApplicationsChanged();
  return useMutation({
    mutationFn: (body: TApply) => api.post<TApplication>(`/jobs/${encodeURIComponent(jobId)}/applications`, body),
    onSuccess: () => changed(),
  });
}

export function useWithdrawApplication() {
  const changed = useApplicationsChanged();
  return useMutation({
    mutationFn: (applicationId: string) => api.post<TApplication>(`${applicationPath(applicationId)}/withdrawal`),
    onSuccess: () => changed(),
  });
}

/** The graduate asks how the application was scored; the answer carries the per-criterion reasons. */
export function useRequestExplanation() {
  const changed = useApplicationsChanged();
  return useMutation({
    mutationFn: (applicationId: string) => api.post<TApplication>(`${applicationPath(applicationId)}/explanation`),
    onSuccess: () => changed(),
  });
}

export function useRequestReview() {
  const changed = useApplicationsChanged();
  return useMutation({
    mutationFn: ({ applicationId, reason }: { applicationId: string; reason: string }) =>
      api.post<TApplication>(`${applicationPath(applicationId)}/review-request`, { reason }),
    onSuccess: () => changed(),
  });
}

/** A recruiter moves one application along the pipeline. */
export function useMoveApplication() {
  const changed = useApplicationsChanged();
  return useMutation({
    mutationFn: ({ applicationId, move }: { applicationId: string; move: TMoveApplication }) =>
      api.post<TApplication>(`${applicationPath(applicationId)}/status`, move),
    onSuccess: () => changed(),
  });
}

export function useBulkMoveApplications() {
  const changed = useApplicationsChanged();
  return useMutation({
    mutationFn: (body: TBulkMoveApplications) => api.post<TBulkMoveResult>('/applications/bulk-status', body),
    onSuccess: () => changed(),
  });
}
