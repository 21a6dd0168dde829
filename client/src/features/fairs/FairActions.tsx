import { Button, Flex } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TFair } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { canManageBooths, canManageFairs } from '../../lib/permissions';
import { RegistrationButton } from './RegistrationButton';

/** What the user can do with a fair, by role: register, enter the lobby, apply for a booth, manage it. */
export function FairActions({ fair }: { fair: TFair }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isOpen = fair.status === 'published' || fair.status === 'live';
  const id = encodeURIComponent(fair.id);
  return (
    <Flex gap={8} wrap>
      {user.role === 'graduate' && <RegistrationButton fair={fair} />}
      {fair.status === 'live' && (
        <Link to={`/fairs/${id}/lobby`}>
          <Button type="primary" ghost icon={<LoginOutlined />} data-testid="enter-lobby">
            {t('fairs.enterLobby')}
          </Button>
        </Link>
      )}
      {canManageBooths(user) && isOpen && (
        <Link to={`/employer/fairs/${id}/apply`}>
          <Button data-testid="apply-booth">{t('booths.apply')}</Button>
        </Link>
      )}
      {canManageFairs(user) && (
        <Link to={`/office/fairs/${id}`}>
          <Button data-testid="manage-fair">{t('fairAdmin.manage')}</Button>
        </Link>
      )}
    </Flex>
  );
}
