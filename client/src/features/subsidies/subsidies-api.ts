import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCreateSubsidyClaim,
  TCreateSubsidyRate,
  TDecideSubsidyClaim,
  TPaySubsidyClaim,
  TSubsidyClaim,
  TSubsidyList,
  TSubsidyPaidRate,
  TSubsidyRate,
  TSubsidyRateList,
  TSubsidyStatus,
} from '@yunpin/shared';
import { api } from '../../lib/api';

export const SUBSIDIES_KEY = ['subsidies'] as const;

export interface TSubsidyFilters {
  status?: TSubsidyStatus;
  isAgeingOnly?: boolean;
}

const query = (f: TSubsidyFilters) => ({ status: f.status, ageing: f.isAgeingOnly ? 'true' : undefined });

export function subsidiesCsvPath(f: TSubsidyFilters): string {
  const params = new URLSearchParams(Object.entries(query(f)).filter((e): e is [string, string] => e[1] !== undefined));
  return `/subsidies/claims.csv${params.size ? `?${params.toString()}` : ''}`;
}

export function useSubsidyClaims(filters: TSubsidyFilters) {
  return useQuery({ queryKey: [...SUBSIDIES_KEY, 'list', filters], queryFn: ({ signal }) => api.get<TSubsidyList>('/subsidies/claims', query(filters), signal), staleTime: 0 });
}

export function usePaidRate(isEnabled: boolean) {
  return useQuery({ queryKey: [...SUBSIDIES_KEY, 'paid-rate'], queryFn: ({ signal }) => api.get<TSubsidyPaidRate>('/subsidies/paid-rate', undefined, signal), enabled: isEnabled });
}

/** Claim, check, decide and pay; each refreshes the lists. */
export function useSubsidyActions() {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: SUBSIDIES_KEY });
  return {
    claim: useMutation({ mutationFn: (input: TCreateSubsidyClaim) => api.post<TSubsidyClaim>('/subsidies/claims', input), onSuccess: done }),
    check: useMutation({ mutationFn: (id: string) => api.post<TSubsidyClaim>(`/subsidies/claims/${id}/check`), onSuccess: done }),
    decide: useMutation({ mutationFn: ({ id, input }: { id: string; input: TDecideSubsidyClaim }) => api.post<TSubsidyClaim>(`/subsidies/claims/${id}/decision`, input), onSuccess: done }),
    pay: useMutation({ mutationFn: ({ id, input }: { id: string; input: TPaySubsidyClaim }) => api.post<TSubsidyClaim>(`/subsidies/claims/${id}/payment`, input), onSuccess: done }),
  };
}

export const SUBSIDY_RATES_CSV_PATH = '/subsidies/rates.csv';

export function useSubsidyRates() {
  return useQuery({ queryKey: [...SUBSIDIES_KEY, 'rates'], queryFn: ({ signal }) => api.get<TSubsidyRateList>('/subsidies/rates', undefined, signal) });
}

/** Schedule and delete rates; each refreshes the rates (claims made meanwhile keep their amounts). */
export function useSubsidyRateActions() {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: [...SUBSIDIES_KEY, 'rates'] });
  return {
    schedule: useMutation({ mutationFn: (input: TCreateSubsidyRate) => api.post<TSubsidyRate>('/subsidies/rates', input), onSuccess: done }),
    remove: useMutation({ mutationFn: (id: string) => api.delete<void>(`/subsidies/rates/${id}`), onSuccess: done }),
  };
}
