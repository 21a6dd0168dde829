import { useTranslation } from 'react-i18next';
import { SKILLS, skillLabel } from '@yunpin/shared';
import { useUiLanguage } from './use-ui-language';

/** Canonical language names as the resume parser and the scorer use them. */
export const LANGUAGE_IDS = [
  'english',
  'japanese',
  'korean',
  'german',
  'french',
  'russian',
  'spanish',
  'italian',
  'portuguese',
  'arabic',
  'cantonese',
  'shanghainese',
  'mandarin',
] as const;
type TLanguageId = (typeof LANGUAGE_IDS)[number];

function isLanguageId(value: string): value is TLanguageId {
  return LANGUAGE_IDS.some((id) => id === value);
}

/** A language's name in the interface language; unknown names are shown as written. */
export function useLanguageName(): (language: string) => string {
  const { t } = useTranslation();
  return (language) => (isLanguageId(language) ? t(`jobs.languageNames.${language}`) : language);
}

export function useLanguageOptions() {
  const languageName = useLanguageName();
  return LANGUAGE_IDS.map((id) => ({ value: id, label: languageName(id) }));
}

/** Skill suggestions for job requirements: the vocabulary's names in the interface language, stored as written. */
export function useSkillNameOptions() {
  const lang = useUiLanguage();
  const names = [...new Set(SKILLS.map((skill) => (lang === 'en' ? skill.en : skill.zh)))];
  return names.map((name) => ({ value: name, label: name }));
}

/** Skill suggestions for a resume, whose skills are canonical ids; typed names are kept as they are. */
export function useSkillIdOptions() {
  const lang = useUiLanguage();
  return SKILLS.map((skill) => ({ value: skill.id, label: skillLabel(skill.id, lang) }));
}

/** The display name of a skill: canonical ids are translated, anything else is shown as written. */
export function useSkillName(): (skill: string) => string {
  const lang = useUiLanguage();
  return (skill) => skillLabel(skill, lang);
}
