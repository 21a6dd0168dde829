import { useMemo } from 'react';
import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../current-user';
import { navItemsFor, selectedNavPath } from './menu-items';

export function SideMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = useMemo(() => navItemsFor(user), [user]);
  const selected = selectedNavPath(items, pathname);

  return (
    <Menu
      theme="dark"
      mode="inline"
      aria-label={t('nav.menu')}
      selectedKeys={selected ? [selected] : []}
      items={items.map((item) => ({ key: item.path, icon: item.icon, label: t(`nav.${item.labelKey}`) }))}
      onClick={({ key }) => void navigate(key)}
    />
  );
}
