import type { TResume } from '@yunpin/shared';
import { uploadFile, type TUploadOptions } from '../../lib/upload-file';

export type { TUploadOptions };

/** The stored resume; `created` is false when the same file had been uploaded before. */
export interface TUploadedResume {
  resume: TResume;
  created: boolean;
}

/**
 * Sends a resume with its upload progress. Resolves to the stored resume, the existing one when
 * the same file was sent before; rejects with an ApiError.
 */
export async function uploadResume(file: File, options: TUploadOptions): Promise<TUploadedResume> {
  const { body, status } = await uploadFile<TResume>('/me/resumes', file, options);
  return { resume: body, created: status === 201 };
}
