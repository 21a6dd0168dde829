import { useState } from 'react';
import { Empty, Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBooth, TConversation } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { ChatPanel } from '../chat/ChatPanel';
import { useLiveEvent } from '../live/live-connection';
import { EndConversationButton } from './EndConversationButton';
import { HandOffButton } from './HandOffButton';

interface TConversationTabsProps {
  boothId: string;
  conversations: TConversation[];
  representatives: TBooth['representatives'];
}

/** One tab per conversation the recruiter holds (up to K at once); a new one comes to the front. */
export function ConversationTabs({ boothId, conversations, representatives }: TConversationTabsProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [chosen, setChosen] = useState<string | undefined>();

  useLiveEvent('conversation:started', (conversation) => {
    if (conversation.boothId === boothId && conversation.recruiterId === user.id) setChosen(conversation.id);
  });

  if (conversations.length === 0) return <Empty description={t('console.noConversations')} />;
  const activeKey = conversations.some((conversation) => conversation.id === chosen) ? chosen : conversations[0]?.id;

  return (
    <Tabs
      activeKey={activeKey}
      onChange={setChosen}
      items={conversations.map((conversation) => ({
        key: conversation.id,
        label: conversation.graduateName,
        children: (
          <ChatPanel
            conversationId={conversation.id}
            viewer="recruiter"
            actions={(current) =>
              current.status === 'active' && (
                <Flex gap={8} wrap>
                  <HandOffButton conversationId={current.id} representatives={representatives} />
                  <EndConversationButton conversationId={current.id} />
                </Flex>
              )
            }
          />
        ),
      }))}
      data-testid="conversation-tabs"
    />
  );
}
