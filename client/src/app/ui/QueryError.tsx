import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/use-error-text';

interface TQueryErrorProps {
  error: unknown;
  onRetry: () => void;
}

/** What a page shows when the data it needs could not be loaded. */
export function QueryError({ error, onRetry }: TQueryErrorProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <Result
      status="warning"
      title={t('common.loadFailed')}
      subTitle={errorText(error)}
      extra={<Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
