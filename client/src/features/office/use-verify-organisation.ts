import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { ORGANISATIONS_KEY } from '../employer/organisation-api';

interface TVerifyRequest {
  id: string;
  isVerified: boolean;
}

export function useVerifyOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isVerified }: TVerifyRequest) =>
      api.patch<unknown>(`/organisations/${encodeURIComponent(id)}/verification`, { isVerified }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORGANISATIONS_KEY }),
  });
}
