import { Card, Flex, Typography } from 'antd';
import { ArrowLeftOutlined, ClockCircleOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../app/ui/QueryError';
import { useFair } from '../fairs/fairs-api';
import { FairStatusTag } from '../fairs/FairTags';
import { useFairTimeText } from '../fairs/use-fair-text';

interface TFairHeaderProps {
  fairId: string;
  backTo: string;
  backLabel: string;
  extra?: ReactNode;
}

/** The fair's title, status and Beijing-time dates above its live pages. */
export function FairHeader({ fairId, backTo, backLabel, extra }: TFairHeaderProps) {
  const { t } = useTranslation();
  const fair = useFair(fairId);
  const timeText = useFairTimeText();
  if (fair.isError) return <QueryError error={fair.error} onRetry={() => void fair.refetch()} />;
  return (
    <Card loading={fair.isPending}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Flex vertical gap={4}>
          <Link to={backTo}>
            <ArrowLeftOutlined /> {backLabel}
          </Link>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="fair-title">
              {fair.data?.title}
            </Typography.Title>
            {fair.data && <FairStatusTag status={fair.data.status} />}
          </Flex>
          {fair.data && (
            <Typography.Text type="secondary">
              <ClockCircleOutlined /> {timeText(fair.data)} {t('fairs.beijingTime')}
            </Typography.Text>
          )}
        </Flex>
        {extra}
      </Flex>
    </Card>
  );
}
