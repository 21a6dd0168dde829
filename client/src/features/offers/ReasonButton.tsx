import { useState, type ReactNode } from 'react';
import { Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const REASON_MIN = 2;
const REASON_MAX = 1000;

interface TReasonButtonProps {
  label: string;
  icon?: ReactNode;
  title: string;
  hint: string;
  /** Revoking needs a reason (2 characters or more); declining may go without. */
  isRequired: boolean;
  okText: string;
  isPending: boolean;
  disabled?: boolean;
  /** Resolves when done, which closes the dialog; rejects to keep it open. */
  onSubmit: (reason: string) => Promise<unknown>;
  testId: string;
}

/** A button whose dialog asks for a reason before a step the other side is told about (revoke, decline). */
export function ReasonButton({ label, icon, title, hint, isRequired, okText, isPending, disabled, onSubmit, testId }: TReasonButtonProps) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const submit = ({ reason }: { reason?: string }) =>
    void onSubmit(reason?.trim() ?? '').then(
      () => setIsOpen(false),
      () => undefined,
    );
  return (
    <>
      <Button danger icon={icon} disabled={disabled} onClick={() => setIsOpen(true)} data-testid={testId}>
        {label}
      </Button>
      <Modal open={isOpen} title={title} footer={null} onCancel={() => setIsOpen(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
        <Form<{ reason?: string }> layout="vertical" onFinish={submit}>
          <Form.Item
            name="reason"
            label={isRequired ? t('offers.reasonRequired') : t('offers.reasonOptional')}
            rules={[
              ...(isRequired ? [{ required: true, whitespace: true, min: REASON_MIN, message: t('offers.reasonRule', { min: REASON_MIN }) }] : []),
              { max: REASON_MAX, message: t('validation.tooLong') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid={`${testId}-reason`} />
          </Form.Item>
          <Button type="primary" danger htmlType="submit" loading={isPending} data-testid={`${testId}-confirm`}>
            {okText}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
