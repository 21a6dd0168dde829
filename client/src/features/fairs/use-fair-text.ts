import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFair } from '@yunpin/shared';
import { formatShanghaiRange } from '../../lib/shanghai-time';
import { useRegions, useTownNames } from '../district/district-api';

/** A fair's dates in Beijing time, such as "11月28日 09:00–17:00". */
export function useFairTimeText(): (fair: Pick<TFair, 'startsAt' | 'endsAt'>) => string {
  const { t } = useTranslation();
  const dayFormat = t('fairs.dayFormat');
  return useCallback((fair) => formatShanghaiRange(fair.startsAt, fair.endsAt, dayFormat), [dayFormat]);
}

/** The names of a fair's co-hosting regions and towns, regions first. */
export function useHostNames(): (hosts: TFair['hosts']) => string[] {
  const townNames = useTownNames();
  const { data: regions } = useRegions();
  return useCallback(
    (hosts) => {
      const regionNames = new Map((regions ?? []).map((region) => [region.id, region.name]));
      return [
        ...hosts.regionIds.map((id) => regionNames.get(id)),
        ...hosts.townIds.map((id) => townNames.get(id)),
      ].filter((name): name is string => name !== undefined);
    },
    [regions, townNames],
  );
}
