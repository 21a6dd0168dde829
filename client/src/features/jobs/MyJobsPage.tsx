import { Button, Card, Flex, Segmented, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, ExclamationCircleOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TJob, TJobStatus } from '@yunpin/shared';
import { PagedTable } from '../../app/ui/PagedTable';
import { formatDateTime } from '../../lib/format';
import { usePagedList } from '../../lib/use-paged-list';
import { JobActions } from './JobActions';
import { JobStatusTag, useSalaryText } from './JobTags';
import { JOBS_KEY, jobsCsvPath } from './jobs-api';
import { ServerCsvButton } from './ServerCsvButton';

type TMyJobFilters = { scope: 'mine'; status?: TJobStatus };
type TStatusChoice = TJobStatus | 'all';

const STATUS_CHOICES: readonly TStatusChoice[] = ['all', 'draft', 'review', 'published', 'closed'];

function jobUrl(job: TJob, page: 'edit' | 'pipeline'): string {
  return `/employer/jobs/${encodeURIComponent(job.id)}/${page}`;
}

function useColumns(): TableColumnsType<TJob> {
  const { t } = useTranslation();
  const salaryText = useSalaryText();
  return [
    {
      key: 'title',
      title: t('jobs.title'),
      render: (_, job) => (
        <Flex gap={6} align="center">
          <Link to={jobUrl(job, 'pipeline')}>{job.title}</Link>
          {job.status === 'draft' && job.reviewNote && (
            <Tooltip title={t('jobs.returnedNote', { note: job.reviewNote })}>
              <ExclamationCircleOutlined style={{ color: '#faad14' }} aria-label={t('jobs.returnedTitle')} />
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('jobs.status'),
      render: (_, job) => (
        <Flex vertical gap={2}>
          <JobStatusTag status={job.status} />
          {job.status === 'draft' && job.reviewNote && (
            <Typography.Text type="warning" style={{ fontSize: 12, maxWidth: 240 }} ellipsis={{ tooltip: job.reviewNote }}>
              {job.reviewNote}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'town', title: t('jobs.town'), dataIndex: 'townName' },
    { key: 'salary', title: t('jobs.salary'), render: (_, job) => salaryText(job) },
    { key: 'applications', title: t('jobs.applicationCount'), render: (_, job) => job.applicationCount ?? 0 },
    { key: 'deadline', title: t('jobs.deadline'), dataIndex: 'deadline' },
    { key: 'updatedAt', title: t('jobs.updatedAt'), render: (_, job) => formatDateTime(job.updatedAt) },
    {
      key: 'actions',
      title: t('office.actions'),
      render: (_, job) => (
        <Flex gap={8} wrap>
          <Link to={jobUrl(job, 'pipeline')}>
            <Button size="small" icon={<TeamOutlined />} data-testid="job-pipeline">
              {t('jobs.pipeline')}
            </Button>
          </Link>
          {job.status !== 'closed' && (
            <Link to={jobUrl(job, 'edit')}>
              <Button size="small" icon={<EditOutlined />} data-testid="job-edit">
                {t('jobs.edit')}
              </Button>
            </Link>
          )}
          <JobActions job={job} />
        </Flex>
      ),
    },
  ];
}

/** 职位管理: the employer's jobs in every status, with their applications, edits, submission and closing. */
export function MyJobsPage() {
  const { t } = useTranslation();
  const list = usePagedList<TJob, TMyJobFilters>([...JOBS_KEY, 'list', 'mine'], '/jobs', { scope: 'mine' });
  const columns = useColumns();
  const choice: TStatusChoice = list.filters.status ?? 'all';
  return (
    <Card
      title={t('nav.myJobs')}
      extra={
        <Flex gap={8} wrap>
          <ServerCsvButton path={jobsCsvPath(list.filters)} name={t('nav.myJobs')} testId="jobs-export" />
          <Link to="/employer/jobs/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="job-create">
              {t('jobs.create')}
            </Button>
          </Link>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Segmented<TStatusChoice>
          value={choice}
          onChange={(status) => list.setFilters({ scope: 'mine', ...(status === 'all' ? {} : { status }) })}
          options={STATUS_CHOICES.map((status) => ({ value: status, label: status === 'all' ? t('jobs.allStatuses') : t(`jobs.statuses.${status}`) }))}
          data-testid="my-jobs-status"
        />
        <PagedTable list={list} columns={columns} />
      </Flex>
    </Card>
  );
}
