import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Progress, Row, Select, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, AudioOutlined, LoginOutlined, ReloadOutlined, SoundOutlined, VideoCameraOutlined, WifiOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TInterview } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { portalOf } from '../../app/portals';
import { inShanghai } from '../../lib/shanghai-time';
import { useRouteParam } from '../../lib/use-route-param';
import {
  FAIR_MS,
  GOOD_MS,
  listDevices,
  measureNetwork,
  mediaProblemOf,
  mediaUnavailableReason,
  openCamera,
  openMicrophone,
  playTestTone,
  startLevelMeter,
  stopStream,
  streamDeviceId,
  type TMediaProblem,
  type TNetworkQuality,
} from './device-check';
import { panelNames, useInterviewTime } from './interview-text';
import { useEmployerInterviews, useMyInterviews } from './interviews-api';

/** A level above this counts as hearing the microphone. */
const HEARD_LEVEL = 0.05;

type TStreamState = { phase: 'starting' } | { phase: 'live'; deviceId: string | null; label: string } | { phase: 'error'; problem: TMediaProblem };

const QUALITY_COLOURS: Record<TNetworkQuality, string> = { good: 'success', fair: 'warning', poor: 'error', offline: 'error' };

function ProblemAlert({ problem, device, onRetry, testId }: { problem: TMediaProblem; device: string; onRetry?: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type={problem === 'not_found' ? 'warning' : 'error'}
      showIcon
      title={t(`interviews.check.problems.${problem}`, { device })}
      action={
        onRetry && (
          <Button size="small" icon={<ReloadOutlined />} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
      data-testid={testId}
      data-problem={problem}
    />
  );
}

function deviceOptions(devices: MediaDeviceInfo[], fallbackLabel: (index: number) => string) {
  return devices.map((device, index) => ({ value: device.deviceId, label: device.label || fallbackLabel(index + 1) }));
}

/** Camera preview from getUserMedia, with a choice among the cameras the browser lists. */
function CameraCheck({ unavailable }: { unavailable: TMediaProblem | null }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [state, setState] = useState<TStreamState>({ phase: 'starting' });
  const device = t('interviews.check.camera');

  useEffect(() => {
    if (unavailable) return undefined;
    const video = videoRef.current;
    let stream: MediaStream | null = null;
    let cancelled = false;
    openCamera(deviceId)
      .then(async (opened) => {
        if (cancelled) {
          stopStream(opened);
          return;
        }
        stream = opened;
        if (video) video.srcObject = opened;
        setState({ phase: 'live', deviceId: streamDeviceId(opened), label: opened.getVideoTracks()[0]?.label ?? '' });
        const lists = await listDevices();
        if (!cancelled) setCameras(lists.cameras);
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ phase: 'error', problem: mediaProblemOf(error) });
      });
    return () => {
      cancelled = true;
      stopStream(stream);
      if (video) video.srcObject = null;
    };
  }, [deviceId, attempt, unavailable]);

  const problem = unavailable ?? (state.phase === 'error' ? state.problem : null);
  const retry = () => {
    setState({ phase: 'starting' });
    setAttempt((value) => value + 1);
  };
  return (
    <Card title={<Flex gap={8}><VideoCameraOutlined />{t('interviews.check.cameraTitle')}</Flex>} size="small" style={{ height: '100%' }}>
      <Flex vertical gap={12}>
        <video
          ref={videoRef}
          autoPlay
          muted
          playsInline
          data-testid="device-check-video"
          data-state={problem ? 'error' : state.phase}
          style={{ width: '100%', aspectRatio: '16 / 9', background: '#000', borderRadius: 8, objectFit: 'cover', transform: 'scaleX(-1)' }}
        />
        {problem && <ProblemAlert problem={problem} device={device} onRetry={unavailable ? undefined : retry} testId="device-check-camera-error" />}
        {state.phase === 'starting' && !problem && <Typography.Text type="secondary">{t('interviews.check.starting')}</Typography.Text>}
        {cameras.length > 0 && (
          <Select
            value={state.phase === 'live' ? (state.deviceId ?? deviceId) : deviceId}
            options={deviceOptions(cameras, (index) => t('interviews.check.cameraN', { index }))}
            onChange={(value: string) => {
              setState({ phase: 'starting' });
              setDeviceId(value);
            }}
            aria-label={t('interviews.check.chooseCamera')}
            data-testid="device-check-camera-select"
          />
        )}
        {state.phase === 'live' && <Typography.Text type="success">{t('interviews.check.cameraOk')}</Typography.Text>}
      </Flex>
    </Card>
  );
}

