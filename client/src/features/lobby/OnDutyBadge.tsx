import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';

export function OnDutyBadge({ isOnDuty }: { isOnDuty: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      status={isOnDuty ? 'success' : 'default'}
      text={isOnDuty ? t('lobby.onDuty') : t('lobby.offDuty')}
      data-testid="booth-on-duty"
    />
  );
}
