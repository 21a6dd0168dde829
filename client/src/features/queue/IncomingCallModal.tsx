import { App, Button, Descriptions, Modal } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TIncomingCall } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { SecondsLeft } from '../live/SecondsLeft';
import { useAcceptCall, useDeclineCall, useMyQueues } from './use-my-queues';

function CallDetails({ call }: { call: TIncomingCall }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      column={1}
      items={[
        { key: 'organisation', label: t('call.organisation'), children: call.organisationName },
        { key: 'recruiter', label: t('call.recruiter'), children: call.recruiterName },
        { key: 'expires', label: t('call.answerWithin'), children: <SecondsLeft until={call.expiresAt} /> },
      ]}
    />
  );
}

/** Rings when a booth calls the graduate; closes by itself when the call is cancelled or lapses. */
export function IncomingCallModal() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queues = useMyQueues();
  const accept = useAcceptCall();
  const decline = useDeclineCall();
  const call = queues.data?.call ?? null;
  const onError = (error: unknown) => void message.error(errorText(error));

  return (
    <Modal
      open={call !== null}
      title={
        <>
          <PhoneOutlined /> {t('call.title')}
        </>
      }
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        call && [
          <Button
            key="decline"
            danger
            loading={decline.isPending}
            disabled={accept.isPending}
            onClick={() => decline.mutate(call.callId, { onError })}
            data-testid="call-decline"
          >
            {t('call.decline')}
          </Button>,
          <Button
            key="accept"
            type="primary"
            loading={accept.isPending}
            disabled={decline.isPending}
            onClick={() => accept.mutate(call.callId, { onError })}
            data-testid="call-accept"
          >
            {t('call.accept')}
          </Button>,
        ]
      }
      data-testid="incoming-call"
    >
      {call && <CallDetails call={call} />}
    </Modal>
  );
}
