import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TBoothMessage } from '@yunpin/shared';
import { api } from '../../lib/api';
import { boothPath } from '../fairs/fairs-api';

export const BOOTH_MESSAGES_KEY = ['booth-messages'] as const;

/** A graduate leaves a message at a booth nobody is staffing; the employer answers it from the inbox. */
export function useLeaveBoothMessage(boothId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<TBoothMessage>(`${boothPath(boothId)}/messages`, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BOOTH_MESSAGES_KEY }),
  });
}

export function useReplyBoothMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reply }: { id: string; reply: string }) =>
      api.post<TBoothMessage>(`/booth-messages/${encodeURIComponent(id)}/reply`, { reply }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BOOTH_MESSAGES_KEY }),
  });
}
