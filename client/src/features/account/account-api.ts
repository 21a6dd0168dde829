import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TChangePassword, TNotification, TSession, TSessionUser, TUpdateAccount } from '@yunpin/shared';
import { api } from '../../lib/api';
import { SESSION_KEY } from '../../lib/query-client';

const ACCOUNT_KEY = ['account'] as const;

export function useAccount() {
  return useQuery({
    queryKey: ACCOUNT_KEY,
    queryFn: ({ signal }) => api.get<TSessionUser>('/account', undefined, signal),
  });
}

/** Saves name, phone and email; the header shows the new name at once. */
export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: TUpdateAccount) => api.patch<TSessionUser>('/account', patch),
    onSuccess: (user) => {
      queryClient.setQueryData(ACCOUNT_KEY, user);
      queryClient.setQueryData<TSession | null>(SESSION_KEY, (session) => (session ? { ...session, user } : session));
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TChangePassword) => api.post<void>('/account/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: [...ACCOUNT_KEY, 'notifications'],
    queryFn: ({ signal }) =>
      api.get<{ items: TNotification[] }>('/account/notifications', undefined, signal).then((result) => result.items),
  });
}
