import { useState } from 'react';
import { Button, Flex, Input } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

const MESSAGE_MAX = 2000;

/** The message box: Enter sends, Shift+Enter starts a new line. */
export function ChatComposer({ onSend, disabled }: { onSend: (body: string) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const body = draft.trim();

  const submit = () => {
    if (!body || disabled) return;
    onSend(body);
    setDraft('');
  };

  return (
    <Flex gap={8} align="flex-end">
      <Input.TextArea
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onPressEnter={(event) => {
          if (event.shiftKey || event.nativeEvent.isComposing) return;
          event.preventDefault();
          submit();
        }}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={MESSAGE_MAX}
        disabled={disabled}
        placeholder={disabled ? t('chat.ended') : t('chat.placeholder')}
        aria-label={t('chat.placeholder')}
        data-testid="chat-input"
      />
      <Button type="primary" icon={<SendOutlined />} disabled={disabled || !body} onClick={submit} data-testid="chat-send">
        {t('chat.send')}
      </Button>
    </Flex>
  );
}
