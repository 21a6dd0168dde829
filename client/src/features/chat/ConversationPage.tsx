import { App, Button, Card, Flex, Popconfirm } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRouteParam } from '../../lib/use-route-param';
import { useErrorText } from '../../lib/use-error-text';
import { ConnectionAlert } from '../live/ConnectionAlert';
import { ChatPanel } from './ChatPanel';
import { useConversationActions } from './use-conversation';

function LeaveConversationButton({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { end } = useConversationActions(conversationId);
  return (
    <Popconfirm
      title={t('chat.confirmLeave')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() => end.mutate({}, { onError: (error) => void message.error(errorText(error)) })}
    >
      <Button danger loading={end.isPending} data-testid="chat-leave">
        {t('chat.leave')}
      </Button>
    </Popconfirm>
  );
}

/** A graduate's conversation with a booth, opened when they accept a call. */
export function ConversationPage() {
  const { t } = useTranslation();
  const conversationId = useRouteParam('conversationId');
  return (
    <Flex vertical gap={16}>
      <ConnectionAlert />
      <Card title={t('chat.title')} style={{ maxWidth: 880 }}>
        <ChatPanel
          conversationId={conversationId}
          viewer="graduate"
          actions={(conversation) => (
            <Flex align="center" gap={12}>
              <Link to={`/fairs/${encodeURIComponent(conversation.fairId)}/lobby`}>
                <ArrowLeftOutlined /> {t('lobby.backToLobby')}
              </Link>
              {conversation.status === 'active' && <LeaveConversationButton conversationId={conversation.id} />}
            </Flex>
          )}
        />
      </Card>
    </Flex>
  );
}
