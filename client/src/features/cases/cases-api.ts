import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCaseFile,
  TChecklistItem,
  TCreateChecklistItem,
  TCreateNoteTemplate,
  TCreateService,
  TNoteTemplate,
  TRecommendedJob,
  TTimelineEntry,
  TUpdateChecklistItem,
  TUpdateNoteTemplate,
  TWorkload,
} from '@yunpin/shared';
import { api, type TQueryParams } from '../../lib/api';

export const CASES_KEY = ['cases'] as const;
const SETTINGS_KEY = ['case-settings'] as const;

/** The export route of a list, with its filters as the query string. */
export function exportPath(path: string, filters: TQueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `${path}${search ? `?${search}` : ''}`;
}

export function useCaseFile(id: string) {
  return useQuery({ queryKey: [...CASES_KEY, id, 'file'], queryFn: ({ signal }) => api.get<TCaseFile>(`/cases/${id}`, undefined, signal) });
}

export function useCaseTimeline(id: string, isEnabled: boolean) {
  return useQuery({
    queryKey: [...CASES_KEY, id, 'timeline'],
    queryFn: ({ signal }) => api.get<{ items: TTimelineEntry[] }>(`/cases/${id}/timeline`, undefined, signal).then((r) => r.items),
    enabled: isEnabled,
  });
}

export function useRecommendedJobs(id: string, isEnabled: boolean) {
  return useQuery({
    queryKey: [...CASES_KEY, id, 'recommended-jobs'],
    queryFn: ({ signal }) => api.get<{ items: TRecommendedJob[] }>(`/graduates/${id}/recommended-jobs`, undefined, signal).then((r) => r.items),
    enabled: isEnabled,
  });
}

export function useWorkload() {
  return useQuery({ queryKey: [...CASES_KEY, 'workload'], queryFn: ({ signal }) => api.get<TWorkload>('/caseworkers/workload', undefined, signal) });
}

export function useChecklistItems() {
  return useQuery({ queryKey: [...SETTINGS_KEY, 'items'], queryFn: ({ signal }) => api.get<{ items: TChecklistItem[] }>('/case-settings/checklist-items', undefined, signal).then((r) => r.items) });
}

export function useNoteTemplates() {
  return useQuery({ queryKey: [...SETTINGS_KEY, 'templates'], queryFn: ({ signal }) => api.get<{ items: TNoteTemplate[] }>('/case-settings/note-templates', undefined, signal).then((r) => r.items) });
}

/** Writes to one case file; the file and its timeline load again afterwards. */
export function useCaseMutations(id: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: [...CASES_KEY, id] });
  return {
    cross: useMutation({ mutationFn: (v: { itemId: string; note?: string }) => api.post<TCaseFile>(`/cases/${id}/checklist/${v.itemId}/cross`, v.note ? { note: v.note } : {}), onSuccess }),
    undo: useMutation({ mutationFn: (v: { itemId: string; reason: string }) => api.post<TCaseFile>(`/cases/${id}/checklist/${v.itemId}/undo`, { reason: v.reason }), onSuccess }),
    addNote: useMutation({ mutationFn: (v: { templateId?: string; body: string }) => api.post<{ id: string }>(`/cases/${id}/notes`, v), onSuccess }),
    addService: useMutation({ mutationFn: (v: TCreateService) => api.post<{ id: string }>(`/cases/${id}/services`, v), onSuccess }),
  };
}

export function useSettingsMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => Promise.all([queryClient.invalidateQueries({ queryKey: SETTINGS_KEY }), queryClient.invalidateQueries({ queryKey: CASES_KEY })]);
  return {
    createItem: useMutation({ mutationFn: (v: TCreateChecklistItem) => api.post<TChecklistItem>('/case-settings/checklist-items', v), onSuccess }),
    updateItem: useMutation({ mutationFn: (v: { id: string; input: TUpdateChecklistItem }) => api.patch<TChecklistItem>(`/case-settings/checklist-items/${v.id}`, v.input), onSuccess }),
    reorder: useMutation({ mutationFn: (ids: string[]) => api.put<{ items: TChecklistItem[] }>('/case-settings/checklist-items/order', { ids }), onSuccess }),
    createTemplate: useMutation({ mutationFn: (v: TCreateNoteTemplate) => api.post<TNoteTemplate>('/case-settings/note-templates', v), onSuccess }),
    updateTemplate: useMutation({ mutationFn: (v: { id: string; input: TUpdateNoteTemplate }) => api.patch<TNoteTemplate>(`/case-settings/note-templates/${v.id}`, v.input), onSuccess }),
  };
}
