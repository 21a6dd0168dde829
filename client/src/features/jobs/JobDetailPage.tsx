import { Button, Card, Flex } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { useRouteParam } from '../../lib/use-route-param';
import { ApplyToJob } from './ApplyToJob';
import { JobDetails } from './JobDetails';
import { useJob } from './jobs-api';

/** One job on its own page, for links from recommendations and applications. */
export function JobDetailPage() {
  const { t } = useTranslation();
  const jobId = useRouteParam('jobId');
  const job = useJob(jobId);
  const back = (
    <Link to="/graduate/jobs">
      <Button type="text" icon={<ArrowLeftOutlined />}>
        {t('jobs.backToSearch')}
      </Button>
    </Link>
  );
  if (job.isPending) return <PageLoading />;
  if (job.isError) return <QueryError error={job.error} onRetry={() => void job.refetch()} />;
  return (
    <Card title={back} extra={<ApplyToJob job={job.data} />} style={{ maxWidth: 960 }}>
      <Flex vertical gap={16}>
        <JobDetails job={job.data} />
      </Flex>
    </Card>
  );
}
