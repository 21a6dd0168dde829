import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** "约 N 分钟" from an estimate in seconds, or "暂无数据" while the server has none; never a made-up figure. */
export function useWaitText(): (seconds: number | null) => string {
  const { t } = useTranslation();
  return useCallback(
    (seconds) => {
      if (seconds === null) return t('live.noEstimate');
      const minutes = Math.ceil(seconds / 60);
      return minutes === 0 ? t('live.underAMinute') : t('live.aboutMinutes', { minutes });
    },
    [t],
  );
}
