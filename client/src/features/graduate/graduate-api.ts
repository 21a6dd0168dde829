import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TGraduateProfile, TUpdateGraduateProfile } from '@yunpin/shared';
import { api } from '../../lib/api';

export const GRADUATES_KEY = ['graduates'] as const;

export function useGraduateProfile(id: string) {
  return useQuery({
    queryKey: [...GRADUATES_KEY, id],
    queryFn: ({ signal }) => api.get<TGraduateProfile>(`/graduates/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useUpdateGraduateProfile(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: TUpdateGraduateProfile) => api.patch<TGraduateProfile>(`/graduates/${encodeURIComponent(id)}`, patch),
    onSuccess: (profile) => {
      queryClient.setQueryData([...GRADUATES_KEY, id], profile);
      void queryClient.invalidateQueries({ queryKey: [...GRADUATES_KEY, 'list'] });
    },
  });
}
