import { useTranslation } from 'react-i18next';
import { DEGREES, EMPLOYMENT_STATUSES } from '@yunpin/shared';

export function useDegreeOptions() {
  const { t } = useTranslation();
  return DEGREES.map((degree) => ({ value: degree, label: t(`degrees.${degree}`) }));
}

export function useEmploymentStatusOptions() {
  const { t } = useTranslation();
  return EMPLOYMENT_STATUSES.map((status) => ({ value: status, label: t(`employmentStatuses.${status}`) }));
}
