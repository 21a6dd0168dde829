import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TLobbyBooth } from '@yunpin/shared';
import { BoothFigures } from './BoothFigures';
import { OnDutyBadge } from './OnDutyBadge';

const SHOWN_JOBS = 4;

export function LobbyBoothCard({ fairId, booth }: { fairId: string; booth: TLobbyBooth }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const hidden = booth.jobTitles.length - SHOWN_JOBS;
  const open = () => void navigate(`/fairs/${encodeURIComponent(fairId)}/booths/${encodeURIComponent(booth.boothId)}`);
  return (
    <Card
      hoverable
      title={booth.organisationName}
      extra={<OnDutyBadge isOnDuty={booth.isOnDuty} />}
      onClick={open}
      style={{ height: '100%' }}
      data-testid="lobby-booth"
      data-booth-id={booth.boothId}
    >
      <Flex vertical gap={12}>
        <Flex gap={4} wrap>
          {booth.industry && <Tag color="blue">{booth.industry}</Tag>}
          {booth.jobTitles.slice(0, SHOWN_JOBS).map((title) => (
            <Tag key={title}>{title}</Tag>
          ))}
          {hidden > 0 && <Typography.Text type="secondary">{t('lobby.moreJobs', { count: hidden })}</Typography.Text>}
          {booth.jobTitles.length === 0 && <Typography.Text type="secondary">{t('lobby.noJobs')}</Typography.Text>}
        </Flex>
        <BoothFigures booth={booth} />
      </Flex>
    </Card>
  );
}
