import { useState } from 'react';
import { Card, DatePicker, Flex, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { TInterview } from '@yunpin/shared';
import { inShanghai } from '../../lib/shanghai-time';
import { ServerCsvButton } from '../jobs/ServerCsvButton';
import { CancelInterviewButton, FallbackButton } from './InterviewActions';
import { BookingStatusTag, isLive, OutcomeTag, panelNames } from './interview-text';
import { DeviceCheckLink, InterviewTimeCell } from './InterviewTimeCell';
import { InterviewTable } from './InterviewTable';
import { scheduleCsvPath, useEmployerInterviews } from './interviews-api';
import { ScorecardButton } from './ScorecardButton';

const DAY = 'YYYY-MM-DD';

/** Wide enough for two buttons a line, so the table fits without scrolling sideways. */
const ACTIONS_WIDTH = 300;

function useColumns(): TableColumnsType<TInterview> {
  const { t } = useTranslation();
  const empty = t('common.empty');
  return [
    { key: 'time', title: t('interviews.time'), render: (_, interview) => <InterviewTimeCell interview={interview} /> },
    {
      key: 'job',
      title: t('interviews.job'),
      render: (_, interview) => <Link to={`/employer/jobs/${encodeURIComponent(interview.jobId)}/pipeline`}>{interview.jobTitle}</Link>,
    },
    { key: 'candidate', title: t('interviews.candidate'), render: (_, interview) => interview.graduateName || empty },
    { key: 'panel', title: t('interviews.panel'), render: (_, interview) => panelNames(interview.interviewers, empty) },
    { key: 'status', title: t('interviews.status'), render: (_, interview) => <BookingStatusTag status={interview.status} /> },
    { key: 'outcome', title: t('interviews.outcome'), render: (_, interview) => (interview.outcome ? <OutcomeTag outcome={interview.outcome} /> : empty) },
    {
      key: 'actions',
      title: t('office.actions'),
      render: (_, interview) => (
        <Flex gap={6} wrap style={{ maxWidth: ACTIONS_WIDTH }}>
          {isLive(interview.status) && <DeviceCheckLink interview={interview} />}
          {interview.status !== 'cancelled' && <ScorecardButton interview={interview} />}
          {isLive(interview.status) && <FallbackButton interview={interview} />}
          {isLive(interview.status) && <CancelInterviewButton interview={interview} />}
        </Flex>
      ),
    },
  ];
}

/** 面试日程: the employer's booked cloud interviews from a day on, with fallback, cancellation, scorecards and export. */
export function InterviewSchedulePage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(() => inShanghai(new Date().toISOString()).format(DAY));
  const interviews = useEmployerInterviews(from);
  const columns = useColumns();
  return (
    <Card
      title={t('nav.interviewSchedule')}
      extra={<ServerCsvButton path={scheduleCsvPath(from)} name={t('interviews.scheduleExportName')} testId="interview-schedule-export" />}
    >
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('interviews.from')}</Typography.Text>
          <DatePicker
            value={dayjs(from)}
            allowClear={false}
            format={`${DAY} ddd`}
            onChange={(value) => value && setFrom(value.format(DAY))}
            data-testid="interview-schedule-from"
          />
          <Typography.Text type="secondary">{t('interviews.scheduleHint')}</Typography.Text>
        </Flex>
        <InterviewTable query={interviews} columns={columns} emptyText={t('interviews.noInterviews')} testId="interview-schedule" />
      </Flex>
    </Card>
  );
}
