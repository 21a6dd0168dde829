import { useState } from 'react';
import { App, Button, Form, Modal, Select, Tooltip } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TBooth } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { useErrorText } from '../../lib/use-error-text';
import { useConversationActions } from '../chat/use-conversation';
import { conflictReason } from './use-console';

interface THandOffButtonProps {
  conversationId: string;
  representatives: TBooth['representatives'];
}

/** 转交同事: passes the conversation to another representative of the booth. */
export function HandOffButton({ conversationId, representatives }: THandOffButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const { handOff } = useConversationActions(conversationId);
  const [isOpen, setIsOpen] = useState(false);
  const colleagues = representatives.filter((person) => person.userId !== user.id);

  const onFinish = ({ toRecruiterId }: { toRecruiterId: string }) =>
    handOff.mutate(toRecruiterId, {
      onSuccess: () => {
        setIsOpen(false);
        const name = colleagues.find((person) => person.userId === toRecruiterId)?.name ?? '';
        void message.success(t('console.handedOff', { name }));
      },
      onError: (error) => void message.error(conflictReason(error) === undefined ? errorText(error) : t('console.colleagueFull')),
    });

  return (
    <>
      <Tooltip title={colleagues.length === 0 ? t('console.noColleagues') : undefined}>
        <Button icon={<SwapOutlined />} disabled={colleagues.length === 0} onClick={() => setIsOpen(true)} data-testid="chat-hand-off">
          {t('console.handOff')}
        </Button>
      </Tooltip>
      <Modal open={isOpen} title={t('console.handOff')} footer={null} onCancel={() => setIsOpen(false)} destroyOnHidden>
        <Form layout="vertical" onFinish={onFinish}>
          <Form.Item name="toRecruiterId" label={t('console.handOffTo')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              options={colleagues.map((person) => ({ value: person.userId, label: person.name }))}
              data-testid="hand-off-select"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={handOff.isPending} data-testid="hand-off-submit">
            {t('console.handOffConfirm')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
