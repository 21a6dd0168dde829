import { Alert, App, Button, Card, Flex } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFair } from '@yunpin/shared';
import { PageLoading } from '../../app/ui/PageLoading';
import { isApiError } from '../../lib/api-error';
import { useErrorText } from '../../lib/use-error-text';
import { RegistrationButton } from '../fairs/RegistrationButton';
import { LeaveQueueButton } from '../queue/LeaveQueueButton';
import { QueueWidget } from '../queue/QueueWidget';
import { useJoinQueue, useMyQueues } from '../queue/use-my-queues';
import { LeaveMessageForm } from './LeaveMessageForm';

interface TBoothQueueCardProps {
  boothId: string;
  fair: TFair;
  isOnDuty: boolean;
}

function JoinButton({ boothId }: { boothId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const join = useJoinQueue();
  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'conflict') void message.error(t('queue.joinRefused'));
    else void message.error(errorText(error));
  };
  return (
    <Button
      type="primary"
      size="large"
      icon={<TeamOutlined />}
      block
      loading={join.isPending}
      onClick={() => join.mutate(boothId, { onError })}
      data-testid="queue-join"
    >
      {t('queue.join')}
    </Button>
  );
}

/** The graduate's side of a booth: their place in its queue, a way to join, or a message form when nobody is on duty. */
export function BoothQueueCard({ boothId, fair, isOnDuty }: TBoothQueueCardProps) {
  const { t } = useTranslation();
  const queues = useMyQueues();
  const place = queues.data?.places.find((item) => item.boothId === boothId);

  const content = () => {
    if (queues.isPending) return <PageLoading />;
    if (place) {
      return (
        <Flex vertical gap={16}>
          <QueueWidget place={place} isBeingCalled={queues.data?.call?.boothId === boothId} />
          <LeaveQueueButton boothId={boothId} />
        </Flex>
      );
    }
    if (!isOnDuty) return <LeaveMessageForm boothId={boothId} />;
    if (fair.status !== 'live') return <Alert type="info" showIcon title={t('queue.fairNotLive')} />;
    if (!fair.isRegistered) {
      return (
        <Flex vertical gap={12}>
          <Alert type="info" showIcon title={t('queue.registerFirst')} />
          <RegistrationButton fair={fair} />
        </Flex>
      );
    }
    return <JoinButton boothId={boothId} />;
  };

  const title = place ? t('queue.yourPlace') : isOnDuty ? t('queue.title') : t('booths.leaveMessageTitle');
  return <Card title={title}>{content()}</Card>;
}
