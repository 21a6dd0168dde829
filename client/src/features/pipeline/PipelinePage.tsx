import { Button, Card, Flex, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TJob } from '@yunpin/shared';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { useRouteParam } from '../../lib/use-route-param';
import { JobReviewNote } from '../jobs/JobReviewNote';
import { JobStatusTag, useSalaryText } from '../jobs/JobTags';
import { jobPath, useJob } from '../jobs/jobs-api';
import { ServerCsvButton } from '../jobs/ServerCsvButton';
import { InterviewSlotsPanel } from '../interviews/InterviewSlotsPanel';
import { PipelineTable } from './PipelineTable';
import { RecommendedCandidates } from './RecommendedCandidates';
import { ScreeningProgressCard } from './ScreeningProgressCard';

function PipelineHeader({ job }: { job: TJob }) {
  const { t } = useTranslation();
  const salaryText = useSalaryText();
  return (
    <Card
      title={
        <Flex align="center" gap={8} wrap>
          <Link to="/employer/jobs">
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('pipeline.backToJobs')} />
          </Link>
          {job.title}
          <JobStatusTag status={job.status} />
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          <ServerCsvButton path={`${jobPath(job.id)}/applications.csv`} name={`${job.title}-${t('pipeline.exportName')}`} testId="pipeline-export" />
          {job.status !== 'closed' && (
            <Link to={`/employer/jobs/${encodeURIComponent(job.id)}/edit`}>
              <Button icon={<EditOutlined />}>{t('jobs.edit')}</Button>
            </Link>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          {[job.townName, salaryText(job), t('jobs.deadlineOn', { date: job.deadline }), t('pipeline.openApplications', { count: job.applicationCount ?? 0 })].join(' · ')}
        </Typography.Text>
        <JobReviewNote job={job} />
      </Flex>
    </Card>
  );
}

/** 申请管理: one job's applicants with advisory scores, screening progress, bulk and single moves, and recommended candidates. */
export function PipelinePage() {
  const { t } = useTranslation();
  const jobId = useRouteParam('jobId');
  const job = useJob(jobId);
  if (job.isPending) return <PageLoading />;
  if (job.isError) return <QueryError error={job.error} onRetry={() => void job.refetch()} />;
  return (
    <Flex vertical gap={16}>
      <PipelineHeader job={job.data} />
      <ScreeningProgressCard jobId={jobId} canRescreen={job.data.status !== 'closed'} />
      <Card>
        <Tabs
          items={[
            { key: 'applications', label: t('pipeline.applicationsTab'), children: <PipelineTable jobId={jobId} canMove /> },
            { key: 'recommended', label: t('pipeline.recommendedTab'), children: <RecommendedCandidates jobId={jobId} /> },
            { key: 'interviews', label: <span data-testid="pipeline-interviews-tab">{t('interviews.slotsTab')}</span>, children: <InterviewSlotsPanel job={job.data} /> },
          ]}
          destroyOnHidden
          data-testid="pipeline-tabs"
        />
      </Card>
    </Flex>
  );
}
