import { useCallback } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TSession } from '@yunpin/shared';
import { SESSION_KEY } from '../../lib/query-client';

/** Replaces the session and drops every other cached query, so no data outlives the user who loaded it. */
function replaceSession(queryClient: QueryClient, session: TSession | null): void {
  queryClient.setQueryData<TSession | null>(SESSION_KEY, session);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

export function useReplaceSession(): (session: TSession | null) => void {
  const queryClient = useQueryClient();
  return useCallback((session: TSession | null) => replaceSession(queryClient, session), [queryClient]);
}
