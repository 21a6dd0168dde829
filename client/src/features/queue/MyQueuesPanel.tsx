import { Button, Card, Divider, Empty, Flex, Tag, Typography } from 'antd';
import { MessageOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TQueuePlace } from '@yunpin/shared';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { useWaitText } from '../live/use-wait-text';
import { LeaveQueueButton } from './LeaveQueueButton';
import { useMyQueues } from './use-my-queues';

function PlaceRow({ place, isBeingCalled }: { place: TQueuePlace; isBeingCalled: boolean }) {
  const { t } = useTranslation();
  const waitText = useWaitText();
  return (
    <Flex justify="space-between" align="center" gap={8} wrap data-testid="my-queue-place">
      <Flex vertical gap={2}>
        <Link to={`/fairs/${encodeURIComponent(place.fairId)}/booths/${encodeURIComponent(place.boothId)}`}>
          {place.organisationName}
        </Link>
        <Typography.Text type="secondary">
          {t('queue.placeSummary', { position: place.position, total: place.waitingTotal, wait: waitText(place.estimatedWaitSeconds) })}
        </Typography.Text>
        <Flex gap={4} wrap>
          {isBeingCalled && <Tag color="green">{t('queue.beingCalledTag')}</Tag>}
          {place.isHeld && !isBeingCalled && <Tag color="gold">{t('queue.heldTag')}</Tag>}
          {place.hasMissedOnce && <Tag color="orange">{t('queue.missedOnceTag')}</Tag>}
        </Flex>
      </Flex>
      <LeaveQueueButton boothId={place.boothId} size="small" />
    </Flex>
  );
}

/** 我的排队: every booth the graduate waits at, and the conversations they are in. */
export function MyQueuesPanel() {
  const { t } = useTranslation();
  const queues = useMyQueues();

  const body = () => {
    if (queues.isPending) return <PageLoading />;
    if (queues.isError) return <QueryError error={queues.error} onRetry={() => void queues.refetch()} />;
    const { places, conversationIds, call } = queues.data;
    if (places.length === 0 && conversationIds.length === 0) return <Empty description={t('queue.noPlaces')} />;
    return (
      <Flex vertical gap={12}>
        {conversationIds.map((id, index) => (
          <Link key={id} to={`/graduate/conversations/${encodeURIComponent(id)}`}>
            <Button type="primary" icon={<MessageOutlined />} block data-testid="open-conversation">
              {t('queue.openConversation', { index: index + 1 })}
            </Button>
          </Link>
        ))}
        {conversationIds.length > 0 && places.length > 0 && <Divider style={{ margin: 0 }} />}
        {places.map((place) => (
          <PlaceRow key={place.boothId} place={place} isBeingCalled={call?.boothId === place.boothId} />
        ))}
      </Flex>
    );
  };

  return (
    <Card title={t('queue.mine')} data-testid="my-queues">
      {body()}
    </Card>
  );
}
