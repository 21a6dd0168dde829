import { App, Button, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ZLoginSchema, ZPasswordSchema, ZPersonNameSchema, ZRegisterEmployerSchema } from '@yunpin/shared';
import { isApiError } from '../../lib/api-error';
import { useErrorText } from '../../lib/use-error-text';
import { trimInput, zodRule } from '../../lib/zod-rule';
import { TownSelect } from '../district/TownSelect';
import { AuthShell } from './AuthShell';
import { registerPayload, type TRegisterFormValues } from './register-form';
import { useRegister } from './use-register';

export function RegisterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const register = useRegister();
  const [form] = Form.useForm<TRegisterFormValues>();
  const role = Form.useWatch('role', form);
  const isEmployer = role === 'employer_admin';

  const onFinish = (values: TRegisterFormValues) => {
    const payload = registerPayload(values);
    if (!payload) {
      void message.error(t('validation.invalidForm'));
      return;
    }
    register.mutate(payload, {
      onSuccess: () => void message.success(t('auth.registered')),
      onError: (error) =>
        void message.error(isApiError(error) && error.code === 'conflict' ? t('auth.loginTaken') : errorText(error)),
    });
  };

  return (
    <AuthShell title={t('auth.registerTitle')}>
      <Form<TRegisterFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ role: 'graduate' }}
        onFinish={onFinish}
      >
        <Form.Item name="role" label={t('auth.roleLabel')}>
          <Radio.Group optionType="button" buttonStyle="solid">
            <Radio.Button value="graduate">
              <span data-testid="register-role-graduate">{t('auth.roleGraduate')}</span>
            </Radio.Button>
            <Radio.Button value="employer_admin">
              <span data-testid="register-role-employer">{t('auth.roleEmployer')}</span>
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
        {isEmployer && (
          <>
            <Form.Item
              name="organisationName"
              label={t('auth.organisationName')}
              rules={[zodRule(ZRegisterEmployerSchema.shape.organisationName, t('validation.organisationName'))]}
            >
              <Input autoComplete="organization" data-testid="register-organisation" />
            </Form.Item>
            <Form.Item name="townId" label={t('auth.town')} rules={[{ required: true, message: t('validation.town') }]}>
              <TownSelect placeholder={t('auth.townPlaceholder')} data-testid="register-town" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="name"
          label={isEmployer ? t('auth.contactName') : t('auth.name')}
          rules={[zodRule(ZPersonNameSchema, t('validation.name'))]}
        >
          <Input autoComplete="name" data-testid="register-name" />
        </Form.Item>
        <Form.Item
          name="login"
          label={t('auth.loginLabel')}
          normalize={trimInput}
          rules={[zodRule(ZLoginSchema, t('validation.login'))]}
        >
          <Input placeholder={t('auth.loginPlaceholder')} autoComplete="username" data-testid="register-login" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          extra={t('auth.passwordHint')}
          rules={[zodRule(ZPasswordSchema, t('validation.password'))]}
        >
          <Input.Password autoComplete="new-password" data-testid="register-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={register.isPending} data-testid="register-submit">
          {t('auth.submitRegister')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('auth.haveAccount')} <Link to="/login">{t('auth.toLogin')}</Link>
      </Typography.Paragraph>
    </AuthShell>
  );
}
