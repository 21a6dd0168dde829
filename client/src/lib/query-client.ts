import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { TSession } from '@yunpin/shared';
import { isApiError } from './api-error';

export const SESSION_KEY = ['session'] as const;

/** The session expired or was revoked elsewhere: forget it so the route guards send the user to /login. */
function dropSessionOnUnauthenticated(error: unknown): void {
  if (isApiError(error) && error.status === 401 && error.code === 'unauthenticated') {
    queryClient.setQueryData<TSession | null>(SESSION_KEY, null);
  }
}

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status > 0 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: dropSessionOnUnauthenticated }),
  mutationCache: new MutationCache({ onError: dropSessionOnUnauthenticated }),
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

export function currentCsrfToken(): string | undefined {
  return queryClient.getQueryData<TSession | null>(SESSION_KEY)?.csrfToken;
}
