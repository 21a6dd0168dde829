import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TJob } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { useJobAction } from './jobs-api';

/** 提交 a draft (published at once for verified employers, else sent to review) and 关闭 an open job. */
export function JobActions({ job }: { job: TJob }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const action = useJobAction();
  const onError = (error: unknown) => void message.error(errorText(error));

  const submit = () =>
    action.mutate(
      { jobId: job.id, action: { action: 'submit' } },
      {
        onSuccess: (updated) => void message.success(t(updated.status === 'published' ? 'jobs.submittedPublished' : 'jobs.submittedReview')),
        onError,
      },
    );
  const close = () =>
    action.mutate({ jobId: job.id, action: { action: 'close' } }, { onSuccess: () => void message.success(t('jobs.closed')), onError });

  return (
    <>
      {job.status === 'draft' && (
        <Popconfirm
          title={t(job.employerVerified ? 'jobs.confirmSubmitPublish' : 'jobs.confirmSubmitReview')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={submit}
        >
          <Button size="small" type="primary" loading={action.isPending} data-testid="job-submit">
            {t('jobs.submit')}
          </Button>
        </Popconfirm>
      )}
      {job.status !== 'closed' && (
        <Popconfirm title={t('jobs.confirmClose')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={close}>
          <Button size="small" danger loading={action.isPending} data-testid="job-close">
            {t('jobs.close')}
          </Button>
        </Popconfirm>
      )}
    </>
  );
}
