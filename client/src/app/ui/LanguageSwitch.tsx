import { Button } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../../i18n';

/** Toggles between Chinese and English; the button names the language it switches to. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const toggle = () => setLanguage(currentLanguage() === 'en' ? 'zh-CN' : 'en');
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      onClick={toggle}
      aria-label={t('language.switchLabel')}
      title={t('language.switchLabel')}
      data-testid="lang-switch"
    >
      {t('language.other')}
    </Button>
  );
}
