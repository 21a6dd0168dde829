import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/use-error-text';
import { useLeaveQueue } from './use-my-queues';

export function LeaveQueueButton({ boothId, size }: { boothId: string; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const leave = useLeaveQueue();
  return (
    <Popconfirm
      title={t('queue.confirmLeave')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        leave.mutate(boothId, {
          onSuccess: () => void message.success(t('queue.left')),
          onError: (error) => void message.error(errorText(error)),
        })
      }
    >
      <Button size={size} danger loading={leave.isPending} data-testid="queue-leave">
        {t('queue.leave')}
      </Button>
    </Popconfirm>
  );
}
