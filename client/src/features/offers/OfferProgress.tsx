import { Alert, Steps, Typography } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TOffer, TOfferStatus } from '@yunpin/shared';
import { formatShanghaiDateTime } from '../../lib/shanghai-time';
import { useNow } from '../../lib/use-now';
import { isSigning } from './offers-api';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The step of 发出 → 毕业生签署 → 会签 → 盖章完成 each status stands at. */
const STEP_OF: Partial<Record<TOfferStatus, number>> = { draft: 0, sent: 1, graduate_signing: 1, accepted: 2, employer_signing: 2, completed: 4 };

/** Time left to sign, as days, hours and minutes; refreshed every second. */
export function ExpiryCountdown({ expiresAt }: { expiresAt: string }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const left = Date.parse(expiresAt) - now;
  if (left <= 0) return <Typography.Text type="danger" data-testid="offer-countdown" data-left="0">{t('offers.countdownOver')}</Typography.Text>;
  const days = Math.floor(left / DAY_MS);
  const hours = Math.floor((left % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((left % HOUR_MS) / MINUTE_MS);
  const seconds = Math.floor((left % MINUTE_MS) / 1000);
  return (
    <Typography.Text type={left < DAY_MS ? 'warning' : undefined} data-testid="offer-countdown" data-left={String(Math.floor(left / 1000))}>
      {t('offers.countdown', { days, hours, minutes, seconds, time: formatShanghaiDateTime(expiresAt) })}
    </Typography.Text>
  );
}

/** Declined, revoked or expired: why it ended. */
function EndedAlert({ offer }: { offer: TOffer }) {
  const { t } = useTranslation();
  if (offer.status === 'declined') return <Alert type="warning" showIcon title={t('offers.endedDeclined')} description={offer.declineReason || undefined} data-testid="offer-ended" />;
  if (offer.status === 'revoked') return <Alert type="error" showIcon title={t('offers.endedRevoked')} description={offer.revokeReason || undefined} data-testid="offer-ended" />;
  return <Alert type="info" showIcon title={t('offers.endedExpired', { time: formatShanghaiDateTime(offer.expiresAt) })} data-testid="offer-ended" />;
}

/**
 * Where the offer is on its way: sent, signed by the graduate, countersigned, sealed. While a
 * worker applies a signature the step spins and the page polls until the new status lands.
 */
export function OfferProgress({ offer }: { offer: TOffer }) {
  const { t } = useTranslation();
  const current = STEP_OF[offer.status];
  if (current === undefined) return <EndedAlert offer={offer} />;
  return (
    <>
      <Steps
        size="small"
        current={current}
        status={offer.status === 'completed' ? 'finish' : 'process'}
        items={[
          { title: t('offers.steps.sent') },
          { title: t('offers.steps.graduate'), ...(offer.status === 'graduate_signing' ? { icon: <LoadingOutlined /> } : {}) },
          { title: t('offers.steps.employer'), ...(offer.status === 'employer_signing' ? { icon: <LoadingOutlined /> } : {}) },
          { title: t('offers.steps.sealed') },
        ]}
        data-testid="offer-steps"
        data-status={offer.status}
      />
      {isSigning(offer.status) && <Alert type="info" showIcon icon={<LoadingOutlined />} title={t(`offers.signingNow.${offer.status}`)} style={{ marginTop: 12 }} data-testid="offer-signing-progress" />}
      {offer.lockedForMe && <Alert type="error" showIcon title={t('offers.sign.locked')} description={t('offers.sign.lockedHint')} style={{ marginTop: 12 }} data-testid="offer-locked" />}
    </>
  );
}
