import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TApplyBooth, TBooth, TUpdateBooth } from '@yunpin/shared';
import { api } from '../../lib/api';
import { BOOTHS_KEY, boothPath, fairPath } from '../fairs/fairs-api';

export interface TRotaSlot {
  userId: string;
  startsAt: string;
  endsAt: string;
}

/** Booth changes show in the booth lists of every fair, so they refresh them all. */
function useBoothChanged() {
  const queryClient = useQueryClient();
  return (booth?: TBooth) => {
    if (booth) queryClient.setQueryData([...BOOTHS_KEY, booth.id], booth);
    return queryClient.invalidateQueries({ queryKey: BOOTHS_KEY });
  };
}

export function useApplyBooth(fairId: string) {
  const changed = useBoothChanged();
  return useMutation({
    mutationFn: (body: TApplyBooth) => api.post<TBooth>(`${fairPath(fairId)}/booths`, body),
    onSuccess: (booth) => changed(booth),
  });
}

export function useUpdateBooth(boothId: string) {
  const changed = useBoothChanged();
  return useMutation({
    mutationFn: (patch: TUpdateBooth) => api.patch<TBooth>(boothPath(boothId), patch),
    onSuccess: (booth) => changed(booth),
  });
}

export function useSetRota(boothId: string) {
  const changed = useBoothChanged();
  return useMutation({
    mutationFn: (slots: TRotaSlot[]) => api.put<unknown>(`${boothPath(boothId)}/rota`, { slots }),
    onSuccess: () => changed(),
  });
}
