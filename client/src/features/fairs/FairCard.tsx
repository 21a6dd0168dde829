import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { ClockCircleOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFair } from '@yunpin/shared';
import { FairActions } from './FairActions';
import { FairLevelTag, FairStatusTag } from './FairTags';
import { useFairTimeText, useHostNames } from './use-fair-text';

export function FairCard({ fair }: { fair: TFair }) {
  const { t } = useTranslation();
  const timeText = useFairTimeText();
  const hostNames = useHostNames()(fair.hosts);
  const percent = Math.min(100, Math.round((fair.registeredCount / Math.max(1, fair.capacity)) * 100));
  return (
    <Card
      title={fair.title}
      extra={<FairStatusTag status={fair.status} />}
      style={{ height: '100%' }}
      data-testid="fair-card"
    >
      <Flex vertical gap={8}>
        <Typography.Text data-testid="fair-time">
          <ClockCircleOutlined /> {timeText(fair)}
        </Typography.Text>
        {hostNames.length > 0 && (
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {t('fairs.hostedBy', { hosts: hostNames.join('、') })}
          </Typography.Text>
        )}
        <Flex gap={4} wrap>
          <FairLevelTag level={fair.level} />
          {fair.isRegistered && <Tag color="success">{t('fairs.youAreRegistered')}</Tag>}
          {fair.industries.map((industry) => (
            <Tag key={industry}>{industry}</Tag>
          ))}
        </Flex>
        <div>
          <Typography.Text type="secondary">
            {t('fairs.registeredOf', { registered: fair.registeredCount, capacity: fair.capacity })}
            {' · '}
            {t('fairs.boothCount', { count: fair.boothCount })}
          </Typography.Text>
          <Progress percent={percent} showInfo={false} size="small" />
        </div>
        <FairActions fair={fair} />
      </Flex>
    </Card>
  );
}
