import { useMutation } from '@tanstack/react-query';
import { authApi } from './auth-api';
import { useReplaceSession } from './use-session-actions';

export function useLogin() {
  const replaceSession = useReplaceSession();
  return useMutation({ mutationFn: authApi.login, onSuccess: replaceSession });
}
