import { useMemo } from 'react';
import { deviceTimeZone, initialTimeZone, SERVER_DEFAULT_TIME_ZONE } from '../account/places.ts';
import { useHavenStore } from '../store/index.ts';

/**
 * Every instant the client shows, in one place: in the zone the viewer chose on their
 * profile (the device's while the account is still on the server's UTC), with the zone
 * named ("3 May 2030, 18:00 CEST"). Two staff members in different zones reading the
 * same report then each see a time that says which clock it is on, and one admin sees
 * feedback and enquiries on the same clock. Pure functions of Intl; the hook below binds
 * them to the signed-in viewer.
 */

export type InstantStyle = 'dateTime' | 'date' | 'time';

const OPTIONS: Record<InstantStyle, Intl.DateTimeFormatOptions> = {
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are spelt out.
  dateTime: {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  },
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' },
};

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(locale: string, zone: string, style: InstantStyle): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${style}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { ...OPTIONS[style], timeZone: zone });
    } catch {
      // A zone (or locale) this browser does not know: UTC, named as such by the format.
      format = new Intl.DateTimeFormat('en', { ...OPTIONS[style], timeZone: 'UTC' });
    }
    formats.set(key, format);
  }
  return format;
}

/** An ISO instant as `style` in `zone`, the zone named where a time is shown; '' if not a date. */
export function formatInstant(
  iso: string,
  locale: string,
  zone: string,
  style: InstantStyle = 'dateTime',
): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return formatFor(locale, zone, style).format(at);
}

/** The viewer's zone: their profile's, but the device's while the account is on the server's UTC. */
export function viewerTimeZone(profileZone: string | undefined, deviceZone: string | null): string {
  return initialTimeZone(profileZone || SERVER_DEFAULT_TIME_ZONE, deviceZone);
}

/**
 * The UI language in the browser's own variant of it when it has one (en-GB writes 18:00
 * and 3 May; es-MX its own way), else the language as is.
 */
export function localeOf(language: string, preferred: readonly string[] = []): string {
  const match = preferred.find((tag) => tag.toLowerCase().split(/[-_]/)[0] === language);
  if (!match) return language;
  try {
    return Intl.getCanonicalLocales(match)[0] ?? language;
  } catch {
    return language;
  }
}

/** The signed-in viewer's zone and locale, and formatters bound to them. */
export function useViewerTime() {
  const profileZone = useHavenStore((s) => s.user?.timeZone);
  const language = useHavenStore((s) => s.language);
  return useMemo(() => {
    const zone = viewerTimeZone(profileZone, deviceTimeZone());
    const locale = localeOf(language, typeof navigator === 'undefined' ? [] : navigator.languages);
    return {
      zone,
      locale,
      dateTime: (iso: string) => formatInstant(iso, locale, zone, 'dateTime'),
      date: (iso: string) => formatInstant(iso, locale, zone, 'date'),
      time: (iso: string) => formatInstant(iso, locale, zone, 'time'),
    };
  }, [profileZone, language]);
}
export type ViewerTime = ReturnType<typeof useViewerTime>;
