import { Collapse, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../app/ui/PageLoading';
import { QueryError } from '../../app/ui/QueryError';
import { formatDateTime } from '../../lib/format';
import { useNotifications } from './account-api';

/** Messages the platform has sent to this user, newest as the server orders them. */
export function NotificationList() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  if (notifications.isPending) return <PageLoading />;
  if (notifications.isError) return <QueryError error={notifications.error} onRetry={() => void notifications.refetch()} />;
  if (notifications.data.length === 0) return <Empty description={t('account.noMessages')} />;

  return (
    <Collapse
      items={notifications.data.map((notification) => ({
        key: notification.id,
        label: notification.subject,
        extra: (
          <Flex gap={8} align="center">
            <Tag>{t(`account.channels.${notification.channel}`)}</Tag>
            <Typography.Text type="secondary">{formatDateTime(notification.createdAt)}</Typography.Text>
          </Flex>
        ),
        children: (
          <>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{notification.body}</Typography.Paragraph>
            <Typography.Text type="secondary">{t('account.sentTo', { to: notification.to })}</Typography.Text>
          </>
        ),
      }))}
    />
  );
}
