import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TDeletionRequest, THardshipRecord, TImportMode, TImportReport, TRecordHardship, TSessionUser } from '@yunpin/shared';
import { api } from '../../lib/api';
import { uploadFile } from '../../lib/upload-file';

export const REGISTRY_KEY = ['registry'] as const;

/** Mirrors the server's policy: who imports, reveals IDs, records hardship and decides deletions. */
export function canManageRegistry(user: TSessionUser): boolean {
  return user.role === 'caseworker' || user.role === 'admin';
}

export function importSpreadsheet(file: File, mode: TImportMode, onProgress: (percent: number) => void): Promise<TImportReport> {
  return uploadFile<TImportReport>(`/registry/import?mode=${mode}`, file, { onProgress }).then((answer) => answer.body);
}

const filePath = (id: string) => `/registry/graduates/${encodeURIComponent(id)}`;

export function useHardship(graduateId: string) {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'hardship', graduateId],
    queryFn: ({ signal }) => api.get<THardshipRecord>(`${filePath(graduateId)}/hardship`, undefined, signal),
  });
}

export function useRecordHardship(graduateId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TRecordHardship) => api.post<THardshipRecord>(`${filePath(graduateId)}/hardship`, input),
    onSuccess: (record) => client.setQueryData([...REGISTRY_KEY, 'hardship', graduateId], record),
  });
}

export function revealNationalId(graduateId: string): Promise<{ nationalId: string }> {
  return api.post<{ nationalId: string }>(`${filePath(graduateId)}/national-id/reveal`);
}

export function useSetNationalId(graduateId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (nationalId: string) => api.put<{ nationalIdMasked: string }>(`${filePath(graduateId)}/national-id`, { nationalId }),
    onSuccess: () => client.invalidateQueries({ queryKey: REGISTRY_KEY }),
  });
}

export function useMyDeletionRequests() {
  return useQuery({
    queryKey: [...REGISTRY_KEY, 'my-deletion-requests'],
    queryFn: ({ signal }) => api.get<{ items: TDeletionRequest[] }>('/me/deletion-requests', undefined, signal),
  });
}

export function useRequestDeletion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post<TDeletionRequest>('/me/deletion-requests', { reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: REGISTRY_KEY }),
  });
}

export function useDecideDeletion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: string; decision: 'execute' | 'reject'; note: string }) =>
      api.post<TDeletionRequest>(`/registry/deletion-requests/${encodeURIComponent(id)}/${decision}`, { note }),
    onSuccess: () => client.invalidateQueries({ queryKey: REGISTRY_KEY }),
  });
}
