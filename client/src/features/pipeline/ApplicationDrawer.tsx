import type { ReactNode } from 'react';
import { Alert, App, Button, Divider, Drawer, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TApplicationDetail, TPipelineStatus } from '@yunpin/shared';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { formatDateTime } from '../../lib/format';
import { useErrorText } from '../../lib/use-error-text';
import { ApplicationHistory } from '../applications/ApplicationHistory';
import { ApplicationStatusTag } from '../applications/ApplicationStatusTag';
import { useApplication, useMoveApplication } from '../applications/applications-api';
import { AdvisoryScore, ScreeningCriteria } from '../applications/ScreeningCriteria';
import { SendOfferButton } from '../offers/SendOfferButton';
import { ResumeProfileView } from '../resumes/ResumeProfileView';
import { MoveStatusPicker } from './MoveStatusPicker';
import { ScreeningStateTag } from './ScreeningStateTag';

const NOTE_MAX = 1000;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" style={{ margin: '8px 0' }}>
        <Typography.Text strong>{title}</Typography.Text>
      </Divider>
      {children}
    </>
  );
}

/** One move, made by a person, with an optional note kept in the history. */
function MoveForm({ application }: { application: TApplicationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const move = useMoveApplication();
  const [form] = Form.useForm<{ status: TPipelineStatus; note?: string }>();
  if (application.status === 'withdrawn') return <Alert type="info" showIcon title={t('pipeline.withdrawnNoMove')} />;
  const onFinish = ({ status, note }: { status: TPipelineStatus; note?: string }) =>
    move.mutate(
      { applicationId: application.id, move: { status, note: note?.trim() ?? '' } },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('pipeline.moved', { status: t(`applications.statuses.${status}`) }));
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );
  return (
    <Form form={form} layout="vertical" onFinish={onFinish}>
      <Form.Item name="status" label={t('pipeline.moveTo')} rules={[{ required: true, message: t('pipeline.chooseStatus') }]}>
        <MoveStatusPicker testIdPrefix="pipeline-move-status" current={application.status} />
      </Form.Item>
      <Form.Item name="note" label={t('pipeline.note')} rules={[{ max: NOTE_MAX, message: t('validation.tooLong') }]}>
        <Input.TextArea rows={2} maxLength={NOTE_MAX} showCount placeholder={t('pipeline.notePlaceholder')} data-testid="pipeline-move-note" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={move.isPending} data-testid="pipeline-move-submit">
        {t('pipeline.move')}
      </Button>
    </Form>
  );
}

function ApplicationDetailBody({ application }: { application: TApplicationDetail }) {
  const { t } = useTranslation();
  const { screening } = application;
  return (
    <Flex vertical gap={12} data-testid="pipeline-detail">
      <Flex gap={8} align="center" wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {application.graduateName}
        </Typography.Title>
        <ApplicationStatusTag status={application.status} />
        <ScreeningStateTag application={application} />
      </Flex>
      <Typography.Text type="secondary">{t('pipeline.appliedOn', { time: formatDateTime(application.createdAt) })}</Typography.Text>
      {application.reviewRequestedAt && (
        <Alert
          type="warning"
          showIcon
          title={t('pipeline.reviewRequestedTitle', { time: formatDateTime(application.reviewRequestedAt) })}
          description={application.reviewRequestReason}
          data-testid="drawer-review-requested"
        />
      )}
      {application.coverNote && (
        <Section title={t('pipeline.coverNote')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{application.coverNote}</Typography.Paragraph>
        </Section>
      )}
      <Section title={t('pipeline.scoreSection')}>
        {screening ? (
          <Flex vertical gap={12}>
            <AdvisoryScore score={screening.score} size="large" />
            {!screening.current && <Alert type="warning" showIcon title={t('screening.outdated')} />}
            <ScreeningCriteria criteria={screening.criteria} />
          </Flex>
        ) : (
          <Typography.Text type="secondary">
            {application.screeningState === 'waiting_resume' ? t('pipeline.states.waiting_resume') : t('pipeline.states.queued')}
          </Typography.Text>
        )}
      </Section>
      <Section title={t('pipeline.resumeSection')}>
        <ResumeProfileView profile={application.resume} />
      </Section>
      <Section title={t('pipeline.historySection')}>
        <ApplicationHistory history={application.history} />
      </Section>
      <Section title={t('pipeline.decisionSection')}>
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('pipeline.decisionHint')}</Typography.Text>
          <SendOfferButton application={application} />
          <MoveForm application={application} />
        </Flex>
      </Section>
    </Flex>
  );
}

function DrawerContent({ applicationId }: { applicationId: string }) {
  const detail = useApplication(applicationId);
  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  return <ApplicationDetailBody application={detail.data} />;
}

/** An application in full beside the pipeline: score explanation, resume profile, history and a move. */
export function ApplicationDrawer({ applicationId, onClose }: { applicationId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer open={applicationId !== null} onClose={onClose} size={720} title={t('pipeline.detailTitle')} destroyOnHidden data-testid="pipeline-drawer">
      {applicationId && <DrawerContent applicationId={applicationId} />}
    </Drawer>
  );
}
