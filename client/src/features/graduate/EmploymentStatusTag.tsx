import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TGraduateProfile } from '@yunpin/shared';

type TEmploymentStatus = TGraduateProfile['employmentStatus'];

const COLOURS: Record<TEmploymentStatus, string> = {
  unemployed: 'orange',
  employed: 'green',
  further_study: 'blue',
  not_seeking: 'default',
};

export function EmploymentStatusTag({ status }: { status: TEmploymentStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status]}>{t(`employmentStatuses.${status}`)}</Tag>;
}
