import { Alert, App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TConversation } from '@yunpin/shared';
import { useNow } from '../../lib/use-now';
import { useErrorText } from '../../lib/use-error-text';
import { useConversationActions } from './use-conversation';

const EXTEND_MINUTES = 5;
const CLOCK_TICK_MS = 15_000;

interface TSoftLimitBannerProps {
  conversation: TConversation;
  /** The soft limit the server last warned about. */
  warnedFor: string | null;
}

/** Past the suggested length both sides see a reminder; the chat never closes by itself. */
export function SoftLimitBanner({ conversation, warnedFor }: TSoftLimitBannerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const now = useNow(CLOCK_TICK_MS);
  const { extend } = useConversationActions(conversation.id);
  const isPastLimit = warnedFor === conversation.softLimitAt || now >= Date.parse(conversation.softLimitAt);
  if (conversation.status !== 'active' || !isPastLimit) return null;

  return (
    <Alert
      type="warning"
      showIcon
      title={t('chat.softLimit')}
      action={
        <Button
          size="small"
          loading={extend.isPending}
          onClick={() => extend.mutate(EXTEND_MINUTES, { onError: (error) => void message.error(errorText(error)) })}
          data-testid="chat-extend"
        >
          {t('chat.extend', { minutes: EXTEND_MINUTES })}
        </Button>
      }
      data-testid="chat-soft-limit"
    />
  );
}
