import communityEn from '../features/community/locales/en.json';
import communityEs from '../features/community/locales/es.json';
import directoryEn from '../features/directory/locales/en.json';
import directoryEs from '../features/directory/locales/es.json';
import programmeEn from '../features/programme/locales/en.json';
import programmeEs from '../features/programme/locales/es.json';
import en from './locales/en.json';
import es from './locales/es.json';

/**
 * One catalogue per language, assembled from the shell's and each feature's files, so a
 * feature's strings live beside its pages (keys `directory.*`, `community.*`, `programme.*`).
 */
export const catalogues = {
  en: { ...en, directory: directoryEn, community: communityEn, programme: programmeEn },
  es: { ...es, directory: directoryEs, community: communityEs, programme: programmeEs },
} as const;
