import type { ReactNode } from 'react';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TConversation } from '@yunpin/shared';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { formatShanghaiTime } from '../../lib/shanghai-time';
import { ChatComposer } from './ChatComposer';
import { ChatMessages } from './ChatMessages';
import { SoftLimitBanner } from './SoftLimitBanner';
import { useConversation } from './use-conversation';
import { useSendMessage } from './use-send-message';
import { VideoBar, type TChatViewer } from './VideoBar';

interface TChatPanelProps {
  conversationId: string;
  viewer: TChatViewer;
  /** Buttons for the viewer's side, such as hand-off and ending the conversation. */
  actions?: (conversation: TConversation) => ReactNode;
}

function ChatTitle({ conversation, viewer }: { conversation: TConversation; viewer: TChatViewer }) {
  const { t } = useTranslation();
  const isActive = conversation.status === 'active';
  return (
    <Flex vertical gap={2}>
      <Flex align="center" gap={8} wrap>
        <Typography.Text strong>
          {viewer === 'graduate' ? `${conversation.organisationName} · ${conversation.recruiterName}` : conversation.graduateName}
        </Typography.Text>
        <Tag color={isActive ? 'green' : 'default'} data-testid="chat-status">
          {isActive ? t('chat.active') : t('chat.ended')}
        </Tag>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('chat.timing', { started: formatShanghaiTime(conversation.startedAt), softLimit: formatShanghaiTime(conversation.softLimitAt) })}
      </Typography.Text>
    </Flex>
  );
}

/** A conversation between a graduate and a recruiter: history, live messages, the soft-limit reminder and video state. */
export function ChatPanel({ conversationId, viewer, actions }: TChatPanelProps) {
  const { query, warnedFor } = useConversation(conversationId);
  const sender = useSendMessage(conversationId);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const { conversation, messages } = query.data;

  return (
    <Flex vertical gap={12} data-testid="chat-panel">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <ChatTitle conversation={conversation} viewer={viewer} />
        {actions?.(conversation)}
      </Flex>
      <SoftLimitBanner conversation={conversation} warnedFor={warnedFor} />
      <VideoBar conversation={conversation} viewer={viewer} />
      <ChatMessages conversation={conversation} messages={messages} outgoing={sender.outgoing} onRetry={sender.retry} />
      <ChatComposer onSend={sender.send} disabled={conversation.status !== 'active'} />
    </Flex>
  );
}
