import { Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LiveConnectionProvider } from '../../features/live/LiveConnectionProvider';
import { GraduateLiveSync } from '../../features/queue/GraduateLiveSync';
import { useCurrentUser } from '../current-user';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';

/**
 * The frame around every portal page: side menu, header and content. It holds the user's
 * live-fair connection, so logging out (which unmounts it) disconnects; graduates also get
 * their queue state and incoming calls on every page.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <LiveConnectionProvider key={user.id}>
      {user.role === 'graduate' && <GraduateLiveSync />}
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider breakpoint="lg" collapsedWidth={0} width={220}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0, padding: '20px 24px' }}>
            {t('app.name')}
          </Typography.Title>
          <SideMenu />
        </Layout.Sider>
        <Layout>
          <HeaderBar />
          <Layout.Content style={{ padding: 24 }}>
            <Outlet />
          </Layout.Content>
        </Layout>
      </Layout>
    </LiveConnectionProvider>
  );
}
