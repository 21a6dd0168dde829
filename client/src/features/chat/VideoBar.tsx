import { Alert, App, Button, Flex } from 'antd';
import { VideoCameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TConversation } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { useConversationActions } from './use-conversation';

export type TChatViewer = 'graduate' | 'recruiter';

/** The video invitation as each side sees it; the video call itself is not available yet. */
export function VideoBar({ conversation, viewer }: { conversation: TConversation; viewer: TChatViewer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { inviteVideo, answerVideo } = useConversationActions(conversation.id);
  const onError = (error: unknown) => void message.error(errorText(error));
  const isActive = conversation.status === 'active';

  switch (conversation.videoState) {
    case 'accepted':
      return <Alert type="info" showIcon title={t('chat.video.comingSoon')} data-testid="video-coming-soon" />;
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
      if (viewer === 'graduate') {
        return conversation.videoState === 'declined' ? <Alert type="info" title={t('chat.video.declined')} /> : null;
      }
      return (
        <Flex align="center" gap={8}>
          <Button
            icon={<VideoCameraOutlined />}
            loading={inviteVideo.isPending}
            disabled={!isActive}
            onClick={() => inviteVideo.mutate(undefined, { onError })}
            data-testid="video-invite"
          >
            {t('chat.video.invite')}
          </Button>
          {conversation.videoState === 'declined' && <Alert type="info" title={t('chat.video.declined')} />}
        </Flex>
      );
  }
}
