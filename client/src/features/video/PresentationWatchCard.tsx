import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { DesktopOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TPresentationStatus } from '@yunpin/shared';
import { boothVideoSocket, presentationChannel, videoRequest } from '../../media/booth-video-socket';
import { useLiveConnection } from '../live/live-connection';
import { noLocalMedia } from './local-media';
import { useBoothVideoEvent } from './use-booth-video-event';
import { useMediaSession } from './use-media-session';
import { VideoTile } from './VideoTile';

/** While watching: the presenter's video, listen-only (nothing of the viewer is sent). */
function PresentationViewer({ boothId, presenterName, onStop }: { boothId: string; presenterName: string; onStop: () => void }) {
  const { t } = useTranslation();
  const { socket } = useLiveConnection();
  const channel = useMemo(() => presentationChannel(boothVideoSocket(socket), boothId, 'viewer'), [socket, boothId]);
  const { state } = useMediaSession(channel, noLocalMedia);
  const phase = state?.phase ?? 'connecting';
  return (
    <Flex vertical gap={8} data-testid="presentation-viewer" data-phase={phase}>
      <Typography.Text type="secondary">{t('presentation.listenOnly')}</Typography.Text>
      {state?.error?.code === 'removed' && <Alert type="warning" showIcon title={t('presentation.removed')} data-testid="presentation-removed" />}
      {phase === 'failed' && state?.error && state.error.code !== 'removed' && <Alert type="warning" showIcon title={state.error.message} data-testid="presentation-refused" />}
      <VideoTile stream={state?.remote[0]?.stream ?? null} label={presenterName} testId="presentation-video" />
      <Button onClick={onStop} data-testid="presentation-stop-watching">
        {t('presentation.stopWatching')}
      </Button>
    </Flex>
  );
}

/** A graduate at the booth page: whether a presentation is live ("正在演示"), and watching it. */
export function PresentationWatchCard({ boothId }: { boothId: string }) {
  const { t } = useTranslation();
  const { socket, generation } = useLiveConnection();
  const [status, setStatus] = useState<TPresentationStatus | null>(null);
  const [isWatching, setIsWatching] = useState(false);

  useEffect(() => {
    let cancelled = false;
    videoRequest(boothVideoSocket(socket), 'presentation:status', { boothId }).then(
      (current) => !cancelled && setStatus(current),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [socket, boothId, generation]);
  useBoothVideoEvent('presentation:updated', (update) => {
    if (update.boothId !== boothId) return;
    setStatus(update);
    if (!update.isLive) setIsWatching(false);
  });

  if (!status?.isLive) return null;
  const source = t(status.source === 'screen' ? 'presentation.screen' : 'presentation.camera');
  return (
    <Card
      title={
        <Flex align="center" gap={8}>
          <DesktopOutlined />
          {t('presentation.title')}
          <Tag color="red" data-testid="presentation-live">
            {t('presentation.live')}
          </Tag>
        </Flex>
      }
      extra={<Typography.Text type="secondary">{t('presentation.viewers', { count: status.viewers, max: status.maxViewers })}</Typography.Text>}
      data-testid="presentation-card"
    >
      <Flex vertical gap={8}>
        <Typography.Text>{t('presentation.presenter', { name: status.presenterName ?? '', source })}</Typography.Text>
        {isWatching ? (
          <PresentationViewer boothId={boothId} presenterName={status.presenterName ?? ''} onStop={() => setIsWatching(false)} />
        ) : (
          <Button
            type="primary"
            icon={<EyeOutlined />}
            onClick={() => setIsWatching(true)}
            data-testid="presentation-watch"
          >
            {t('presentation.watch')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
