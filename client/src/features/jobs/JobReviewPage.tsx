import { useState } from 'react';
import { Button, Card, Flex, Segmented } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TJob, TJobStatus } from '@yunpin/shared';
import { PagedTable } from '../../app/ui/PagedTable';
import { formatDateTime } from '../../lib/format';
import { usePagedList } from '../../lib/use-paged-list';
import { VerifiedTag } from '../employer/VerifiedTag';
import { JobDrawer } from './JobDrawer';
import { JobReviewActions } from './JobReviewActions';
import { JobStatusTag, useSalaryText } from './JobTags';
import { JOBS_KEY, jobsCsvPath } from './jobs-api';
import { ServerCsvButton } from './ServerCsvButton';

type TReviewFilters = { status: TJobStatus };

const STATUSES: readonly TJobStatus[] = ['review', 'published', 'draft', 'closed'];

function useColumns(onOpen: (job: TJob) => void): TableColumnsType<TJob> {
  const { t } = useTranslation();
  const salaryText = useSalaryText();
  return [
    {
      key: 'title',
      title: t('jobs.title'),
      render: (_, job) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(job)} data-testid="job-review-open">
          {job.title}
        </Button>
      ),
    },
    {
      key: 'organisation',
      title: t('jobs.organisation'),
      render: (_, job) => (
        <Flex gap={6} align="center" wrap>
          {job.organisationName}
          <VerifiedTag isVerified={job.employerVerified} />
        </Flex>
      ),
    },
    { key: 'town', title: t('jobs.town'), dataIndex: 'townName' },
    { key: 'salary', title: t('jobs.salary'), render: (_, job) => salaryText(job) },
    { key: 'status', title: t('jobs.status'), render: (_, job) => <JobStatusTag status={job.status} /> },
    { key: 'updatedAt', title: t('jobs.updatedAt'), render: (_, job) => formatDateTime(job.updatedAt) },
    {
      key: 'actions',
      title: t('office.actions'),
      render: (_, job) => (
        <Flex gap={8}>
          <JobReviewActions job={job} />
        </Flex>
      ),
    },
  ];
}

/** 职位审核: jobs of unverified employers wait here for an organiser of their town to approve or return them. */
export function JobReviewPage() {
  const { t } = useTranslation();
  const list = usePagedList<TJob, TReviewFilters>([...JOBS_KEY, 'list', 'review'], '/jobs', { status: 'review' });
  const [openJob, setOpenJob] = useState<TJob | null>(null);
  const columns = useColumns(setOpenJob);
  return (
    <Card title={t('nav.jobReview')} extra={<ServerCsvButton path={jobsCsvPath(list.filters)} name={t('nav.jobReview')} testId="job-review-export" />}>
      <Flex vertical gap={16}>
        <Segmented<TJobStatus>
          value={list.filters.status}
          onChange={(status) => list.setFilters({ status })}
          options={STATUSES.map((status) => ({ value: status, label: t(`jobs.statuses.${status}`) }))}
          data-testid="job-review-status"
        />
        <PagedTable list={list} columns={columns} />
      </Flex>
      <JobDrawer
        job={openJob}
        withStatus
        onClose={() => setOpenJob(null)}
        actions={(job) => <JobReviewActions job={job} onDone={() => setOpenJob(null)} />}
      />
    </Card>
  );
}
