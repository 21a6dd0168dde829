import { API_BASE } from './api';
import { ApiError, apiErrorFrom } from './api-error';
import { currentCsrfToken } from './query-client';

export interface TUploadOptions {
  /** Called as the file goes up, with the share sent so far (0–100). */
  onProgress: (percent: number) => void;
  signal?: AbortSignal;
}

/** The parsed JSON answer and its status (201 and 200 can mean different things). */
export interface TUploadAnswer<T> {
  body: T;
  status: number;
}

function responseFrom(xhr: XMLHttpRequest): Response {
  const headers = new Headers({ 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json' });
  const retryAfter = xhr.getResponseHeader('Retry-After');
  if (retryAfter !== null) headers.set('Retry-After', retryAfter);
  return new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers });
}

function cancelled(): DOMException {
  return new DOMException('The upload was cancelled', 'AbortError');
}

/**
 * POSTs one file as multipart/form-data (field "file") to an API path with the session cookie and
 * CSRF header, through XMLHttpRequest so the upload's progress can be shown. Resolves to the JSON
 * answer; rejects with an ApiError like the other API calls, or an AbortError when cancelled.
 */
export function uploadFile<T>(path: string, file: File, { onProgress, signal }: TUploadOptions): Promise<TUploadAnswer<T>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
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
          resolve({ body: JSON.parse(xhr.responseText) as T, status: xhr.status });
        } catch {
          reject(new ApiError(xhr.status, 'unexpected_response', xhr.statusText || `HTTP ${xhr.status}`));
        }
        return;
      }
      void apiErrorFrom(responseFrom(xhr)).then(reject);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'The upload could not reach the server'));
    xhr.onabort = () => reject(cancelled());

    if (signal) {
      if (signal.aborted) {
        reject(cancelled());
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}
