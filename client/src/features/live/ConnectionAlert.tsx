import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveConnection } from './live-connection';

/** Tells the user when live updates are paused; they resume, and the page refreshes, on reconnect. */
export function ConnectionAlert() {
  const { t } = useTranslation();
  const { isConnected, generation } = useLiveConnection();
  if (isConnected) return null;
  return (
    <Alert
      type={generation === 0 ? 'info' : 'warning'}
      showIcon
      title={generation === 0 ? t('live.connecting') : t('live.reconnecting')}
      style={{ marginBottom: 16 }}
      data-testid="live-connection-alert"
    />
  );
}
