import { useMutation } from '@tanstack/react-query';
import { authApi } from './auth-api';
import { useReplaceSession } from './use-session-actions';

/** Logs out on the server; the local session is forgotten even if that call fails, and the guards show /login. */
export function useLogout() {
  const replaceSession = useReplaceSession();
  return useMutation({ mutationFn: authApi.logout, onSettled: () => replaceSession(null) });
}
