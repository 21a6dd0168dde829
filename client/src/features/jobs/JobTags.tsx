import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TJobStatus } from '@yunpin/shared';

const STATUS_COLOURS: Record<TJobStatus, string> = {
  draft: 'default',
  review: 'processing',
  published: 'success',
  closed: 'default',
};

export function JobStatusTag({ status }: { status: TJobStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="job-status">
      {t(`jobs.statuses.${status}`)}
    </Tag>
  );
}

/** Monthly salary in yuan, such as 8,000–12,000 元/月. */
export function useSalaryText(): (job: { salaryMin: number; salaryMax: number }) => string {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'en' ? 'en' : 'zh-CN');
  return ({ salaryMin, salaryMax }) =>
    salaryMin === salaryMax
      ? t('jobs.salaryOne', { amount: format.format(salaryMin) })
      : t('jobs.salaryRange', { min: format.format(salaryMin), max: format.format(salaryMax) });
}
