import { Button, Card, Typography } from 'antd';
import { IdcardOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/current-user';

export function GraduateHome() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Card>
      <Typography.Title level={3}>{t('graduate.welcome', { name: user.name })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('graduate.welcomeText')}</Typography.Paragraph>
      {user.graduateProfileId ? (
        <Link to="/graduate/file">
          <Button type="primary" icon={<IdcardOutlined />}>
            {t('graduate.goToFile')}
          </Button>
        </Link>
      ) : (
        <Typography.Text type="warning">{t('graduate.noFile')}</Typography.Text>
      )}
    </Card>
  );
}
