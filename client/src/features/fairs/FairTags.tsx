import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBooth, TFairLevel, TFairStatus } from '@yunpin/shared';

type TBoothStatus = TBooth['status'];

const STATUS_COLOURS: Record<TFairStatus, string> = {
  draft: 'default',
  published: 'blue',
  live: 'green',
  ended: 'default',
};

const LEVEL_COLOURS: Record<TFairLevel, string> = {
  district: 'purple',
  region: 'geekblue',
  town: 'cyan',
};

export function FairStatusTag({ status }: { status: TFairStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="fair-status">
      {t(`fairs.statuses.${status}`)}
    </Tag>
  );
}

export function FairLevelTag({ level }: { level: TFairLevel }) {
  const { t } = useTranslation();
  return <Tag color={LEVEL_COLOURS[level]}>{t(`fairs.levels.${level}`)}</Tag>;
}

const BOOTH_STATUS_COLOURS: Record<TBoothStatus, string> = {
  applied: 'processing',
  approved: 'success',
  rejected: 'error',
};

export function BoothStatusTag({ status }: { status: TBoothStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={BOOTH_STATUS_COLOURS[status]} data-testid="booth-status">
      {t(`booths.statuses.${status}`)}
    </Tag>
  );
}
