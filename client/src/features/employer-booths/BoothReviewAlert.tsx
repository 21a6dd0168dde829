import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBooth } from '@yunpin/shared';

/** Where the application stands: waiting for review, or refused with the organiser's reason. */
export function BoothReviewAlert({ booth }: { booth: TBooth }) {
  const { t } = useTranslation();
  if (booth.status === 'applied') return <Alert type="info" showIcon title={t('booths.awaitingReview')} />;
  if (booth.status === 'rejected') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('booths.rejectedTitle')}
        description={booth.reviewReason ? t('booths.rejectedReason', { reason: booth.reviewReason }) : undefined}
      />
    );
  }
  return null;
}
