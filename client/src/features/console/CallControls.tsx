import { App, Button, Card, Flex, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TCallPlaced, TStaffQueue } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { useErrorText } from '../../lib/use-error-text';
import { SecondsLeft } from '../live/SecondsLeft';
import { isRecruiterFull, useCallActions } from './use-console';

type TPendingCall = TStaffQueue['pendingCalls'][number];

interface TCallControlsProps {
  boothId: string;
  queue: TStaffQueue;
}

/** 呼叫下一位, and for each call of this recruiter still ringing: skip or put back. */
export function CallControls({ boothId, queue }: TCallControlsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const actions = useCallActions(boothId);
  const myCalls = queue.pendingCalls.filter((call) => call.recruiterId === user.id);

  const onError = (error: unknown) => void message.error(isRecruiterFull(error) ? t('console.recruiterFull') : errorText(error));
  const onPlaced = (placed: TCallPlaced | null) =>
    placed
      ? void message.success(t('console.calling', { name: placed.candidate.name }))
      : void message.info(t('console.nobodyToCall'));

  const pendingCall = (call: TPendingCall) => (
    <Card key={call.callId} size="small" data-testid="pending-call">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex vertical>
          <Typography.Text>{t('console.callingName', { name: call.candidate.name })}</Typography.Text>
          <SecondsLeft until={call.expiresAt} />
        </Flex>
        <Flex gap={8}>
          <Button
            loading={actions.skip.isPending && actions.skip.variables === call.callId}
            onClick={() => actions.skip.mutate(call.callId, { onSuccess: onPlaced, onError })}
            data-testid="call-skip"
          >
            {t('console.skip')}
          </Button>
          <Button
            loading={actions.putBack.isPending && actions.putBack.variables === call.callId}
            onClick={() => actions.putBack.mutate(call.callId, { onError })}
            data-testid="call-return"
          >
            {t('console.putBack')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );

  return (
    <Flex vertical gap={12}>
      <Button
        type="primary"
        size="large"
        icon={<PhoneOutlined />}
        loading={actions.next.isPending}
        onClick={() => actions.next.mutate(undefined, { onSuccess: onPlaced, onError })}
        data-testid="call-next"
      >
        {t('console.callNext')}
      </Button>
      {myCalls.map(pendingCall)}
    </Flex>
  );
}
