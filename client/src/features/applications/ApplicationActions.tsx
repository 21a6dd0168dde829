import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Popconfirm } from 'antd';
import { QuestionCircleOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TApplication } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { BookInterviewButton } from '../interviews/BookInterviewButton';
import { useRequestExplanation, useRequestReview, useWithdrawApplication } from './applications-api';
import { AdvisoryScore, ScreeningCriteria } from './ScreeningCriteria';

const REASON_MIN = 2;
const REASON_MAX = 1000;

function ExplanationBody({ application }: { application: TApplication }) {
  const { t } = useTranslation();
  const { screening } = application;
  if (!screening) {
    return (
      <Alert
        type="info"
        showIcon
        title={application.screeningState === 'waiting_resume' ? t('applications.waitingResume') : t('applications.scoringPending')}
        data-testid="explanation-pending"
      />
    );
  }
  return (
    <Flex vertical gap={16} data-testid="application-explanation">
      <Flex gap={8} align="center">
        <AdvisoryScore score={screening.score} size="large" />
      </Flex>
      {!screening.current && <Alert type="warning" showIcon title={t('screening.outdated')} />}
      <ScreeningCriteria criteria={screening.criteria} />
    </Flex>
  );
}

/** 查看评分说明: asks for the explanation (recorded on the application), then shows it criterion by criterion. */
function ExplainButton({ application }: { application: TApplication }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const explain = useRequestExplanation();
  const [shown, setShown] = useState<TApplication | null>(null);
  const open = () =>
    explain.mutate(application.id, {
      onSuccess: (result) => setShown(result),
      onError: (error) => void message.error(errorText(error)),
    });
  return (
    <>
      <Button size="small" icon={<QuestionCircleOutlined />} loading={explain.isPending} onClick={open} data-testid="application-explain">
        {t('applications.explain')}
      </Button>
      <Modal open={shown !== null} title={t('applications.explainTitle', { title: application.jobTitle })} footer={null} onCancel={() => setShown(null)} width={640} destroyOnHidden>
        {shown && <ExplanationBody application={shown} />}
      </Modal>
    </>
  );
}

/** 申请人工复核: the graduate asks a person at the employer to look at the application again. */
function ReviewRequestButton({ application }: { application: TApplication }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const request = useRequestReview();
  const [isOpen, setIsOpen] = useState(false);
  const onFinish = ({ reason }: { reason: string }) =>
    request.mutate(
      { applicationId: application.id, reason: reason.trim() },
      {
        onSuccess: () => {
          setIsOpen(false);
          void message.success(t('applications.reviewRequested'));
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );
  return (
    <>
      <Button size="small" icon={<UserSwitchOutlined />} onClick={() => setIsOpen(true)} data-testid="application-review-request">
        {application.reviewRequestedAt ? t('applications.reviewAgain') : t('applications.requestReview')}
      </Button>
      <Modal open={isOpen} title={t('applications.requestReviewTitle')} footer={null} onCancel={() => setIsOpen(false)} destroyOnHidden>
        <Form<{ reason: string }> layout="vertical" onFinish={onFinish}>
          <Alert type="info" showIcon title={t('applications.requestReviewHint')} style={{ marginBottom: 16 }} />
          <Form.Item
            name="reason"
            label={t('applications.reviewReason')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { min: REASON_MIN, max: REASON_MAX, message: t('applications.reviewReasonRule') },
            ]}
          >
            <Input.TextArea rows={4} maxLength={REASON_MAX} showCount data-testid="application-review-reason" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={request.isPending} data-testid="application-review-submit">
            {t('applications.sendReviewRequest')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}

/** What the graduate can do with an application: withdraw it, see why it scored so, ask for a person's review. */
export function ApplicationActions({ application }: { application: TApplication }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const withdraw = useWithdrawApplication();
  const isOpen = application.status !== 'withdrawn';
  return (
    <Flex gap={8} wrap>
      {application.status === 'interview' && (
        <BookInterviewButton jobId={application.jobId} applicationId={application.id} jobTitle={application.jobTitle} />
      )}
      <ExplainButton application={application} />
      {isOpen && <ReviewRequestButton application={application} />}
      {isOpen && application.status !== 'hired' && (
        <Popconfirm
          title={t('applications.confirmWithdraw')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            withdraw.mutate(application.id, {
              onSuccess: () => void message.success(t('applications.withdrawn')),
              onError: (error) => void message.error(errorText(error)),
            })
          }
        >
          <Button size="small" danger loading={withdraw.isPending} data-testid="application-withdraw">
            {t('applications.withdraw')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}
