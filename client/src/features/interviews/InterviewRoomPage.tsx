import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Alert, App, Button, Card, Col, Flex, Row, Select, Space, Tag, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  AudioMutedOutlined,
  AudioOutlined,
  DesktopOutlined,
  LoginOutlined,
  LogoutOutlined,
  RollbackOutlined,
  VideoCameraAddOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TInterview } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { portalOf } from '../../app/portals';
import { inShanghai } from '../../lib/shanghai-time';
import { useRouteParam } from '../../lib/use-route-param';
import { useErrorText } from '../../lib/use-error-text';
import { interviewChannel, interviewSocket, type InterviewChannel } from '../../media/interview-socket';
import { MediaSession, type TMediaSessionState } from '../../media/MediaSession';
import { useLiveConnection } from '../live/live-connection';
import { openLocalMedia } from '../video/local-media';
import { VideoTile } from '../video/VideoTile';
import { FallbackButton } from './InterviewActions';
import { useEmployerInterviews, useMyInterviews } from './interviews-api';

const QUALITY_COLOURS = { good: 'success', fair: 'warning', poor: 'error', unknown: 'default' } as const;

function useRemaining(endsAt: string | null): { minutes: number; seconds: number } | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!endsAt) return null;
  const left = Math.max(0, Math.floor((Date.parse(endsAt) - now) / 1000));
  return { minutes: Math.floor(left / 60), seconds: left % 60 };
}

function QualityIndicator({ state }: { state: TMediaSessionState }) {
  const { t } = useTranslation();
  const sample = state.quality;
  const quality = sample?.quality ?? 'unknown';
  return (
    <Space data-testid="room-quality" data-quality={quality} data-frames-decoded={sample?.framesDecoded ?? 0}>
      <Tag color={QUALITY_COLOURS[quality]}>{t(`interviewRoom.quality.${quality}`)}</Tag>
      {sample && (
        <Typography.Text type="secondary">
          {t('interviewRoom.qualityDetail', {
            loss: sample.loss === null ? '–' : `${(sample.loss * 100).toFixed(1)}%`,
            rtt: sample.rttMs === null ? '–' : `${sample.rttMs} ms`,
            kbps: Math.round(sample.bitrate / 1000),
          })}
        </Typography.Text>
      )}
    </Space>
  );
}

function GraduateFallback({ bookingId }: { bookingId: string }) {
  const interview = useMyInterviews().data?.find((item: TInterview) => item.bookingId === bookingId);
  return interview ? <FallbackButton interview={interview} /> : null;
}

function EmployerFallback({ bookingId }: { bookingId: string }) {
  const [from] = useState(() => inShanghai(new Date(Date.now() - 24 * 3600_000).toISOString()).format('YYYY-MM-DD'));
  const interview = useEmployerInterviews(from).data?.find((item: TInterview) => item.bookingId === bookingId);
  return interview ? <FallbackButton interview={interview} /> : null;
}

/**
 * 云面试间: local and remote video, the waiting room for the candidate, admit and send back for the
 * interviewers, mute / camera / screen share, the time left with a one-minute warning, the network
 * grade, and the callback-or-message fallback whenever the video fails.
 */
