import { useMutation } from '@tanstack/react-query';
import { authApi } from './auth-api';
import { useReplaceSession } from './use-session-actions';

export function useRegister() {
  const replaceSession = useReplaceSession();
  return useMutation({ mutationFn: authApi.register, onSuccess: replaceSession });
}
