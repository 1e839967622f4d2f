/** Places and meeting times in the reader's language; other dates: i18n/dates.ts. */

/**
 * The device's own variant of the UI language when it has one ("en-GB" for English on a
 * British device: "3 May", not "May 3"), else the language itself.
 */
export function localeFor(
  language: string,
  preferred: readonly string[] = deviceLocales(),
): string {
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

function deviceLocales(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

function valid(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Tue 12 May, 19:00 BST" for a meeting's next time, in the viewer's zone (named). */
export function formatMeetingTime(iso: string, language: string, zone: string): string {
  const date = valid(iso);
  if (!date) return '';
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat(localeFor(language), { ...options, timeZone: zone }).format(
      date,
    );
  } catch {
    return new Intl.DateTimeFormat(localeFor(language), { ...options, timeZone: 'UTC' }).format(
      date,
    );
  }
}

/** "GB" → "United Kingdom" (or "Reino Unido"); the code itself when Intl does not know it. */
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "es" → "Spanish" / "español". */
export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Manchester, England, United Kingdom". */
export function placeName(
  area: { city?: string | undefined; region?: string | undefined; country?: string | undefined },
  language: string,
): string {
  return [area.city, area.region, area.country && countryName(area.country, language)]
    .filter(Boolean)
    .join(', ');
}
