import { App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ZLeaveBoothMessageSchema } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { zodRule } from '../../lib/zod-rule';
import { useLeaveBoothMessage } from '../booth-messages/booth-messages-api';

const MESSAGE_MAX = 2000;

/** When nobody staffs the booth, the graduate leaves a message instead of queuing. */
export function LeaveMessageForm({ boothId }: { boothId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const leave = useLeaveBoothMessage(boothId);
  const [form] = Form.useForm<{ body: string }>();

  const onFinish = ({ body }: { body: string }) =>
    leave.mutate(body.trim(), {
      onSuccess: () => {
        form.resetFields();
        void message.success(t('booths.messageSent'));
      },
      onError: (error) => void message.error(errorText(error)),
    });

  return (
    <Form form={form} layout="vertical" onFinish={onFinish}>
      <Typography.Paragraph type="secondary">{t('booths.offDutyHint')}</Typography.Paragraph>
      <Form.Item
        name="body"
        label={t('booths.leaveMessage')}
        rules={[zodRule(ZLeaveBoothMessageSchema.shape.body, t('booths.messageRule'))]}
      >
        <Input.TextArea rows={4} maxLength={MESSAGE_MAX} showCount data-testid="booth-message-input" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={leave.isPending} data-testid="booth-message-submit">
        {t('booths.sendMessage')}
      </Button>
    </Form>
  );
}
