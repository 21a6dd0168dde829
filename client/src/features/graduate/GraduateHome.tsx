import { Button, Card, Flex, Typography } from 'antd';
import { CalendarOutlined, IdcardOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/current-user';
import { MyQueuesPanel } from '../queue/MyQueuesPanel';

export function GraduateHome() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={3}>{t('graduate.welcome', { name: user.name })}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('graduate.welcomeText')}</Typography.Paragraph>
        <Flex gap={8} wrap align="center">
          {user.graduateProfileId ? (
            <Link to="/graduate/file">
              <Button type="primary" icon={<IdcardOutlined />}>
                {t('graduate.goToFile')}
              </Button>
            </Link>
          ) : (
            <Typography.Text type="warning">{t('graduate.noFile')}</Typography.Text>
          )}
          <Link to="/fairs">
            <Button icon={<CalendarOutlined />}>{t('graduate.browseFairs')}</Button>
          </Link>
        </Flex>
      </Card>
      <MyQueuesPanel />
    </Flex>
  );
}