export function InterviewRoomPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const bookingId = useRouteParam('bookingId');
  const user = useCurrentUser();
  const portal = portalOf(user.role);
  const isGraduate = portal === 'graduate';
  const back = isGraduate ? '/graduate/interviews' : portal === 'employer' ? '/employer/interviews' : '/';
  const { socket } = useLiveConnection();
  const [session, setSession] = useState<MediaSession | null>(null);
  const [channel, setChannel] = useState<InterviewChannel | null>(null);
  const [noDevices, setNoDevices] = useState(false);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let opened: MediaSession | null = null;
    let local: MediaStream | null = null;
    void openLocalMedia().then(async ({ stream, isPartial }) => {
      local = stream;
      if (cancelled) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      setNoDevices(isPartial);
      const call = interviewChannel(interviewSocket(socket), bookingId);
      opened = new MediaSession({ channel: call, localStream: stream });
      setChannel(call);
      setSession(opened);
      await opened.start();
      const devices = await navigator.mediaDevices?.enumerateDevices?.().catch(() => []);
      if (!cancelled && devices) setCameras(devices.filter((device) => device.kind === 'videoinput'));
    });
    return () => {
      cancelled = true;
      void opened?.leave();
      for (const track of local?.getTracks() ?? []) track.stop();
      setSession(null);
      setChannel(null);
    };
  }, [socket, bookingId, attempt]);

  const idle = useRef<TMediaSessionState | null>(null);
  const state = useSyncExternalStore(
    session?.subscribe ?? (() => () => undefined),
    session?.snapshot ?? (() => idle.current),
  );
  const remaining = useRemaining(state?.endsAt ?? null);
  const act = (work: () => Promise<void>) => void work().catch((error: unknown) => void message.error(errorText(error)));

  const phase = state?.phase ?? 'connecting';
  const isInterviewer = state?.role === 'interviewer';
  const isInCall = phase === 'in-call';
  const fallback = isGraduate ? <GraduateFallback bookingId={bookingId} /> : <EmployerFallback bookingId={bookingId} />;
  const hasCandidateInCall = state?.people.some((person) => person.role === 'candidate') ?? false;
  const names = state?.people.map((person) => (person.peerId === user.id ? t('interviewRoom.you') : person.name)).join('、') ?? '';

  return (
    <Flex vertical gap={16} data-testid="interview-room" data-phase={phase} data-role={state?.role ?? ''} data-media-joins={state?.mediaJoins ?? 0}>
      <Card
        title={
          <Flex align="center" gap={8}>
            <Link to={back}>
              <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('interviewRoom.back')} />
            </Link>
            {t('interviewRoom.title')}
          </Flex>
        }
        extra={
          <Space wrap>
            {state && <QualityIndicator state={state} />}
            {remaining && (
              <Tag color={state?.isEndingSoon ? 'error' : 'blue'} data-testid="room-time" data-ending-soon={state?.isEndingSoon ? 'true' : 'false'}>
                {t('interviewRoom.remaining', remaining)}
              </Tag>
            )}
          </Space>
        }
      >
        <Flex vertical gap={8}>
          {names && isInCall && <Typography.Text type="secondary">{t('interviewRoom.people', { names })}</Typography.Text>}
          {state?.isEndingSoon && phase !== 'ended' && <Alert type="warning" showIcon title={t('interviewRoom.endingSoon')} data-testid="room-ending-soon" />}
          {noDevices && <Alert type="info" showIcon title={t('interviewRoom.noDevices')} />}
          {phase === 'connecting' && <Typography.Text type="secondary">{t('interviewRoom.connecting')}</Typography.Text>}
          {phase === 'waiting' && !isInterviewer && (
            <Alert type="info" showIcon title={t('interviewRoom.waiting')} description={t('interviewRoom.waitingNote')} data-testid="room-waiting" />
          )}
          {phase === 'reconnecting' && <Alert type="warning" showIcon title={t('interviewRoom.reconnecting')} data-testid="room-reconnecting" />}
          {phase === 'ended' && <Alert type="info" showIcon title={t('interviewRoom.ended')} data-testid="room-ended" />}
          {phase === 'failed' && (
            <Alert
              type="error"
              showIcon
              title={t('interviewRoom.failed', { message: state?.error?.message ?? '' })}
              description={t('interviewRoom.fallbackHint')}
              action={
                <Space direction="vertical">
                  <Button size="small" onClick={() => setAttempt((value) => value + 1)}>
                    {t('interviewRoom.retry')}
                  </Button>
                  {fallback}
                </Space>
              }
              data-testid="room-failed"
            />
          )}
          {isInterviewer && (
            <Flex gap={8} align="center" wrap data-testid="room-panel" data-candidate-waiting={state?.candidateWaiting ? 'true' : 'false'}>
              <Typography.Text>{state?.candidateWaiting ? t('interviewRoom.candidateWaiting', { name: state.candidateName ?? '' }) : hasCandidateInCall ? '' : t('interviewRoom.noCandidate')}</Typography.Text>
              {state?.candidateWaiting && (
                <Button type="primary" icon={<LoginOutlined />} onClick={() => channel && act(async () => void (await channel.admit()))} data-testid="room-admit">
                  {t('interviewRoom.admit')}
                </Button>
              )}
              {hasCandidateInCall && (
                <Button icon={<RollbackOutlined />} onClick={() => channel && act(async () => void (await channel.sendBack()))} data-testid="room-send-back">
                  {t('interviewRoom.sendBack')}
                </Button>
              )}
            </Flex>
          )}
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <VideoTile stream={session?.localStream ?? null} label={t('interviewRoom.you')} isLocal testId="room-local-video" />
        </Col>
        {state?.remote.map((remote) => (
          <Col xs={24} md={8} key={remote.peerId}>
            <VideoTile stream={remote.stream} label={state.people.find((person) => person.peerId === remote.peerId)?.name ?? ''} testId="room-remote-video" />
          </Col>
        ))}
      </Row>
      <Card size="small">
        <Flex gap={8} align="center" wrap>
          <Button
            icon={state?.isMuted ? <AudioMutedOutlined /> : <AudioOutlined />}
            onClick={() => session?.setMuted(!state?.isMuted)}
            disabled={!session}
            data-testid="room-mute"
            data-muted={state?.isMuted ? 'true' : 'false'}
          >
            {state?.isMuted ? t('interviewRoom.unmute') : t('interviewRoom.mute')}
          </Button>
          <Button
            icon={state?.isCameraOff ? <VideoCameraAddOutlined /> : <VideoCameraOutlined />}
            onClick={() => session?.setCameraOff(!state?.isCameraOff)}
            disabled={!session}
            data-testid="room-camera"
          >
            {state?.isCameraOff ? t('interviewRoom.cameraOn') : t('interviewRoom.cameraOff')}
          </Button>
          <Button
            icon={<DesktopOutlined />}
            onClick={() => session && act(() => (state?.isSharingScreen ? session.stopScreenShare() : session.startScreenShare()))}
            disabled={!isInCall}
            data-testid="room-share"
          >
            {state?.isSharingScreen ? t('interviewRoom.stopShare') : t('interviewRoom.shareScreen')}
          </Button>
          {cameras.length > 1 && (
            <Select
              style={{ minWidth: 200 }}
              placeholder={t('interviewRoom.chooseCamera')}
              options={cameras.map((camera, index) => ({ value: camera.deviceId, label: camera.label || `${t('interviewRoom.chooseCamera')} ${index + 1}` }))}
              onChange={(deviceId: string) => session && act(() => session.switchCamera(deviceId))}
              aria-label={t('interviewRoom.chooseCamera')}
              data-testid="room-camera-select"
            />
          )}
          <span data-testid="room-fallback">{phase !== 'failed' && fallback}</span>
          <Button danger icon={<LogoutOutlined />} onClick={() => void navigate(back)} data-testid="room-leave">
            {t('interviewRoom.leave')}
          </Button>
        </Flex>
      </Card>
    </Flex>
  );
}
