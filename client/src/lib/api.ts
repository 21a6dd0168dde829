import { ApiError, apiErrorFrom } from './api-error';
import { currentCsrfToken } from './query-client';

export const API_BASE = '/api/v1';

export type TQueryParams = Record<string, string | number | boolean | null | undefined>;

type TMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface TRequestOptions {
  method?: TMethod;
  query?: TQueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

function urlFor(path: string, query: TQueryParams | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

function headersFor(method: TMethod, hasBody: boolean): Headers {
  const headers = new Headers({ Accept: 'application/json' });
  if (hasBody) headers.set('Content-Type', 'application/json');
  const csrfToken = currentCsrfToken();
  if (method !== 'GET' && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  return headers;
}

async function send(path: string, { method = 'GET', query, body, signal }: TRequestOptions): Promise<Response> {
  const hasBody = body !== undefined;
  let response: Response;
  try {
    response = await fetch(urlFor(path, query), {
      method,
      headers: headersFor(method, hasBody),
      body: hasBody ? JSON.stringify(body) : null,
      credentials: 'same-origin',
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await apiErrorFrom(response);
  return response;
}

/** Calls the REST API with the session cookie and CSRF header; resolves to the JSON body, or undefined for 204. */
export async function apiRequest<T>(path: string, options: TRequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Fetches a file the server generates (such as a CSV export) as it is, byte for byte. */
export async function apiDownload(path: string): Promise<Blob> {
  const response = await send(path, {});
  return response.blob();
}

export const api = {
  get: <T>(path: string, query?: TQueryParams, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};
