import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors.ts';
import { catalogues } from './catalogues.ts';
import { type Language, SUPPORTED_LANGUAGES, saveLanguage } from './languages.ts';

export const resources = {
  en: { translation: catalogues.en },
  es: { translation: catalogues.es },
} as const;

/** The key of the message a person sees when an action is refused with `code`. */
export function errorMessageKey(code: ErrorCode): `errors.${ErrorCode}` {
  return `errors.${code}`;
}

function syncDocument(): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = i18n.resolvedLanguage ?? i18n.language;
  document.title = i18n.t('app.documentTitle');
}

/** Starts i18next synchronously with the bundled catalogues. Call once, before rendering. */
export function initI18n(language: Language): typeof i18n {
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', syncDocument);
    void i18n.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...SUPPORTED_LANGUAGES],
      initAsync: false,
      interpolation: { escapeValue: false }, // React escapes already.
      react: { useSuspense: false },
    });
    syncDocument();
  }
  return i18n;
}

/** Switches the UI language and remembers the choice for next time. */
export async function applyLanguage(language: Language): Promise<void> {
  saveLanguage(language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

export { i18n };
