import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TLoginRequest } from '@yunpin/shared';
import { isApiError } from '../../lib/api-error';
import { useErrorText } from '../../lib/use-error-text';
import { AuthShell } from './AuthShell';
import { useCountdown } from './use-countdown';
import { useLogin } from './use-login';

type TFailure = { kind: 'rate_limited' } | { kind: 'message'; text: string };

const DEFAULT_RETRY_SECONDS = 60;

export function LoginPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const login = useLogin();
  const [failure, setFailure] = useState<TFailure | null>(null);
  const countdown = useCountdown();

  const onFinish = (values: TLoginRequest) => {
    setFailure(null);
    login.mutate(
      { login: values.login.trim(), password: values.password },
      {
        onError: (error) => {
          if (isApiError(error) && error.code === 'rate_limited') {
            setFailure({ kind: 'rate_limited' });
            countdown.start(error.retryAfterSeconds ?? DEFAULT_RETRY_SECONDS);
          } else if (isApiError(error) && error.code === 'invalid_credentials') {
            setFailure({ kind: 'message', text: t('auth.invalidCredentials') });
          } else {
            setFailure({ kind: 'message', text: errorText(error) });
          }
        },
      },
    );
  };

  const secondsLeft = failure?.kind === 'rate_limited' ? countdown.secondsLeft : 0;
  const failureText = failure?.kind === 'message' ? failure.text : secondsLeft > 0 ? t('auth.rateLimited', { seconds: secondsLeft }) : null;

  return (
    <AuthShell title={t('auth.loginTitle')}>
      <Form<TLoginRequest> layout="vertical" requiredMark={false} onFinish={onFinish}>
        {failureText && <Alert type="error" showIcon title={failureText} style={{ marginBottom: 16 }} role="alert" />}
        <Form.Item
          name="login"
          label={t('auth.loginLabel')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input
            prefix={<UserOutlined />}
            placeholder={t('auth.loginPlaceholder')}
            autoComplete="username"
            data-testid="login-login"
          />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password
            prefix={<LockOutlined />}
            placeholder={t('auth.passwordPlaceholder')}
            autoComplete="current-password"
            data-testid="login-password"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={login.isPending}
          data-testid="login-submit"
        >
          {t('auth.submitLogin')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('auth.noAccount')} <Link to="/register">{t('auth.toRegister')}</Link>
      </Typography.Paragraph>
    </AuthShell>
  );
}
