import { useTranslation } from 'react-i18next';
import { isApiError } from './api-error';
import { useErrorText } from './use-error-text';

/**
 * Error text for refusals the server words in both languages ("中文 / English"): for the given codes
 * the half in the interface language is shown; other errors read as usual.
 */
export function useBilingualErrorText(codes: readonly string[]): (error: unknown) => string {
  const errorText = useErrorText();
  const { i18n } = useTranslation();
  const isEnglish = i18n.language === 'en';
  return (error) => {
    if (!isApiError(error) || !codes.includes(error.code)) return errorText(error);
    const parts = error.message.split(' / ');
    if (parts.length !== 2) return errorText(error);
    return (isEnglish ? parts[1] : parts[0])?.trim() || errorText(error);
  };
}
