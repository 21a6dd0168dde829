import { createContext, useContext } from 'react';
import type { TSessionUser } from '@yunpin/shared';

/** The logged-in user, provided by RequireAuth to everything behind it. */
export const CurrentUserContext = createContext<TSessionUser | null>(null);

export function useCurrentUser(): TSessionUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser must be used behind RequireAuth');
  return user;
}
