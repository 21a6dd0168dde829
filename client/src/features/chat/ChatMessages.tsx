import { useEffect, useRef, type ReactNode } from 'react';
import { Button, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TChatMessage, TConversation } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { formatShanghaiTime } from '../../lib/shanghai-time';
import type { TOutgoingMessage } from './use-send-message';

const OWN_BUBBLE = { background: '#1677ff', color: '#fff' };
const OTHER_BUBBLE = { background: '#f5f5f5' };

interface TBubbleProps {
  isOwn: boolean;
  sender: string;
  body: string;
  meta: ReactNode;
  isPending?: boolean;
}

function Bubble({ isOwn, sender, body, meta, isPending = false }: TBubbleProps) {
  return (
    <Flex vertical align={isOwn ? 'flex-end' : 'flex-start'} gap={2} data-testid="chat-message">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {sender} {meta}
      </Typography.Text>
      <div
        style={{
          ...(isOwn ? OWN_BUBBLE : OTHER_BUBBLE),
          opacity: isPending ? 0.6 : 1,
          borderRadius: 8,
          padding: '6px 12px',
          maxWidth: '80%',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
        }}
      >
        {body}
      </div>
    </Flex>
  );
}

interface TChatMessagesProps {
  conversation: TConversation;
  messages: TChatMessage[];
  outgoing: TOutgoingMessage[];
  onRetry: (message: TOutgoingMessage) => void;
}

/** The conversation so far, newest at the bottom, with messages still being sent after them. */
export function ChatMessages({ conversation, messages, outgoing, onRetry }: TChatMessagesProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const listRef = useRef<HTMLDivElement>(null);
  const stored = new Set(messages.map((message) => message.id));
  const pending = outgoing.filter((message) => !stored.has(message.clientMessageId));
  const count = messages.length + pending.length;

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [count]);

  const senderName = (senderId: string) => {
    if (senderId === user.id) return t('chat.me');
    return senderId === conversation.graduateId ? conversation.graduateName : conversation.organisationName;
  };

  return (
    <div
      ref={listRef}
      style={{ height: 360, overflowY: 'auto', padding: 12, border: '1px solid #f0f0f0', borderRadius: 8 }}
      data-testid="chat-messages"
    >
      {count === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chat.noMessages')} />}
      <Flex vertical gap={12}>
        {messages.map((message) => (
          <Bubble
            key={message.id}
            isOwn={message.senderId === user.id}
            sender={senderName(message.senderId)}
            body={message.body}
            meta={formatShanghaiTime(message.sentAt)}
          />
        ))}
        {pending.map((message) => (
          <Bubble
            key={message.clientMessageId}
            isOwn
            isPending
            sender={t('chat.me')}
            body={message.body}
            meta={
              message.hasFailed ? (
                <>
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {t('chat.sendFailed')}
                  </Typography.Text>{' '}
                  <Button size="small" type="link" onClick={() => onRetry(message)} data-testid="chat-retry">
                    {t('common.retry')}
                  </Button>
                </>
              ) : (
                t('chat.sending')
              )
            }
          />
        ))}
      </Flex>
    </div>
  );
}
