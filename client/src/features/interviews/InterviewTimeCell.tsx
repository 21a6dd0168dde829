import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VideoCameraOutlined } from '@ant-design/icons';
import type { TInterview } from '@yunpin/shared';
import { useInstantText, useInterviewTime } from './interview-text';

export function deviceCheckPath(bookingId: string): string {
  return `/interviews/${encodeURIComponent(bookingId)}/check`;
}

/** When the interview is, and the agreed callback time when the call failed. */
export function InterviewTimeCell({ interview }: { interview: TInterview }) {
  const { t } = useTranslation();
  const interviewTime = useInterviewTime();
  const instantText = useInstantText();
  return (
    <Flex vertical gap={2}>
      <span data-testid="interview-time">{interviewTime(interview.startsAt, interview.endsAt)}</span>
      {interview.status === 'callback' && interview.callbackAt && (
        <Typography.Text type="warning" data-testid="interview-callback-at">
          {t('interviews.callbackAtValue', { time: instantText(interview.callbackAt) })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** 进入设备检测: camera, microphone, speakers and network before the interview. */
export function DeviceCheckLink({ interview }: { interview: TInterview }) {
  const { t } = useTranslation();
  return (
    <Link to={deviceCheckPath(interview.bookingId)}>
      <Button size="small" icon={<VideoCameraOutlined />} data-testid="interview-device-check">
        {t('interviews.deviceCheck')}
      </Button>
    </Link>
  );
}

export function interviewRowAttributes(interview: TInterview): Record<string, string> {
  return { 'data-testid': 'interview-row', 'data-booking-id': interview.bookingId, 'data-status': interview.status };
}
