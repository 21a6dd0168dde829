import { useState } from 'react';
import { App, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TJob } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { useJobAction } from './jobs-api';

const NOTE_MIN = 2;
const NOTE_MAX = 1000;

/** 通过 / 退回: an organiser publishes a job in review or returns it to the employer with a note. */
export function JobReviewActions({ job, onDone }: { job: TJob; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const action = useJobAction();
  const [isReturning, setIsReturning] = useState(false);
  if (job.status !== 'review') return null;
  const onError = (error: unknown) => void message.error(errorText(error));

  const approve = () =>
    action.mutate(
      { jobId: job.id, action: { action: 'approve' } },
      {
        onSuccess: () => {
          void message.success(t('jobs.review.approvedDone', { title: job.title }));
          onDone?.();
        },
        onError,
      },
    );
  const sendBack = ({ note }: { note: string }) =>
    action.mutate(
      { jobId: job.id, action: { action: 'return', note: note.trim() } },
      {
        onSuccess: () => {
          setIsReturning(false);
          void message.success(t('jobs.review.returnedDone', { title: job.title }));
          onDone?.();
        },
        onError,
      },
    );

  return (
    <>
      <Button size="small" type="primary" loading={action.isPending} onClick={approve} data-testid="job-approve">
        {t('jobs.review.approve')}
      </Button>
      <Button size="small" danger onClick={() => setIsReturning(true)} data-testid="job-return">
        {t('jobs.review.return')}
      </Button>
      <Modal
        open={isReturning}
        title={t('jobs.review.returnTitle', { title: job.title })}
        footer={null}
        onCancel={() => setIsReturning(false)}
        destroyOnHidden
      >
        <Form<{ note: string }> layout="vertical" onFinish={sendBack}>
          <Form.Item
            name="note"
            label={t('jobs.review.note')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { min: NOTE_MIN, max: NOTE_MAX, message: t('jobs.review.noteRule') },
            ]}
          >
            <Input.TextArea rows={4} maxLength={NOTE_MAX} showCount data-testid="job-return-note" />
          </Form.Item>
          <Button type="primary" danger htmlType="submit" loading={action.isPending} data-testid="job-return-submit">
            {t('jobs.review.return')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
