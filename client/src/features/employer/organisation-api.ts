import { useQuery } from '@tanstack/react-query';
import type { TOrganisation } from '@yunpin/shared';
import { api } from '../../lib/api';

export const ORGANISATIONS_KEY = ['organisations'] as const;

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: [...ORGANISATIONS_KEY, id],
    queryFn: ({ signal }) => api.get<TOrganisation>(`/organisations/${encodeURIComponent(id)}`, undefined, signal),
  });
}
