import { useMemo } from 'react';
import { useSearch } from 'wouter';
import { deviceTimeZone, initialTimeZone } from '../../../account/places.ts';
import { useHavenStore } from '../../../store/index.ts';
import { isTimeZone } from './filters.ts';
import { browserLanguages, formatLocale } from './format.ts';

/**
 * The zone times are shown in when the person has not picked one: a signed-in member's
 * profile zone (a new account still on the server's UTC gets the device's zone, as the
 * profile form suggests), else this device's zone, else UTC.
 */
export function defaultZone(user: { timeZone: string } | null, device: string | null): string {
  if (user) return initialTimeZone(user.timeZone, device);
  return device ?? 'UTC';
}

export interface Viewer {
  /** Null until /api/me has answered: the zone depends on who is signed in. */
  zone: string | null;
  defaultZone: string | null;
  /** The zone from the address (`?tz=`), when one was chosen. */
  chosenZone: string | null;
  /** For Intl: the UI language, in the browser's regional variant when it has one. */
  locale: string;
  language: string;
}

export function useViewer(): Viewer {
  const status = useHavenStore((s) => s.sessionStatus);
  const user = useHavenStore((s) => s.user);
  const language = useHavenStore((s) => s.language);
  const search = useSearch();
  const device = useMemo(deviceTimeZone, []);
  const locale = useMemo(() => formatLocale(language, browserLanguages()), [language]);
  const tz = new URLSearchParams(search).get('tz');
  const chosenZone = isTimeZone(tz) ? tz : null;
  const fallback = status === 'loading' ? null : defaultZone(user, device);
  return {
    zone: chosenZone ?? fallback,
    defaultZone: fallback,
    chosenZone,
    locale,
    language,
  };
}

/** "?tz=…" to carry a chosen zone from the list to a meeting's page, or "". */
export function zoneQuery(chosenZone: string | null): string {
  return chosenZone ? `?tz=${encodeURIComponent(chosenZone)}` : '';
}
