import { App, Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBooth, TStaffQueue } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { useRouteParam } from '../../lib/use-route-param';
import { useBooth } from '../fairs/fairs-api';
import { ConnectionAlert } from '../live/ConnectionAlert';
import { useLiveEvent } from '../live/live-connection';
import { useWaitText } from '../live/use-wait-text';
import { FairHeader } from '../lobby/FairHeader';
import { PresenterCard } from '../video/PresenterCard';
import { CallControls } from './CallControls';
import { ConversationTabs } from './ConversationTabs';
import { QueueTable } from './QueueTable';
import { useConsole } from './use-console';

function ConsoleBody({ booth, queue }: { booth: TBooth; queue: TStaffQueue }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const waitText = useWaitText();
  const mine = queue.activeConversations.filter((conversation) => conversation.recruiterId === user.id);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card
          title={t('console.queueTitle', { count: queue.entries.length })}
          extra={
            <Typography.Text type="secondary" data-testid="console-average">
              {t('console.averageService', { time: waitText(queue.averageServiceSeconds) })}
            </Typography.Text>
          }
        >
          <Flex vertical gap={16}>
            <CallControls boothId={booth.id} queue={queue} />
            <QueueTable entries={queue.entries} />
          </Flex>
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t('console.conversationsTitle', { count: mine.length, max: booth.maxConcurrentChats })}>
          <ConversationTabs boothId={booth.id} conversations={mine} representatives={booth.representatives} />
        </Card>
      </Col>
      <Col xs={24}>
        <PresenterCard boothId={booth.id} />
      </Col>
    </Row>
  );
}

/** 洽谈控制台: a recruiter calls graduates from the booth's queue and holds several chats at once. */
export function ConsolePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fairId = useRouteParam('fairId');
  const boothId = useRouteParam('boothId');
  const booth = useBooth(boothId);
  const queue = useConsole(boothId);

  useLiveEvent('call:cancelled', ({ reason }) => {
    if (reason === 'expired' || reason === 'declined') void message.info(t(`console.cancelled.${reason}`));
  });

  const body = () => {
    if (booth.isPending || queue.isPending) return <PageLoading />;
    if (booth.isError) return <QueryError error={booth.error} onRetry={() => void booth.refetch()} />;
    if (queue.isError) return <QueryError error={queue.error} onRetry={() => void queue.refetch()} />;
    return <ConsoleBody booth={booth.data} queue={queue.data} />;
  };

  return (
    <Flex vertical gap={16}>
      <ConnectionAlert />
      <FairHeader
        fairId={fairId}
        backTo="/employer/fairs"
        backLabel={t('console.backToBooths')}
        extra={booth.data && <Typography.Title level={5} style={{ margin: 0 }}>{booth.data.organisationName}</Typography.Title>}
      />
      {body()}
    </Flex>
  );
}
