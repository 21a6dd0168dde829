import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ERROR_STATUS, type TErrorCode } from '@yunpin/shared';
import { isApiError, type TClientErrorCode } from './api-error';

function isKnownCode(code: string): code is TErrorCode | TClientErrorCode {
  return Object.hasOwn(ERROR_STATUS, code) || code === 'network_error' || code === 'unexpected_response';
}

/** Turns any thrown value into a message in the current language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) return t('errors.unknown');
      return isKnownCode(error.code) ? t(`errors.${error.code}`) : error.message || t('errors.unknown');
    },
    [t],
  );
}
