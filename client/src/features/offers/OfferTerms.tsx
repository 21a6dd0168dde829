import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TOffer } from '@yunpin/shared';
import { formatShanghaiDateTime } from '../../lib/shanghai-time';
import { useYuanText } from './offer-text';

/** The letter's terms and its dates, as both sides see them. */
export function OfferTerms({ offer }: { offer: TOffer }) {
  const { t } = useTranslation();
  const yuanText = useYuanText();
  const empty = t('common.empty');
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="offer-terms"
      items={[
        { key: 'organisation', label: t('offers.organisation'), children: offer.organisationName },
        { key: 'graduate', label: t('offers.graduate'), children: offer.graduateName },
        { key: 'position', label: t('offers.position'), children: <span data-testid="offer-terms-position">{offer.position}</span> },
        { key: 'salary', label: t('offers.salary'), children: <span data-testid="offer-terms-salary">{yuanText(offer.salaryMonthlyYuan)}</span> },
        { key: 'start', label: t('offers.startDate'), children: offer.startDate },
        { key: 'probation', label: t('offers.probation'), children: t('offers.monthsValue', { months: offer.probationMonths }) },
        { key: 'location', label: t('offers.location'), children: offer.location },
        ...(offer.conditions ? [{ key: 'conditions', label: t('offers.conditions'), children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{offer.conditions}</Typography.Text> }] : []),
        { key: 'expires', label: t('offers.expiresAt'), children: formatShanghaiDateTime(offer.expiresAt) },
        { key: 'sent', label: t('offers.sentAt'), children: offer.sentAt ? formatShanghaiDateTime(offer.sentAt) : empty },
        ...(offer.completedAt ? [{ key: 'completed', label: t('offers.completedAt'), children: formatShanghaiDateTime(offer.completedAt) }] : []),
      ]}
    />
  );
}
