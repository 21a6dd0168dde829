import { useState } from 'react';
import { App, Button, Form, Input, Modal, Rate } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { blankToNull } from '../../lib/format';
import { useErrorText } from '../../lib/use-error-text';
import { useConversationActions } from '../chat/use-conversation';

const NOTES_MAX = 4000;

interface TOutcomeValues {
  notes?: string;
  rating?: number;
}

/** 结束洽谈: the recruiter records notes and a 1–5 rating, then ends the conversation. */
export function EndConversationButton({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { end } = useConversationActions(conversationId);
  const [isOpen, setIsOpen] = useState(false);

  const onFinish = ({ notes, rating }: TOutcomeValues) =>
    end.mutate(
      { notes: blankToNull(notes) ?? undefined, rating: rating || undefined },
      {
        onSuccess: () => {
          setIsOpen(false);
          void message.success(t('console.ended'));
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );

  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setIsOpen(true)} data-testid="chat-end">
        {t('console.end')}
      </Button>
      <Modal open={isOpen} title={t('console.endTitle')} footer={null} onCancel={() => setIsOpen(false)} destroyOnHidden>
        <Form<TOutcomeValues> layout="vertical" onFinish={onFinish}>
          <Form.Item name="rating" label={t('console.rating')} extra={t('console.ratingHint')}>
            <Rate data-testid="end-rating" />
          </Form.Item>
          <Form.Item name="notes" label={t('console.notes')} rules={[{ max: NOTES_MAX, message: t('validation.tooLong') }]}>
            <Input.TextArea rows={4} maxLength={NOTES_MAX} showCount data-testid="end-notes" />
          </Form.Item>
          <Button type="primary" danger htmlType="submit" loading={end.isPending} data-testid="end-submit">
            {t('console.endConfirm')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
