import type en from './locales/en.json';

// English is the reference catalogue: a key used in code but missing from en.json fails type-checking.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
