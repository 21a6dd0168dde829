import { useQuery } from '@tanstack/react-query';
import type { TSession } from '@yunpin/shared';
import { api } from '../../lib/api';
import { isApiError } from '../../lib/api-error';
import { SESSION_KEY } from '../../lib/query-client';

/** The current session, or null when nobody is logged in (the server answers 401). */
async function fetchSession(signal: AbortSignal): Promise<TSession | null> {
  try {
    return await api.get<TSession>('/auth/session', undefined, signal);
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
  });
}
