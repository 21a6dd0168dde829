import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TJob } from '@yunpin/shared';

/** Where a submitted job stands: waiting for an organiser, or returned with the organiser's note. */
export function JobReviewNote({ job }: { job: TJob }) {
  const { t } = useTranslation();
  if (job.status === 'review') return <Alert type="info" showIcon title={t('jobs.inReview')} />;
  if (job.status === 'draft' && job.reviewNote) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('jobs.returnedTitle')}
        description={t('jobs.returnedNote', { note: job.reviewNote })}
        data-testid="job-review-note"
      />
    );
  }
  return null;
}
