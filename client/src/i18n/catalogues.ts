import accountRecoveryEn from '../features/account-recovery/locales/en.json';
import accountRecoveryEs from '../features/account-recovery/locales/es.json';
import adminEn from '../features/admin/locales/en.json';
import adminEs from '../features/admin/locales/es.json';
import attendanceEn from '../features/attendance/locales/en.json';
import attendanceEs from '../features/attendance/locales/es.json';
import chatEn from '../features/chat/locales/en.json';
import chatEs from '../features/chat/locales/es.json';
import communityEn from '../features/community/locales/en.json';
import communityEs from '../features/community/locales/es.json';
import contactsEn from '../features/contacts/locales/en.json';
import contactsEs from '../features/contacts/locales/es.json';
import emailAddressEn from '../features/email-address/locales/en.json';
import emailAddressEs from '../features/email-address/locales/es.json';
import directoryEn from '../features/meetings/directory/locales/en.json';
import directoryEs from '../features/meetings/directory/locales/es.json';
import liveEn from '../features/meetings/live/locales/en.json';
import liveEs from '../features/meetings/live/locales/es.json';
import programmeEn from '../features/programme/locales/en.json';
import programmeEs from '../features/programme/locales/es.json';
import signInSecurityEn from '../features/sign-in-security/locales/en.json';
import signInSecurityEs from '../features/sign-in-security/locales/es.json';
import supportEn from '../features/support/locales/en.json';
import supportEs from '../features/support/locales/es.json';
import trainingEn from '../features/training/locales/en.json';
import trainingEs from '../features/training/locales/es.json';
import en from './locales/en.json';
import es from './locales/es.json';

type Tree = { [key: string]: string | Tree };

/**
 * Spanish has a third plural category, "many" (1.000.000 de personas), which i18next asks
 * for through Intl.PluralRules. Our Spanish texts read the same for "many" as for "other",
 * so every `_other` key lends its text to a missing `_many`, instead of each file repeating it.
 */
function withManyPlurals<T>(tree: T): T {
  const out: Tree = {};
  for (const [key, value] of Object.entries(tree as Tree)) {
    out[key] = typeof value === 'string' ? value : withManyPlurals(value);
    const many = key.replace(/_other$/, '_many');
    if (key.endsWith('_other') && !(many in (tree as Tree))) out[many] = value;
  }
  return out as T;
}

/**
 * One catalogue per language, assembled from the shell's and each feature's files, so a
 * feature's strings live beside its pages (keys `directory.*`, `live.*`, `community.*`, `programme.*`,
 * `admin.*`, `attendance.*`, `support.*`, `chat.*`, `contacts.*`, `training.*`).
 */
export const catalogues = {
  en: {
    ...en,
    directory: directoryEn,
    live: liveEn,
    community: communityEn,
    programme: programmeEn,
    admin: adminEn,
    attendance: attendanceEn,
    support: supportEn,
    chat: chatEn,
    contacts: contactsEn,
    training: trainingEn,
    accountRecovery: accountRecoveryEn,
    signInSecurity: signInSecurityEn,
    emailAddress: emailAddressEn,
  },
  es: withManyPlurals({
    ...es,
    directory: directoryEs,
    live: liveEs,
    community: communityEs,
    programme: programmeEs,
    admin: adminEs,
    attendance: attendanceEs,
    support: supportEs,
    chat: chatEs,
    contacts: contactsEs,
    training: trainingEs,
    accountRecovery: accountRecoveryEs,
    signInSecurity: signInSecurityEs,
    emailAddress: emailAddressEs,
  }),
} as const;
