import { Alert, Card, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TRecommendedJob } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { QueryError } from '../../app/ui/QueryError';
import { AdvisoryScore, AdvisoryScoreTitle, ScreeningCriteria } from '../applications/ScreeningCriteria';
import { useSalaryText } from '../jobs/JobTags';
import { DistanceTag } from './DistanceTag';
import { useMyRecommendedJobs } from './recommendations-api';

function rowAttributes(job: TRecommendedJob): Record<string, string> {
  return { 'data-testid': 'recommended-job', 'data-job-id': job.jobId };
}

export function useRecommendedJobColumns(jobLink: ((jobId: string) => string) | null): TableColumnsType<TRecommendedJob> {
  const { t } = useTranslation();
  const salaryText = useSalaryText();
  return [
    {
      key: 'title',
      title: t('jobs.title'),
      render: (_, job) => (
        <Flex vertical gap={2}>
          {jobLink ? <Link to={jobLink(job.jobId)}>{job.title}</Link> : <Typography.Text strong>{job.title}</Typography.Text>}
          <Typography.Text type="secondary">{job.organisationName}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'score', title: <AdvisoryScoreTitle />, render: (_, job) => <AdvisoryScore score={job.score} /> },
    {
      key: 'town',
      title: t('jobs.town'),
      render: (_, job) => (
        <Flex gap={6} align="center" wrap>
          {job.townName}
          <DistanceTag distance={job.distance} />
        </Flex>
      ),
    },
    { key: 'salary', title: t('jobs.salary'), render: (_, job) => salaryText(job) },
  ];
}

/** Recommended jobs as a table whose rows open the per-criterion match. */
export function RecommendedJobsTable({ items, loading, jobLink }: { items: TRecommendedJob[] | undefined; loading: boolean; jobLink: ((jobId: string) => string) | null }) {
  const { t } = useTranslation();
  const columns = useRecommendedJobColumns(jobLink);
  return (
    <Table<TRecommendedJob>
      rowKey="jobId"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      expandable={{ expandedRowRender: (job) => <ScreeningCriteria criteria={job.criteria} /> }}
      onRow={rowAttributes}
      locale={{ emptyText: t('recommendations.noJobs') }}
      data-testid="recommended-jobs"
    />
  );
}

/** 推荐职位: open jobs ranked by how well the graduate's resume meets them, then by distance. */
export function RecommendedJobsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const jobs = useMyRecommendedJobs();
  if (!user.graduateProfileId) return <Alert type="info" showIcon title={t('graduate.noFile')} />;
  return (
    <Card title={t('nav.recommendedJobs')}>
      <Flex vertical gap={16}>
        <Alert type="info" showIcon title={t('recommendations.hint')} />
        {jobs.isError ? (
          <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : (
          <RecommendedJobsTable items={jobs.data} loading={jobs.isFetching} jobLink={(jobId) => `/graduate/jobs/${encodeURIComponent(jobId)}`} />
        )}
      </Flex>
    </Card>
  );
}
