import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Popconfirm, Radio } from 'antd';
import { PhoneOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { TInterview } from '@yunpin/shared';
import { fromPickerValue } from '../../lib/shanghai-time';
import { useInterviewErrorText, useInstantText } from './interview-text';
import { useCancelBooking, useInterviewFallback } from './interviews-api';

const NOTE_MAX = 500;
const BODY_MIN = 2;
const BODY_MAX = 2000;

type TFallbackKind = 'callback' | 'message';

interface TFallbackValues {
  kind: TFallbackKind;
  callbackAt?: Dayjs;
  note?: string;
  body?: string;
}

/** 取消面试: either side cancels; the slot opens again and the other side is told. */
export function CancelInterviewButton({ interview }: { interview: TInterview }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useInterviewErrorText();
  const cancel = useCancelBooking();
  return (
    <Popconfirm
      title={t('interviews.confirmCancel')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        cancel.mutate(interview.bookingId, {
          onSuccess: () => void message.success(t('interviews.cancelled')),
          onError: (error) => void message.error(errorText(error)),
        })
      }
    >
      <Button size="small" danger icon={<StopOutlined />} loading={cancel.isPending} data-testid="interview-cancel">
        {t('interviews.cancel')}
      </Button>
    </Popconfirm>
  );
}

/**
 * 通话中断: when the call fails, book a callback time (reminders follow it) or send the other side
 * a message instead.
 */
export function FallbackButton({ interview }: { interview: TInterview }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useInterviewErrorText();
  const instantText = useInstantText();
  const fallback = useInterviewFallback();
  const [isOpen, setIsOpen] = useState(false);
  const [form] = Form.useForm<TFallbackValues>();
  const kind = Form.useWatch('kind', form) ?? 'callback';

  const onFinish = (values: TFallbackValues) => {
    const body =
      values.kind === 'callback'
        ? { kind: 'callback' as const, callbackAt: fromPickerValue(values.callbackAt!.second(0)), note: values.note?.trim() ?? '' }
        : { kind: 'message' as const, body: values.body?.trim() ?? '' };
    fallback.mutate(
      { bookingId: interview.bookingId, body },
      {
        onSuccess: (updated) => {
          setIsOpen(false);
          void message.success(
            body.kind === 'callback' && updated.callbackAt
              ? t('interviews.callbackBooked', { time: instantText(updated.callbackAt) })
              : t('interviews.messageSent'),
          );
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );
  };

  return (
    <>
      <Button size="small" icon={<PhoneOutlined />} onClick={() => setIsOpen(true)} data-testid="interview-fallback">
        {t('interviews.fallback')}
      </Button>
      <Modal open={isOpen} title={t('interviews.fallbackTitle')} footer={null} onCancel={() => setIsOpen(false)} destroyOnHidden>
        <Form<TFallbackValues> form={form} layout="vertical" initialValues={{ kind: 'callback' }} onFinish={onFinish}>
          <Alert type="info" showIcon title={t('interviews.fallbackHint')} style={{ marginBottom: 16 }} />
          <Form.Item name="kind" label={t('interviews.fallbackKind')}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="interview-fallback-kind">
              <Radio.Button value="callback">
                <span data-testid="interview-fallback-kind-callback">{t('interviews.fallbackCallback')}</span>
              </Radio.Button>
              <Radio.Button value="message">
                <span data-testid="interview-fallback-kind-message">{t('interviews.fallbackMessage')}</span>
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
          {kind === 'callback' ? (
            <>
              <Form.Item
                name="callbackAt"
                label={t('interviews.callbackAt')}
                extra={t('interviews.beijingTime')}
                rules={[
                  { required: true, message: t('interviews.callbackAtRequired') },
                  {
                    validator: (_rule, value: Dayjs | undefined) =>
                      !value || Date.parse(fromPickerValue(value)) > Date.now() ? Promise.resolve() : Promise.reject(new Error(t('interviews.mustBeFuture'))),
                  },
                ]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm', minuteStep: 5 }}
                  format="YYYY-MM-DD HH:mm"
                  disabledDate={(day) => day.isBefore(dayjs(), 'day')}
                  style={{ width: '100%' }}
                  data-testid="interview-fallback-callback-at"
                />
              </Form.Item>
              <Form.Item name="note" label={t('interviews.callbackNote')} rules={[{ max: NOTE_MAX, message: t('validation.tooLong') }]}>
                <Input.TextArea rows={2} maxLength={NOTE_MAX} showCount data-testid="interview-fallback-note" />
              </Form.Item>
            </>
          ) : (
            <Form.Item
              name="body"
              label={t('interviews.messageBody')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { min: BODY_MIN, max: BODY_MAX, message: t('interviews.messageRule') },
              ]}
            >
              <Input.TextArea rows={4} maxLength={BODY_MAX} showCount data-testid="interview-fallback-body" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={fallback.isPending} data-testid="interview-fallback-submit">
            {kind === 'callback' ? t('interviews.bookCallback') : t('interviews.sendMessage')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
