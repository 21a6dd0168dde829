import { useState } from 'react';
import { Card, Empty, Flex, Pagination, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TJob } from '@yunpin/shared';
import { QueryError } from '../../app/ui/QueryError';
import { usePagedList } from '../../lib/use-paged-list';
import { ApplyToJob } from './ApplyToJob';
import { JobCard } from './JobCard';
import { JobDrawer } from './JobDrawer';
import { JobFilters } from './JobFilters';
import type { TJobFilters } from './job-filters';
import { JOBS_KEY } from './jobs-api';

/** 职位搜索: published jobs open for applications, searched in Chinese or English and filtered. */
export function JobSearchPage() {
  const { t } = useTranslation();
  const list = usePagedList<TJob, TJobFilters>([...JOBS_KEY, 'list', 'search'], '/jobs', {});
  const [openJob, setOpenJob] = useState<TJob | null>(null);
  const { query, pagination } = list;
  const jobs = query.data?.items ?? [];

  const body = () => {
    if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
    return (
      <Spin spinning={query.isFetching}>
        <Flex vertical gap={12} data-testid="job-results">
          {jobs.length === 0 && !query.isPending && <Empty description={t('jobs.noJobs')} />}
          {jobs.map((job) => (
            <JobCard key={job.id} job={job} onOpen={setOpenJob} />
          ))}
          {jobs.length > 0 && <Pagination {...pagination} align="end" />}
        </Flex>
      </Spin>
    );
  };

  return (
    <Card title={t('nav.jobSearch')}>
      <Flex vertical gap={16}>
        <JobFilters value={list.filters} onChange={list.setFilters} />
        {body()}
      </Flex>
      <JobDrawer job={openJob} onClose={() => setOpenJob(null)} actions={(job) => <ApplyToJob job={job} />} />
    </Card>
  );
}
