import { useMemo } from 'react';
import { Alert, App, Button, Col, Flex, Row, Tag, Typography } from 'antd';
import { AudioMutedOutlined, AudioOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TConversation } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { boothVideoSocket, conversationVideoChannel, videoRequest } from '../../media/booth-video-socket';
import { useLiveConnection } from '../live/live-connection';
import { openLocalMedia } from '../video/local-media';
import { useMediaSession } from '../video/use-media-session';
import { VideoTile } from '../video/VideoTile';
import type { TChatViewer } from './VideoBar';

/**
 * The video of a conversation, shown above the chat once the graduate has accepted: both sides' cameras,
 * mute and hang-up. If the media fails the server says so (video state `failed`) and the chat carries on.
 */
export function ConversationVideoPanel({ conversation, viewer }: { conversation: TConversation; viewer: TChatViewer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { socket } = useLiveConnection();
  const channel = useMemo(() => conversationVideoChannel(boothVideoSocket(socket), conversation.id), [socket, conversation.id]);
  const { session, state, isPartial } = useMediaSession(channel, openLocalMedia);
  const phase = state?.phase ?? 'connecting';
  const otherName = viewer === 'graduate' ? conversation.recruiterName : conversation.graduateName;
  const remote = state?.remote[0]?.stream ?? null;

  return (
    <Flex vertical gap={8} data-testid="video-panel" data-phase={phase} data-frames-decoded={state?.quality?.framesDecoded ?? 0}>
      <Flex align="center" justify="space-between" gap={8} wrap>
        <Tag color={phase === 'in-call' ? 'green' : 'blue'}>{phase === 'in-call' ? t('chat.video.live') : t('chat.video.connecting')}</Tag>
        <Flex gap={8}>
          <Button
            size="small"
            icon={state?.isMuted ? <AudioMutedOutlined /> : <AudioOutlined />}
            disabled={!session}
            onClick={() => session?.setMuted(!state?.isMuted)}
            data-testid="video-mute"
          >
            {state?.isMuted ? t('chat.video.unmute') : t('chat.video.mute')}
          </Button>
          <Button
            size="small"
            danger
            icon={<PhoneOutlined />}
            onClick={() => void videoRequest(boothVideoSocket(socket), 'video:hang-up', { conversationId: conversation.id }).catch((error: unknown) => void message.error(errorText(error)))}
            data-testid="video-hang-up"
          >
            {t('chat.video.hangUp')}
          </Button>
        </Flex>
      </Flex>
      {isPartial && <Alert type="info" showIcon title={t('chat.video.noCamera')} />}
      {phase === 'failed' && state?.error && <Alert type="warning" showIcon title={t('chat.video.failed')} description={<Typography.Text type="secondary">{state.error.message}</Typography.Text>} />}
      <Row gutter={8}>
        <Col span={16}>
          <VideoTile stream={remote} label={otherName} testId="video-remote" />
        </Col>
        <Col span={8}>
          <VideoTile stream={session?.localStream ?? null} label={t('chat.video.you')} isLocal testId="video-local" />
        </Col>
      </Row>
    </Flex>
  );
}
