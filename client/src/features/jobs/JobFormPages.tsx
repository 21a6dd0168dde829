import { Alert, App, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TCreateJob, TJob } from '@yunpin/shared';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { useRouteParam } from '../../lib/use-route-param';
import { useErrorText } from '../../lib/use-error-text';
import { JobForm } from './JobForm';
import { JobReviewNote } from './JobReviewNote';
import { JobStatusTag } from './JobTags';
import { jobFormValues, newJobValues } from './job-form';
import { useCreateJob, useJob, useUpdateJob } from './jobs-api';

const MY_JOBS = '/employer/jobs';

/** 发布职位: a new job starts as a draft; submitting it publishes it (or sends it to review). */
export function JobCreatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const create = useCreateJob();
  const onSubmit = (payload: TCreateJob) =>
    create.mutate(payload, {
      onSuccess: () => {
        void message.success(t('jobs.created'));
        void navigate(MY_JOBS);
      },
      onError: (error) => void message.error(errorText(error)),
    });
  return (
    <Card title={t('jobs.create')} style={{ maxWidth: 1080 }}>
      <JobForm initialValues={newJobValues()} submitText={t('jobs.saveDraft')} isSubmitting={create.isPending} onSubmit={onSubmit} />
    </Card>
  );
}

function JobEditCard({ job }: { job: TJob }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const update = useUpdateJob(job.id);
  const onSubmit = (payload: TCreateJob) =>
    update.mutate(payload, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        void navigate(MY_JOBS);
      },
      onError: (error) => void message.error(errorText(error)),
    });
  return (
    <Card
      title={
        <Flex align="center" gap={8} wrap>
          {t('jobs.editTitle', { title: job.title })}
          <JobStatusTag status={job.status} />
        </Flex>
      }
      style={{ maxWidth: 1080 }}
    >
      <Flex vertical gap={16}>
        <JobReviewNote job={job} />
        {job.status === 'closed' ? (
          <Alert type="info" showIcon title={t('jobs.closedReadOnly')} />
        ) : (
          <>
            {job.status === 'published' && <Alert type="info" showIcon title={t('jobs.editRescreenHint')} />}
            <JobForm key={job.id} initialValues={jobFormValues(job)} submitText={t('common.save')} isSubmitting={update.isPending} onSubmit={onSubmit} />
          </>
        )}
      </Flex>
    </Card>
  );
}

export function JobEditPage() {
  const jobId = useRouteParam('jobId');
  const job = useJob(jobId);
  if (job.isPending) return <PageLoading />;
  if (job.isError) return <QueryError error={job.error} onRetry={() => void job.refetch()} />;
  return <JobEditCard job={job.data} />;
}
