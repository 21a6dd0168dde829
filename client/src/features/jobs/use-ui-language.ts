import { useTranslation } from 'react-i18next';

/** 'en' when the interface is in English, else 'zh': for texts the server sends in both languages. */
export function useUiLanguage(): 'zh' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh';
}
