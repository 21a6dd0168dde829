import { Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TScreeningCriterion } from '@yunpin/shared';
import { useUiLanguage } from '../jobs/use-ui-language';

function points(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/** An advisory score out of 100, always labelled as advice: screening ranks and explains, a person decides. */
export function AdvisoryScore({ score, size = 'default' }: { score: number; size?: 'default' | 'large' }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('screening.advisoryHint')}>
      <Flex gap={6} align="center" data-testid="advisory-score" data-score={points(score)}>
        <Typography.Text strong style={size === 'large' ? { fontSize: 24 } : undefined}>
          {points(score)}
        </Typography.Text>
        <Tag color="default" style={{ marginInlineEnd: 0 }}>
          {t('screening.advisory')}
        </Tag>
      </Flex>
    </Tooltip>
  );
}

/** A column title for advisory scores, with the reminder that they never decide. */
export function AdvisoryScoreTitle() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('screening.advisoryHint')}>
      <span>
        {t('screening.scoreColumn')} <InfoCircleOutlined />
      </span>
    </Tooltip>
  );
}

function CriterionRow({ criterion }: { criterion: TScreeningCriterion }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const applies = criterion.weight > 0;
  const explanation = lang === 'en' ? criterion.explanationEn : criterion.explanationZh;
  return (
    <Flex vertical gap={4} data-testid="screening-criterion" data-key={criterion.key}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong>{t(`screening.criteria.${criterion.key}`)}</Typography.Text>
        <Typography.Text type="secondary">
          {applies
            ? t('screening.pointsOf', { points: points(criterion.points), max: points(criterion.weight * 100) })
            : t('screening.notRequired')}
        </Typography.Text>
      </Flex>
      {applies && <Progress percent={Math.round(criterion.score * 100)} size="small" showInfo={false} />}
      {explanation && <Typography.Text>{explanation}</Typography.Text>}
      {(criterion.matched.length > 0 || criterion.missing.length > 0) && (
        <Flex gap={4} wrap>
          {criterion.matched.map((item) => (
            <Tag key={`m-${item}`} color="success" style={{ marginInlineEnd: 0 }}>
              {t('screening.matched')}: {item}
            </Tag>
          ))}
          {criterion.missing.map((item) => (
            <Tag key={`x-${item}`} color="error" style={{ marginInlineEnd: 0 }}>
              {t('screening.missing')}: {item}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

/** Why a score is what it is: each criterion's points out of its weight, the reason in words, and what matched or was missing. */
export function ScreeningCriteria({ criteria }: { criteria: readonly TScreeningCriterion[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} data-testid="screening-criteria">
      <Typography.Text type="secondary">{t('screening.advisoryHint')}</Typography.Text>
      {criteria.map((criterion) => (
        <CriterionRow key={criterion.key} criterion={criterion} />
      ))}
    </Flex>
  );
}
