import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCreateInterviewSlots, TInterview, TInterviewFallback, TInterviewSlot, TRecordInterviewOutcome } from '@yunpin/shared';
import { api } from '../../lib/api';
import { APPLICATIONS_KEY } from '../applications/applications-api';

export const INTERVIEWS_KEY = ['interviews'] as const;
const MINE_KEY = [...INTERVIEWS_KEY, 'mine'] as const;

function slotsKey(jobId: string) {
  return [...INTERVIEWS_KEY, 'slots', jobId] as const;
}

function jobSlotsPath(jobId: string): string {
  return `/jobs/${encodeURIComponent(jobId)}/interview-slots`;
}

export function bookingPath(bookingId: string): string {
  return `/interview-bookings/${encodeURIComponent(bookingId)}`;
}

/** A job's slots: every one for the employer; for a graduate invited to interview, the open ones and their own. */
export function useJobSlots(jobId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: slotsKey(jobId),
    queryFn: ({ signal }) => api.get<{ items: TInterviewSlot[] }>(jobSlotsPath(jobId), undefined, signal).then((result) => result.items),
    enabled: options.enabled ?? true,
    staleTime: 0,
  });
}

/** The graduate's interviews, soonest first. */
export function useMyInterviews() {
  return useQuery({
    queryKey: MINE_KEY,
    queryFn: ({ signal }) => api.get<{ items: TInterview[] }>('/me/interviews', undefined, signal).then((result) => result.items),
    staleTime: 0,
  });
}

/** The employer's booked interviews from a day (YYYY-MM-DD, Beijing) on, with outcomes and scorecards. */
export function useEmployerInterviews(from: string) {
  return useQuery({
    queryKey: [...INTERVIEWS_KEY, 'schedule', from],
    queryFn: ({ signal }) => api.get<{ items: TInterview[] }>('/employer/interviews', { from }, signal).then((result) => result.items),
    staleTime: 0,
  });
}

export function scheduleCsvPath(from: string): string {
  return `/employer/interviews.csv?${new URLSearchParams({ from }).toString()}`;
}

/** Any interview change shows in the slot lists, both schedules and the applications (whose history records it). */
function useInterviewsChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: INTERVIEWS_KEY }),
      queryClient.invalidateQueries({ queryKey: APPLICATIONS_KEY }),
    ]);
}

export function useCreateSlots(jobId: string) {
  const changed = useInterviewsChanged();
  return useMutation({
    mutationFn: (body: TCreateInterviewSlots) => api.post<{ items: TInterviewSlot[] }>(jobSlotsPath(jobId), body),
    onSuccess: () => changed(),
  });
}

export function useWithdrawSlot() {
  const changed = useInterviewsChanged();
  return useMutation({
    mutationFn: (slotId: string) => api.delete<undefined>(`/interview-slots/${encodeURIComponent(slotId)}`),
    onSuccess: () => changed(),
  });
}

/** Books a slot for the application, or moves the application's booking to it. */
export function useBookSlot() {
  const changed = useInterviewsChanged();
  return useMutation({
    mutationFn: ({ slotId, applicationId }: { slotId: string; applicationId: string }) =>
      api.post<TInterview>(`/interview-slots/${encodeURIComponent(slotId)}/booking`, { applicationId }),
    onSettled: () => changed(),
  });
}

export function useCancelBooking() {
  const changed = useInterviewsChanged();
  return useMutation({
    mutationFn: (bookingId: string) => api.delete<undefined>(bookingPath(bookingId)),
    onSuccess: () => changed(),
  });
}

export function useRecordOutcome() {
  const changed = useInterviewsChanged();
  return useMutation({
    mutationFn: ({ bookingId, body }: { bookingId: string; body: TRecordInterviewOutcome }) =>
      api.post<TInterview>(`${bookingPath(bookingId)}/outcome`, body),
    onSuccess: () => changed(),
  });
}

export function useInterviewFallback() {
  const changed = useInterviewsChanged();
  return useMutation({
    mutationFn: ({ bookingId, body }: { bookingId: string; body: TInterviewFallback }) =>
      api.post<TInterview>(`${bookingPath(bookingId)}/fallback`, body),
    onSuccess: () => changed(),
  });
}
