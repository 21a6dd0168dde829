import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { DashboardOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TFair } from '@yunpin/shared';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { useRouteParam } from '../../lib/use-route-param';
import { useFair } from '../fairs/fairs-api';
import { FairLevelTag, FairStatusTag } from '../fairs/FairTags';
import { useFairTimeText, useHostNames } from '../fairs/use-fair-text';
import { BoothReviewTable } from './BoothReviewTable';
import { FairExportButtons } from './FairExportButtons';
import { FairStatusActions } from './FairStatusActions';

function FairDetails({ fair }: { fair: TFair }) {
  const { t } = useTranslation();
  const timeText = useFairTimeText();
  const hostNames = useHostNames()(fair.hosts);
  const empty = t('common.empty');
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'level', label: t('fairs.level'), children: <FairLevelTag level={fair.level} /> },
        { key: 'time', label: t('fairs.time'), children: `${timeText(fair)} ${t('fairs.beijingTime')}` },
        { key: 'hosts', label: t('fairAdmin.hosts'), children: hostNames.length > 0 ? hostNames.join('、') : empty },
        {
          key: 'registered',
          label: t('fairs.capacity'),
          children: t('fairs.registeredOf', { registered: fair.registeredCount, capacity: fair.capacity }),
        },
        { key: 'booths', label: t('fairAdmin.approvedBooths'), children: fair.boothCount },
        {
          key: 'lanes',
          label: t('fairAdmin.priorityLanes'),
          children:
            fair.priorityLanes.length === 0
              ? t('fairAdmin.noPriorityLanes')
              : fair.priorityLanes.map((lane) => <Tag key={lane}>{t(`fairs.priorityLanes.${lane}`)}</Tag>),
        },
        { key: 'timeout', label: t('fairAdmin.callTimeout'), children: t('fairAdmin.seconds', { seconds: fair.callTimeoutSeconds }) },
        {
          key: 'description',
          label: t('fairAdmin.description'),
          span: 'filled',
          children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{fair.description || empty}</Typography.Text>,
        },
      ]}
    />
  );
}

function FairManagement({ fair }: { fair: TFair }) {
  const { t } = useTranslation();
  const id = encodeURIComponent(fair.id);
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex align="center" gap={8} wrap>
            {fair.title}
            <FairStatusTag status={fair.status} />
          </Flex>
        }
        extra={
          <Flex gap={8} wrap>
            <FairStatusActions fair={fair} />
            <Link to={`/office/fairs/${id}/edit`}>
              <Button icon={<EditOutlined />} data-testid="fair-edit">
                {t('fairAdmin.edit')}
              </Button>
            </Link>
            {fair.status === 'live' && (
              <Link to={`/office/fairs/${id}/live`}>
                <Button icon={<DashboardOutlined />} data-testid="fair-live-view">
                  {t('fairAdmin.liveView')}
                </Button>
              </Link>
            )}
          </Flex>
        }
      >
        <Flex vertical gap={16}>
          <FairDetails fair={fair} />
          <FairExportButtons fair={fair} />
        </Flex>
      </Card>
      <Card title={t('fairAdmin.applications')}>
        <BoothReviewTable fairId={fair.id} />
      </Card>
    </Flex>
  );
}

/** One fair for its organisers: details, status changes, booth review and exports. */
export function FairManagePage() {
  const fairId = useRouteParam('fairId');
  const fair = useFair(fairId);
  if (fair.isPending) return <PageLoading />;
  if (fair.isError) return <QueryError error={fair.error} onRetry={() => void fair.refetch()} />;
  return <FairManagement fair={fair.data} />;
}
