import type { catalogues } from './catalogues.ts';

// English is the reference catalogue: a key used in code but missing from the English catalogue fails type-checking.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: (typeof catalogues)['en'] };
  }
}
