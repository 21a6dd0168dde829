import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBooth } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { useReviewBooth } from './fair-admin-api';

const REASON_MAX = 500;

/** 通过 / 驳回 a booth application; a rejection may carry a reason the employer sees. */
export function ReviewActions({ booth }: { booth: TBooth }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const review = useReviewBooth();
  const [isRejecting, setIsRejecting] = useState(false);
  const onError = (error: unknown) => void message.error(errorText(error));

  const approve = () =>
    review.mutate(
      { boothId: booth.id, decision: 'approved' },
      { onSuccess: () => void message.success(t('fairAdmin.review.approvedDone', { name: booth.organisationName })), onError },
    );
  const reject = ({ reason }: { reason?: string }) =>
    review.mutate(
      { boothId: booth.id, decision: 'rejected', reason: reason?.trim() || undefined },
      {
        onSuccess: () => {
          setIsRejecting(false);
          void message.success(t('fairAdmin.review.rejectedDone', { name: booth.organisationName }));
        },
        onError,
      },
    );

  return (
    <Flex gap={8}>
      {booth.status !== 'approved' && (
        <Button size="small" type="primary" loading={review.isPending} onClick={approve} data-testid="booth-approve">
          {t('fairAdmin.review.approve')}
        </Button>
      )}
      {booth.status !== 'rejected' && (
        <Button size="small" danger onClick={() => setIsRejecting(true)} data-testid="booth-reject">
          {t('fairAdmin.review.reject')}
        </Button>
      )}
      <Modal
        open={isRejecting}
        title={t('fairAdmin.review.rejectTitle', { name: booth.organisationName })}
        footer={null}
        onCancel={() => setIsRejecting(false)}
        destroyOnHidden
      >
        <Form layout="vertical" onFinish={reject}>
          <Form.Item name="reason" label={t('fairAdmin.review.reason')} rules={[{ max: REASON_MAX, message: t('validation.tooLong') }]}>
            <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid="booth-reject-reason" />
          </Form.Item>
          <Button type="primary" danger htmlType="submit" loading={review.isPending} data-testid="booth-reject-submit">
            {t('fairAdmin.review.reject')}
          </Button>
        </Form>
      </Modal>
    </Flex>
  );
}
