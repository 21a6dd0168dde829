import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ZPasswordSchema, type TChangePassword } from '@yunpin/shared';
import { isApiError } from '../../lib/api-error';
import { useErrorText } from '../../lib/use-error-text';
import { zodRule } from '../../lib/zod-rule';
import { useChangePassword } from './account-api';

interface TPasswordValues extends TChangePassword {
  confirmPassword: string;
}

export function PasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const changePassword = useChangePassword();
  const [form] = Form.useForm<TPasswordValues>();

  const onFinish = ({ currentPassword, newPassword }: TPasswordValues) =>
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('account.passwordChanged'));
        },
        onError: (error) =>
          void message.error(
            isApiError(error) && error.code === 'invalid_credentials' ? t('account.wrongPassword') : errorText(error),
          ),
      },
    );

  return (
    <Form<TPasswordValues> form={form} layout="vertical" onFinish={onFinish}>
      <Form.Item
        name="currentPassword"
        label={t('account.currentPassword')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('auth.passwordHint')}
        rules={[zodRule(ZPasswordSchema, t('validation.password'))]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: unknown) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('validation.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
