import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN } from './zh-CN';
import { en } from './en';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type TLanguage = (typeof LANGUAGES)[number];

const DEFAULT_LANGUAGE: TLanguage = 'zh-CN';
const STORAGE_KEY = 'yunpin.language';

export function isLanguage(value: unknown): value is TLanguage {
  return LANGUAGES.some((language) => language === value);
}

function storedLanguage(): TLanguage {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
}

export function currentLanguage(): TLanguage {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** Switches the interface language and remembers the choice in this browser. */
export function setLanguage(language: TLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the switch still applies to this page.
  }
  void i18n.changeLanguage(language);
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  showSupportNotice: false,
  interpolation: { escapeValue: false },
});

export default i18n;
