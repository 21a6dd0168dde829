import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, List, Row, Typography } from 'antd';
import { DesktopOutlined, StopOutlined, UserDeleteOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PRESENTATION_MAX_VIEWERS, type TPresentationSource, type TPresentationViewer } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { boothVideoSocket, presentationChannel, videoRequest } from '../../media/booth-video-socket';
import { useLiveConnection } from '../live/live-connection';
import { openLocalMedia, openScreen } from './local-media';
import { useBoothVideoEvent } from './use-booth-video-event';
import { useMediaSession } from './use-media-session';
import { VideoTile } from './VideoTile';

/** While presenting: the preview of what is sent, who watches (with remove), and stop. */
function Presenting({ boothId, source, onStopped }: { boothId: string; source: TPresentationSource; onStopped: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { socket } = useLiveConnection();
  const channel = useMemo(() => presentationChannel(boothVideoSocket(socket), boothId, { presenter: source }), [socket, boothId, source]);
  const { session, state, openError } = useMediaSession(channel, source === 'screen' ? openScreen : openLocalMedia);
  const [viewers, setViewers] = useState<TPresentationViewer[]>([]);
  useBoothVideoEvent('presentation:viewers-changed', (update) => {
    if (update.boothId === boothId) setViewers(update.viewers);
  });
  const onError = (error: unknown) => void message.error(errorText(error));
  const phase = state?.phase ?? 'connecting';

  return (
    <Flex vertical gap={8} data-testid="presenter" data-phase={phase}>
      {openError !== null && <Alert type="warning" showIcon title={openError instanceof Error ? openError.message : String(openError)} />}
      {phase === 'failed' && state?.error && <Alert type="error" showIcon title={state.error.message} />}
      <Row gutter={12}>
        <Col xs={24} md={14}>
          <VideoTile stream={session?.localStream ?? null} label={t('presentation.live')} isLocal={source === 'camera'} testId="presenter-preview" />
        </Col>
        <Col xs={24} md={10}>
          <Typography.Text strong>{t('presentation.viewers', { count: viewers.length, max: PRESENTATION_MAX_VIEWERS })}</Typography.Text>
          <List
            size="small"
            dataSource={viewers}
            locale={{ emptyText: t('presentation.noViewers') }}
            renderItem={(viewer) => (
              <List.Item
                actions={[
                  <Button
                    key="remove"
                    size="small"
                    danger
                    icon={<UserDeleteOutlined />}
                    onClick={() => void videoRequest(boothVideoSocket(socket), 'presentation:remove-viewer', { boothId, viewerId: viewer.userId }).catch(onError)}
                    data-testid="presentation-remove-viewer"
                  >
                    {t('presentation.remove')}
                  </Button>,
                ]}
              >
                {viewer.name}
              </List.Item>
            )}
          />
        </Col>
      </Row>
      <Button danger icon={<StopOutlined />} onClick={() => void session?.leave().then(onStopped, onError)} data-testid="presentation-stop">
        {t('presentation.stop')}
      </Button>
    </Flex>
  );
}

/** 展位演示 in the recruiter's console: present with the camera or share the screen to the graduates at the booth. */
export function PresenterCard({ boothId }: { boothId: string }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<TPresentationSource | null>(null);
  return (
    <Card title={t('presentation.title')} data-testid="presenter-card">
      {source ? (
        <Presenting boothId={boothId} source={source} onStopped={() => setSource(null)} />
      ) : (
        <Flex gap={8} wrap>
          <Button icon={<VideoCameraOutlined />} onClick={() => setSource('camera')} data-testid="presentation-start-camera">
            {t('presentation.startCamera')}
          </Button>
          <Button icon={<DesktopOutlined />} onClick={() => setSource('screen')} data-testid="presentation-start-screen">
            {t('presentation.startScreen')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
