import { App, Button, Flex, Layout, Space, Tag, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TRole } from '@yunpin/shared';
import { useLogout } from '../../features/auth/use-logout';
import { useCurrentUser } from '../current-user';
import { portalOf } from '../portals';
import { LanguageSwitch } from '../ui/LanguageSwitch';

const ROLE_COLOURS: Record<TRole, string> = {
  graduate: 'blue',
  recruiter: 'cyan',
  employer_admin: 'geekblue',
  caseworker: 'green',
  organiser: 'purple',
  admin: 'magenta',
};

export function HeaderBar() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const logout = useLogout();

  const onLogout = () => {
    void logout
      .mutateAsync()
      .catch(() => undefined)
      .then(() => message.success(t('header.loggedOut')));
  };

  return (
    <Layout.Header style={{ background: '#fff', paddingInline: 24, borderBottom: '1px solid #f0f0f0' }}>
      <Flex align="center" justify="space-between" gap={16} style={{ height: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="portal-title">
          {t(`portal.${portalOf(user.role)}`)}
        </Typography.Title>
        <Space size="middle" wrap>
          <Space size="small">
            <UserOutlined />
            <Typography.Text strong data-testid="header-user">
              {user.name}
            </Typography.Text>
            <Tag color={ROLE_COLOURS[user.role]}>{t(`roles.${user.role}`)}</Tag>
          </Space>
          <LanguageSwitch />
          <Button icon={<LogoutOutlined />} loading={logout.isPending} onClick={onLogout} data-testid="logout">
            {t('header.logout')}
          </Button>
        </Space>
      </Flex>
    </Layout.Header>
  );
}
