import type { TResume } from '@yunpin/shared';
import { ApiError, apiErrorFrom } from '../../lib/api-error';
import { currentCsrfToken } from '../../lib/query-client';

const UPLOAD_URL = '/api/v1/me/resumes';

/** The stored resume; `created` is false when the same file had been uploaded before. */
export interface TUploadedResume {
  resume: TResume;
  created: boolean;
}

export interface TUploadOptions {
  /** Called as the file goes up, with the share sent so far (0–100). */
  onProgress: (percent: number) => void;
  signal?: AbortSignal;
}

function responseFrom(xhr: XMLHttpRequest): Response {
  const headers = new Headers({ 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json' });
  const retryAfter = xhr.getResponseHeader('Retry-After');
  if (retryAfter !== null) headers.set('Retry-After', retryAfter);
  return new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers });
}

/**
 * Sends a resume as multipart/form-data (field "file") with the session cookie and CSRF header,
 * through XMLHttpRequest so the upload's progress can be shown. Resolves to the stored resume,
 * the existing one when the same file was sent before; rejects with an ApiError.
 */
export function uploadResume(file: File, { onProgress, signal }: TUploadOptions): Promise<TUploadedResume> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', UPLOAD_URL);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const csrfToken = currentCsrfToken();
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        try {
          resolve({ resume: JSON.parse(xhr.responseText) as TResume, created: xhr.status === 201 });
        } catch {
          reject(new ApiError(xhr.status, 'unexpected_response', xhr.statusText || `HTTP ${xhr.status}`));
        }
        return;
      }
      void apiErrorFrom(responseFrom(xhr)).then(reject);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'The upload could not reach the server'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));

    if (signal) {
      if (signal.aborted) {
        reject(new DOMException('The upload was cancelled', 'AbortError'));
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}
