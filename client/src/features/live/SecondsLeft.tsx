import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../lib/use-now';

const TICK_MS = 1000;
const URGENT_SECONDS = 10;

/** Seconds until a call lapses, ticking down. */
export function SecondsLeft({ until }: { until: string }) {
  const { t } = useTranslation();
  const now = useNow(TICK_MS);
  const seconds = Math.max(0, Math.ceil((Date.parse(until) - now) / 1000));
  return (
    <Typography.Text type={seconds <= URGENT_SECONDS ? 'danger' : undefined} strong data-testid="call-countdown">
      {t('live.secondsLeft', { seconds })}
    </Typography.Text>
  );
}
