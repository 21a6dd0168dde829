import { useMutation } from '@tanstack/react-query';
import type { TVerification } from '@yunpin/shared';
import { api } from '../../lib/api';
import { uploadFile, type TUploadOptions } from '../../lib/upload-file';

/** The largest PDF the verification takes, as the server's limit. */
export const VERIFY_MAX_BYTES = 10 * 1024 * 1024;
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** Uploads a PDF to be checked (no login needed), with its upload progress. */
export function useVerifyUpload() {
  return useMutation({
    mutationFn: ({ file, ...options }: TUploadOptions & { file: File }) => uploadFile<TVerification>('/verify', file, options).then((answer) => answer.body),
  });
}

/** Looks a SHA-256 up among the versions the platform stored. */
export function useVerifyHash() {
  return useMutation({
    mutationFn: (sha256: string) => api.get<TVerification>(`/verify/${encodeURIComponent(sha256)}`),
  });
}
