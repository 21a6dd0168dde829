import { Card, Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TTown } from '@yunpin/shared';

interface TRegionCardProps {
  title: string;
  code?: string;
  towns: TTown[];
  /** The development zone(s), paired with every region. */
  pairedTowns: TTown[];
}

function TownTag({ town }: { town: TTown }) {
  const { t } = useTranslation();
  return <Tag title={t(`office.townKinds.${town.kind}`)}>{town.name}</Tag>;
}

export function RegionCard({ title, code, towns, pairedTowns }: TRegionCardProps) {
  const { t } = useTranslation();
  return (
    <Card title={title} extra={code && <Typography.Text type="secondary">{t('office.regionCode', { code })}</Typography.Text>}>
      <Flex gap={8} wrap>
        {towns.length === 0 && <Typography.Text type="secondary">{t('office.noTowns')}</Typography.Text>}
        {towns.map((town) => (
          <TownTag key={town.id} town={town} />
        ))}
        {pairedTowns.map((town) => (
          <Tooltip key={town.id} title={t('office.pairedWithAll')}>
            <Tag color="gold">{town.name}</Tag>
          </Tooltip>
        ))}
      </Flex>
    </Card>
  );
}