/** Microphone level from a WebAudio AnalyserNode; a bar that moves when the person speaks. */
function MicrophoneCheck({ unavailable }: { unavailable: TMediaProblem | null }) {
  const { t } = useTranslation();
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [microphones, setMicrophones] = useState<MediaDeviceInfo[]>([]);
  const [state, setState] = useState<TStreamState>({ phase: 'starting' });
  const [level, setLevel] = useState(0);
  const [heard, setHeard] = useState(false);
  const device = t('interviews.check.microphone');

  useEffect(() => {
    if (unavailable) return undefined;
    let stream: MediaStream | null = null;
    let stopMeter: (() => void) | null = null;
    let cancelled = false;
    openMicrophone(deviceId)
      .then(async (opened) => {
        if (cancelled) {
          stopStream(opened);
          return;
        }
        stream = opened;
        stopMeter = startLevelMeter(opened, (value) => {
          setLevel(value);
          if (value >= HEARD_LEVEL) setHeard(true);
        });
        setState({ phase: 'live', deviceId: streamDeviceId(opened), label: opened.getAudioTracks()[0]?.label ?? '' });
        const lists = await listDevices();
        if (!cancelled) setMicrophones(lists.microphones);
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ phase: 'error', problem: mediaProblemOf(error) });
      });
    return () => {
      cancelled = true;
      stopMeter?.();
      stopStream(stream);
    };
  }, [deviceId, attempt, unavailable]);

  const problem = unavailable ?? (state.phase === 'error' ? state.problem : null);
  const percent = Math.round(level * 100);
  return (
    <Card title={<Flex gap={8}><AudioOutlined />{t('interviews.check.microphoneTitle')}</Flex>} size="small">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('interviews.check.microphoneHint')}</Typography.Text>
        <Progress
          percent={problem ? 0 : percent}
          showInfo={false}
          steps={20}
          strokeColor="#52c41a"
          aria-label={t('interviews.check.microphoneTitle')}
          data-testid="device-check-mic-level"
          data-level={problem ? '' : String(percent)}
          data-heard={heard ? 'true' : 'false'}
        />
        {problem && (
          <ProblemAlert
            problem={problem}
            device={device}
            onRetry={
              unavailable
                ? undefined
                : () => {
                    setState({ phase: 'starting' });
                    setAttempt((value) => value + 1);
                  }
            }
            testId="device-check-mic-error"
          />
        )}
        {microphones.length > 0 && (
          <Select
            value={state.phase === 'live' ? (state.deviceId ?? deviceId) : deviceId}
            options={deviceOptions(microphones, (index) => t('interviews.check.microphoneN', { index }))}
            onChange={(value: string) => {
              setState({ phase: 'starting' });
              setHeard(false);
              setDeviceId(value);
            }}
            aria-label={t('interviews.check.chooseMicrophone')}
            data-testid="device-check-mic-select"
          />
        )}
        {state.phase === 'live' && (
          <Typography.Text type={heard ? 'success' : 'secondary'}>{heard ? t('interviews.check.microphoneHeard') : t('interviews.check.microphoneSilent')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

/** Speakers cannot be measured from the page; a test tone lets the person listen. */
function SpeakerCheck() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isPlaying, setIsPlaying] = useState(false);
  const play = async () => {
    setIsPlaying(true);
    try {
      await playTestTone();
    } catch {
      void message.error(t('interviews.check.toneFailed'));
    } finally {
      setIsPlaying(false);
    }
  };
  return (
    <Card title={<Flex gap={8}><SoundOutlined />{t('interviews.check.speakerTitle')}</Flex>} size="small">
      <Flex vertical gap={12}>
        <Typography.Text>{t('interviews.check.speakerNote')}</Typography.Text>
        <Button icon={<SoundOutlined />} loading={isPlaying} onClick={() => void play()} style={{ alignSelf: 'flex-start' }} data-testid="device-check-speaker">
          {t('interviews.check.playTone')}
        </Button>
      </Flex>
    </Card>
  );
}

/** Round trips of a few health-check requests, graded good, fair or poor. */
function NetworkCheck() {
  const { t } = useTranslation();
  const network = useQuery({
    queryKey: ['device-check', 'network'],
    queryFn: ({ signal }) => measureNetwork({ signal }),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const result = network.data;
  const quality = network.isFetching ? 'running' : (result?.quality ?? 'running');
  return (
    <Card
      title={<Flex gap={8}><WifiOutlined />{t('interviews.check.networkTitle')}</Flex>}
      size="small"
      extra={
        <Button size="small" icon={<ReloadOutlined />} loading={network.isFetching} onClick={() => void network.refetch()} data-testid="device-check-network-run">
          {t('interviews.check.networkRerun')}
        </Button>
      }
    >
      <Flex vertical gap={8} data-testid="device-check-network" data-quality={quality} data-median={result?.medianMs ?? ''}>
        {network.isFetching || !result ? (
          <Typography.Text type="secondary">{t('interviews.check.networkRunning')}</Typography.Text>
        ) : (
          <>
            <Flex gap={8} align="center" wrap>
              <Tag color={QUALITY_COLOURS[result.quality]} style={{ fontSize: 14, padding: '2px 10px' }}>
                {t(`interviews.check.quality.${result.quality}`)}
              </Tag>
              {result.medianMs !== null && (
                <Typography.Text strong>{t('interviews.check.networkMedian', { median: result.medianMs, max: result.maxMs ?? result.medianMs })}</Typography.Text>
              )}
            </Flex>
            <Typography.Text type="secondary">
              {t('interviews.check.networkSamples', { samples: result.samplesMs.join(' / ') || t('common.empty'), failures: result.failures })}
            </Typography.Text>
            <Typography.Text type="secondary">{t('interviews.check.networkScale', { good: GOOD_MS, fair: FAIR_MS })}</Typography.Text>
            {result.quality !== 'good' && <Alert type={result.quality === 'fair' ? 'warning' : 'error'} showIcon title={t(`interviews.check.qualityAdvice.${result.quality}`)} />}
          </>
        )}
      </Flex>
    </Card>
  );
}

function InterviewSummary({ interview }: { interview: TInterview | undefined }) {
  const { t } = useTranslation();
  const interviewTime = useInterviewTime();
  if (!interview) return null;
  return (
    <Typography.Text type="secondary" data-testid="device-check-interview">
      {[interview.jobTitle, interview.organisationName, interviewTime(interview.startsAt, interview.endsAt), panelNames(interview.interviewers, t('common.empty'))].join(' · ')}
    </Typography.Text>
  );
}

function GraduateSummary({ bookingId }: { bookingId: string }) {
  const interviews = useMyInterviews();
  return <InterviewSummary interview={interviews.data?.find((interview) => interview.bookingId === bookingId)} />;
}

function EmployerSummary({ bookingId }: { bookingId: string }) {
  const [from] = useState(() => inShanghai(new Date(Date.now() - 24 * 3600_000).toISOString()).format('YYYY-MM-DD'));
  const interviews = useEmployerInterviews(from);
  return <InterviewSummary interview={interviews.data?.find((interview) => interview.bookingId === bookingId)} />;
}

/**
 * 设备检测: camera preview, microphone level, speaker tone and network round trips before a cloud
 * interview. The waiting room opens when the video service is connected.
 */
export function DeviceCheckPage() {
  const { t } = useTranslation();
  const bookingId = useRouteParam('bookingId');
  const user = useCurrentUser();
  const portal = portalOf(user.role);
  const [unavailable] = useState(mediaUnavailableReason);
  const back = portal === 'graduate' ? '/graduate/interviews' : portal === 'employer' ? '/employer/interviews' : '/';
  return (
    <Flex vertical gap={16} data-testid="device-check">
      <Card
        title={
          <Flex align="center" gap={8}>
            <Link to={back}>
              <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('interviews.check.back')} />
            </Link>
            {t('interviews.check.title')}
          </Flex>
        }
      >
        <Flex vertical gap={8}>
          {portal === 'graduate' && <GraduateSummary bookingId={bookingId} />}
          {portal === 'employer' && <EmployerSummary bookingId={bookingId} />}
          <Typography.Text type="secondary">{t('interviews.check.intro')}</Typography.Text>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <CameraCheck unavailable={unavailable} />
        </Col>
        <Col xs={24} lg={12}>
          <Flex vertical gap={16} style={{ height: '100%' }}>
            <MicrophoneCheck unavailable={unavailable} />
            <SpeakerCheck />
            <NetworkCheck />
          </Flex>
        </Col>
      </Row>
      <Card size="small">
        <Flex gap={12} align="center" wrap>
          <Link to={`/interviews/${bookingId}/room`}>
            <Button type="primary" size="large" icon={<LoginOutlined />} data-testid="device-check-enter">
              {t('interviews.check.enter')}
            </Button>
          </Link>
          <Typography.Text type="secondary" data-testid="device-check-enter-note">
            {t('interviews.check.enterSoon')}
          </Typography.Text>
        </Flex>
      </Card>
    </Flex>
  );
}
