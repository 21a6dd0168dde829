import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const LABELS = ['sameTown', 'nearby', 'elsewhere'] as const;
const COLOURS = ['green', 'cyan', 'default'] as const;

/** 0 the graduate's own town, 1 the same region or the development zone ("1+5"), 2 elsewhere in the district. */
export function DistanceTag({ distance }: { distance: number }) {
  const { t } = useTranslation();
  const index = Math.min(Math.max(Math.trunc(distance), 0), LABELS.length - 1);
  return (
    <Tag color={COLOURS[index]} data-testid="distance-tag" data-distance={distance} style={{ marginInlineEnd: 0 }}>
      {t(`recommendations.distance.${LABELS[index] ?? 'elsewhere'}`)}
    </Tag>
  );
}
