import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATUSES, type TApplicationStatus } from '@yunpin/shared';

const COLOURS: Record<TApplicationStatus, string> = {
  new: 'blue',
  screened: 'cyan',
  interview: 'purple',
  offer: 'gold',
  hired: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

export function isApplicationStatus(value: string): value is TApplicationStatus {
  return APPLICATION_STATUSES.some((status) => status === value);
}

/** The status's name; history entries carry plain strings, shown as written when unknown. */
export function useApplicationStatusText(): (status: string) => string {
  const { t } = useTranslation();
  return (status) => (isApplicationStatus(status) ? t(`applications.statuses.${status}`) : status);
}

export function ApplicationStatusTag({ status }: { status: TApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="application-status" data-status={status}>
      {t(`applications.statuses.${status}`)}
    </Tag>
  );
}
