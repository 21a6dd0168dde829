import { Alert, App, Button, Flex } from 'antd';
import { VideoCameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TConversation } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { ConversationVideoPanel } from './ConversationVideoPanel';
import { useConversationActions } from './use-conversation';

export type TChatViewer = 'graduate' | 'recruiter';

/** The video of a conversation as each side sees it: the invitation, the call itself, and how it ended. */
export function VideoBar({ conversation, viewer }: { conversation: TConversation; viewer: TChatViewer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { inviteVideo, answerVideo } = useConversationActions(conversation.id);
  const onError = (error: unknown) => void message.error(errorText(error));
  const isActive = conversation.status === 'active';

  switch (conversation.videoState) {
    case 'accepted':
      return isActive ? <ConversationVideoPanel conversation={conversation} viewer={viewer} /> : null;
    case 'invited':
      if (viewer === 'recruiter') return <Alert type="info" showIcon title={t('chat.video.waiting')} data-testid="video-invited" />;
      return (
        <Alert
          type="info"
          showIcon
          icon={<VideoCameraOutlined />}
          title={t('chat.video.invitation')}
          data-testid="video-invited"
          action={
            <Flex gap={8}>
              <Button
                size="small"
                type="primary"
                loading={answerVideo.isPending}
                disabled={!isActive}
                onClick={() => answerVideo.mutate(true, { onError })}
                data-testid="video-accept"
              >
                {t('chat.video.accept')}
              </Button>
              <Button
                size="small"
                disabled={!isActive || answerVideo.isPending}
                onClick={() => answerVideo.mutate(false, { onError })}
                data-testid="video-decline"
              >
                {t('chat.video.decline')}
              </Button>
            </Flex>
          }
        />
      );
    case 'none':
    case 'declined':
    case 'failed':
    case 'ended': {
      const outcome = {
        none: null,
        declined: <Alert type="info" title={t('chat.video.declined')} />,
        failed: <Alert type="warning" showIcon title={t('chat.video.failed')} data-testid="video-failed" />,
        ended: <Alert type="info" title={t('chat.video.ended')} data-testid="video-ended" />,
      }[conversation.videoState];
      if (viewer === 'graduate') return outcome;
      return (
        <Flex align="center" gap={8}>
          <Button
            icon={<VideoCameraOutlined />}
            loading={inviteVideo.isPending}
            disabled={!isActive}
            onClick={() => inviteVideo.mutate(undefined, { onError })}
            data-testid="video-invite"
          >
            {conversation.videoState === 'none' ? t('chat.video.invite') : t('chat.video.inviteAgain')}
          </Button>
          {outcome}
        </Flex>
      );
    }
  }
}
