/**
 * Countries, languages and time zones for the profile form, named in the UI language by
 * the browser's own Intl data (nothing to translate or ship). Pure functions of a locale.
 */

/** ISO 3166-1 alpha-2: every country and territory, so nobody is left out. */
export const COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ ' +
  'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM ' +
  'DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS ' +
  'GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
  'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ ' +
  'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
  'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
  'VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/** The languages offered as checkboxes: those our meetings are most often held in. */
export const LANGUAGE_CODES: readonly string[] = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'nl',
  'pl',
  'ar',
  'zh',
];

export interface Option {
  value: string;
  label: string;
}

function displayName(locale: string, type: 'region' | 'language', code: string): string {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type, fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function byLabel(locale: string) {
  const collator = new Intl.Collator(locale);
  return (a: Option, b: Option) => collator.compare(a.label, b.label);
}

/** Every country, named in `locale`, in that language's alphabetical order. */
export function countryOptions(locale: string): Option[] {
  return COUNTRY_CODES.map((code) => ({
    value: code,
    label: displayName(locale, 'region', code),
  })).sort(byLabel(locale));
}

/** The offered languages plus any the member already has (so saving never drops one). */
export function languageOptions(locale: string, chosen: readonly string[] = []): Option[] {
  const codes = [...new Set([...LANGUAGE_CODES, ...chosen])];
  return codes.map((code) => {
    const label = displayName(locale, 'language', code);
    // Capitalised for a list ("Español", not "español"), as the language itself does it.
    return { value: code, label: label.charAt(0).toLocaleUpperCase(locale) + label.slice(1) };
  });
}

function allTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** "GMT+01:00" for a zone at `when`, or '' where the browser cannot say. */
export function offsetOf(zone: string, locale: string, when: Date): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      timeZoneName: 'longOffset',
    }).formatToParts(when);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/**
 * Every IANA zone the browser knows plus `include` (the saved zone: browsers leave out
 * aliases such as "UTC"), labelled "America/New York (GMT-04:00)", sorted by name.
 */
export function timeZoneOptions(
  locale: string,
  include: readonly string[] = [],
  when: Date = new Date(),
): Option[] {
  const zones = [...new Set([...allTimeZones(), ...include])].sort();
  return zones.map((zone) => {
    const offset = offsetOf(zone, locale, when);
    const name = zone.replaceAll('_', ' ');
    return { value: zone, label: offset ? `${name} (${offset})` : name };
  });
}

/** The zone this device is set to, e.g. "Europe/Madrid", or null if it cannot say. */
export function deviceTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** The zone every account starts with on the server until the member picks one. */
export const SERVER_DEFAULT_TIME_ZONE = 'UTC';

/**
 * What the time-zone field starts at: the saved zone, except that an account still on the
 * server's default is offered the device's zone instead (saved only when the member saves).
 */
export function initialTimeZone(saved: string, device: string | null): string {
  if (saved === SERVER_DEFAULT_TIME_ZONE && device && device !== saved) return device;
  return saved;
}
