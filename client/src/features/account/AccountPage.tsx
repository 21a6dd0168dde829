import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { useAccount } from './account-api';
import { NotificationList } from './NotificationList';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';
import { useCurrentUser } from '../../app/current-user';
import { MyDeletionRequestCard } from '../registry/MyDeletionRequestCard';

function ProfileCard() {
  const { t } = useTranslation();
  const account = useAccount();
  return (
    <Card title={t('account.profile')}>
      {account.isPending && <PageLoading />}
      {account.isError && <QueryError error={account.error} onRetry={() => void account.refetch()} />}
      {account.isSuccess && <ProfileForm key={account.data.id} account={account.data} />}
    </Card>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <ProfileCard />
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('account.passwordTitle')}>
          <PasswordForm />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('account.messages')}>
          <NotificationList />
        </Card>
      </Col>
      {user.role === 'graduate' && (
        <Col span={24}>
          <MyDeletionRequestCard />
        </Col>
      )}
    </Row>
  );
}
