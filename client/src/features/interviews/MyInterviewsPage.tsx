import { Alert, Card, Flex, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TInterview } from '@yunpin/shared';
import { BookInterviewButton } from './BookInterviewButton';
import { CancelInterviewButton, FallbackButton } from './InterviewActions';
import { BookingStatusTag, isLive, panelNames } from './interview-text';
import { DeviceCheckLink, InterviewTimeCell } from './InterviewTimeCell';
import { InterviewTable } from './InterviewTable';
import { useMyInterviews } from './interviews-api';

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
      render: (_, interview) => (
        <Flex vertical gap={2}>
          <Typography.Text>{interview.jobTitle}</Typography.Text>
          <Typography.Text type="secondary">{interview.organisationName}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'panel', title: t('interviews.panel'), render: (_, interview) => panelNames(interview.interviewers, empty) },
    { key: 'status', title: t('interviews.status'), render: (_, interview) => <BookingStatusTag status={interview.status} /> },
    {
      key: 'actions',
      title: t('office.actions'),
      render: (_, interview) =>
        isLive(interview.status) ? (
          <Flex gap={6} wrap style={{ maxWidth: ACTIONS_WIDTH }}>
            <DeviceCheckLink interview={interview} />
            <BookInterviewButton jobId={interview.jobId} applicationId={interview.applicationId} jobTitle={interview.jobTitle} isMove />
            <FallbackButton interview={interview} />
            <CancelInterviewButton interview={interview} />
          </Flex>
        ) : (
          empty
        ),
    },
  ];
}

/** 我的面试: the graduate's booked cloud interviews with the panel, device check, fallback and cancellation. */
export function MyInterviewsPage() {
  const { t } = useTranslation();
  const interviews = useMyInterviews();
  const columns = useColumns();
  return (
    <Card title={t('nav.myInterviews')}>
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={t('interviews.myHint')} />
        <InterviewTable query={interviews} columns={columns} emptyText={t('interviews.noMyInterviews')} testId="my-interviews" />
      </Flex>
    </Card>
  );
}
