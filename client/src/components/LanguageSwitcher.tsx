import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, SUPPORTED_LANGUAGES } from '../i18n/languages.ts';
import { saveProfileLanguage } from '../i18n/profile-language.ts';
import { useHavenStore } from '../store/index.ts';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const id = useId();
  const language = useHavenStore((s) => s.language);
  const setLanguage = useHavenStore((s) => s.setLanguage);

  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          if (!isLanguage(event.target.value)) return;
          setLanguage(event.target.value);
          saveProfileLanguage(useHavenStore, event.target.value);
        }}
      >
        {SUPPORTED_LANGUAGES.map((lng) => (
          // Each language is named in itself, so it can be found whatever is showing.
          <option key={lng} value={lng} lang={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
