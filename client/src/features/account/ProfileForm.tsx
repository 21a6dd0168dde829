import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ZEmailSchema, ZPersonNameSchema, ZPhoneSchema, ZUpdateAccountSchema, type TSessionUser } from '@yunpin/shared';
import { blankToNull } from '../../lib/format';
import { useErrorText } from '../../lib/use-error-text';
import { trimInput, zodRule } from '../../lib/zod-rule';
import { useUpdateAccount } from './account-api';

interface TProfileValues {
  name: string;
  phone: string;
  email: string;
}

export function ProfileForm({ account }: { account: TSessionUser }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const update = useUpdateAccount();

  const onFinish = (values: TProfileValues) => {
    const parsed = ZUpdateAccountSchema.safeParse({
      name: values.name.trim(),
      phone: blankToNull(values.phone),
      email: blankToNull(values.email),
    });
    if (!parsed.success) {
      void message.error(t('validation.invalidForm'));
      return;
    }
    update.mutate(parsed.data, {
      onSuccess: () => void message.success(t('account.profileSaved')),
      onError: (error) => void message.error(errorText(error)),
    });
  };

  return (
    <Form<TProfileValues>
      layout="vertical"
      initialValues={{ name: account.name, phone: account.phone ?? '', email: account.email ?? '' }}
      onFinish={onFinish}
    >
      <Form.Item name="name" label={t('account.name')} rules={[zodRule(ZPersonNameSchema, t('validation.name'))]}>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('account.phone')}
        normalize={trimInput}
        rules={[zodRule(ZPhoneSchema, t('validation.phone'), { optional: true })]}
      >
        <Input autoComplete="tel" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('account.email')}
        extra={t('account.contactHint')}
        normalize={trimInput}
        rules={[zodRule(ZEmailSchema, t('validation.email'), { optional: true })]}
      >
        <Input autoComplete="email" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
