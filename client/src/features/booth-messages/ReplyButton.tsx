import { useState } from 'react';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ZReplyBoothMessageSchema, type TBoothMessage } from '@yunpin/shared';
import { useErrorText } from '../../lib/use-error-text';
import { zodRule } from '../../lib/zod-rule';
import { useReplyBoothMessage } from './booth-messages-api';

const REPLY_MAX = 2000;

export function ReplyButton({ message: boothMessage }: { message: TBoothMessage }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const reply = useReplyBoothMessage();
  const [isOpen, setIsOpen] = useState(false);

  const onFinish = (values: { reply: string }) =>
    reply.mutate(
      { id: boothMessage.id, reply: values.reply.trim() },
      {
        onSuccess: () => {
          setIsOpen(false);
          void message.success(t('boothMessages.replied'));
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );

  return (
    <>
      <Button size="small" type="primary" onClick={() => setIsOpen(true)} data-testid="inbox-reply">
        {t('boothMessages.reply')}
      </Button>
      <Modal
        open={isOpen}
        title={t('boothMessages.replyTo', { name: boothMessage.graduateName })}
        footer={null}
        onCancel={() => setIsOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {boothMessage.body}
        </Typography.Paragraph>
        <Form layout="vertical" onFinish={onFinish}>
          <Form.Item name="reply" rules={[zodRule(ZReplyBoothMessageSchema.shape.reply, t('boothMessages.replyRule'))]}>
            <Input.TextArea rows={4} maxLength={REPLY_MAX} showCount aria-label={t('boothMessages.reply')} data-testid="inbox-reply-input" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={reply.isPending} data-testid="inbox-reply-submit">
            {t('boothMessages.sendReply')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
