import type { ReactNode } from 'react';
import { Card, Flex, Layout, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../app/ui/LanguageSwitch';

interface TAuthShellProps {
  title: string;
  children: ReactNode;
}

/** The centred card the login and registration forms sit in, with the public signature check below. */
export function AuthShell({ title, children }: TAuthShellProps) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Flex justify="flex-end" style={{ padding: 16 }}>
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" style={{ padding: '0 16px 48px' }}>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ marginBottom: 24 }}>
          {t('app.tagline')}
        </Typography.Text>
        <Card title={title} style={{ width: '100%', maxWidth: 420 }}>
          {children}
        </Card>
        <Link to="/verify" style={{ marginTop: 16 }} data-testid="verify-link">
          <SafetyCertificateOutlined /> {t('verify.title')}
        </Link>
      </Flex>
    </Layout>
  );
}
