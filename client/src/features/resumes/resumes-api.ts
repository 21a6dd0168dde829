import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TParsedResume, TResume } from '@yunpin/shared';
import { api } from '../../lib/api';
import { uploadResume, type TUploadOptions } from './upload-resume';

export const RESUMES_KEY = ['resumes'] as const;
const LIST_KEY = [...RESUMES_KEY, 'mine'] as const;

/** How often a resume being parsed is asked for its progress. */
const PARSING_POLL_MS = 700;

function resumePath(resumeId: string): string {
  return `/me/resumes/${encodeURIComponent(resumeId)}`;
}

export function useMyResumes(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: LIST_KEY,
    queryFn: ({ signal }) => api.get<{ items: TResume[] }>('/me/resumes', undefined, signal).then((result) => result.items),
    enabled: options.enabled ?? true,
  });
}

/** One resume, polled every 700 ms while the workers parse it. */
export function useResume(resumeId: string | undefined) {
  const queryClient = useQueryClient();
  const queryKey = [...RESUMES_KEY, 'one', resumeId];
  return useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      const before = queryClient.getQueryData<TResume>(queryKey);
      const resume = await api.get<TResume>(resumePath(resumeId ?? ''), undefined, signal);
      /** Parsing finished: the list shows the new status too. */
      if (before?.status === 'parsing' && resume.status !== 'parsing') void queryClient.invalidateQueries({ queryKey: LIST_KEY });
      return resume;
    },
    enabled: resumeId !== undefined,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'parsing' ? PARSING_POLL_MS : false),
  });
}

export function useUploadResume() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, ...options }: TUploadOptions & { file: File }) => uploadResume(file, options),
    onSuccess: ({ resume }) => {
      queryClient.setQueryData([...RESUMES_KEY, 'one', resume.id], resume);
      return queryClient.invalidateQueries({ queryKey: LIST_KEY });
    },
  });
}

export function useConfirmResume(resumeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (parsed: TParsedResume) => api.put<TResume>(`${resumePath(resumeId)}/confirmation`, { parsed }),
    onSuccess: (resume) => {
      queryClient.setQueryData([...RESUMES_KEY, 'one', resume.id], resume);
      return queryClient.invalidateQueries({ queryKey: LIST_KEY });
    },
  });
}
