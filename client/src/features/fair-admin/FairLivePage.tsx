import { Badge, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFairLive } from '@yunpin/shared';
import { QueryError } from '../../app/ui/QueryError';
import { useRouteParam } from '../../lib/use-route-param';
import { useWaitText } from '../live/use-wait-text';
import { FairHeader } from '../lobby/FairHeader';
import { useFairLive } from './fair-admin-api';

type TLiveBooth = TFairLive['booths'][number];

function useLiveColumns(): TableColumnsType<TLiveBooth> {
  const { t } = useTranslation();
  const waitText = useWaitText();
  return [
    { key: 'organisation', title: t('booths.organisation'), dataIndex: 'organisationName' },
    {
      key: 'onDuty',
      title: t('fairAdmin.live.onDuty'),
      render: (_, booth) => (
        <Badge status={booth.isOnDuty ? 'success' : 'default'} text={booth.isOnDuty ? t('lobby.onDuty') : t('lobby.offDuty')} />
      ),
    },
    { key: 'waiting', title: t('lobby.waiting'), dataIndex: 'waiting' },
    { key: 'inConversation', title: t('lobby.inConversation'), dataIndex: 'inConversation' },
    { key: 'total', title: t('fairAdmin.live.conversationsTotal'), dataIndex: 'conversationsTotal' },
    { key: 'recruiters', title: t('fairAdmin.live.representativesOnline'), dataIndex: 'representativesOnline' },
    { key: 'wait', title: t('lobby.estimatedWait'), render: (_, booth) => waitText(booth.estimatedWaitSeconds) },
  ];
}

function LiveFigures({ live }: { live: TFairLive }) {
  const { t } = useTranslation();
  const sum = (pick: (booth: TLiveBooth) => number) => live.booths.reduce((total, booth) => total + pick(booth), 0);
  const figures = [
    { key: 'visitors', title: t('fairAdmin.live.visitorsOnline'), value: live.visitorsOnline },
    { key: 'registered', title: t('fairAdmin.live.registered'), value: live.registered },
    { key: 'waiting', title: t('fairAdmin.live.waitingTotal'), value: sum((booth) => booth.waiting) },
    { key: 'talking', title: t('fairAdmin.live.inConversationTotal'), value: sum((booth) => booth.inConversation) },
    { key: 'conversations', title: t('fairAdmin.live.conversationsTotal'), value: sum((booth) => booth.conversationsTotal) },
  ];
  return (
    <Row gutter={[16, 16]}>
      {figures.map((figure) => (
        <Col key={figure.key} xs={12} md={8} xl={4}>
          <Card>
            <Statistic title={figure.title} value={figure.value} data-testid={`fair-live-${figure.key}`} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** 实况: the organiser's view of a live fair, refreshed every three seconds. */
export function FairLivePage() {
  const { t } = useTranslation();
  const fairId = useRouteParam('fairId');
  const live = useFairLive(fairId);
  const columns = useLiveColumns();

  const body = () => {
    if (live.isError && !live.data) return <QueryError error={live.error} onRetry={() => void live.refetch()} />;
    return (
      <>
        {live.data && <LiveFigures live={live.data} />}
        <Card title={t('fairAdmin.live.booths')} extra={<Typography.Text type="secondary">{t('fairAdmin.live.polling')}</Typography.Text>}>
          <Table<TLiveBooth>
            rowKey="boothId"
            columns={columns}
            dataSource={live.data?.booths}
            loading={live.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="fair-live-booths"
          />
        </Card>
      </>
    );
  };

  return (
    <Flex vertical gap={16}>
      <FairHeader fairId={fairId} backTo={`/office/fairs/${encodeURIComponent(fairId)}`} backLabel={t('fairAdmin.backToFair')} />
      {body()}
    </Flex>
  );
}
