import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBoothMessage } from '@yunpin/shared';
import { formatShanghaiDateTime } from '../../lib/shanghai-time';

/** The employer's reply with its time, or a tag saying there is none yet. */
export function ReplyText({ message }: { message: TBoothMessage }) {
  const { t } = useTranslation();
  if (message.reply === null) return <Tag color="orange">{t('boothMessages.unanswered')}</Tag>;
  return (
    <Flex vertical gap={2}>
      <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{message.reply}</Typography.Text>
      {message.repliedAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatShanghaiDateTime(message.repliedAt)}
        </Typography.Text>
      )}
    </Flex>
  );
}
