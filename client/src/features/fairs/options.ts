import { useTranslation } from 'react-i18next';
import { FAIR_LEVELS, FAIR_STATUSES, PRIORITY_LANES } from '@yunpin/shared';

export function useFairLevelOptions() {
  const { t } = useTranslation();
  return FAIR_LEVELS.map((level) => ({ value: level, label: t(`fairs.levels.${level}`) }));
}

export function useFairStatusOptions() {
  const { t } = useTranslation();
  return FAIR_STATUSES.map((status) => ({ value: status, label: t(`fairs.statuses.${status}`) }));
}

export function usePriorityLaneOptions() {
  const { t } = useTranslation();
  return PRIORITY_LANES.map((lane) => ({ value: lane, label: t(`fairs.priorityLanes.${lane}`) }));
}
