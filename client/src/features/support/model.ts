import { SUPPORT_PATHS } from './paths.ts';

/**
 * Crisis resources as plain data: links to dial or text, the admin form's draft and its
 * checks. No React, no zod (the shared schema module would pull zod into the page), so the
 * limits are repeated here; tests/client/support/model.test.ts checks they match.
 */

/** The general list's key, shown for a country that has none of its own. */
export const GENERAL = '*';
export const LIMITS = {
  lines: 20,
  languages: 10,
  name: { min: 2, max: 120 },
  description: 500,
  number: 40,
  hours: 120,
  url: 500,
} as const;

/** What the public route answers, repeated without zod (see SupportResources in shared/). */
export interface CrisisLineView {
  name: string;
  description?: string | undefined;
  phone?: string | undefined;
  sms?: string | undefined;
  url?: string | undefined;
  hours?: string | undefined;
  languages?: string[] | undefined;
  example: boolean;
}

/** `tel:+441632960001` from "+44 1632 960001": phones dial digits and a leading + only. */
export function dialHref(scheme: 'tel' | 'sms', number: string): string {
  const trimmed = number.trim();
  const digits = trimmed.replace(/\D/g, '');
  return `${scheme}:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

/** Only https links become links: anything else stored by mistake is never followed. */
export function safeHttpsUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** "United Kingdom" for GB in the UI language; the code itself when Intl does not know it. */
export function countryName(code: string, locale: string): string {
  try {
    return (
      new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' }).of(code) ?? code
    );
  } catch {
    return code;
  }
}

/** "English, Spanish" from language codes, in the UI language. */
export function languageNames(codes: readonly string[], locale: string): string {
  const names = codes.map((code) => {
    try {
      return (
        new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'code' }).of(code) ??
        code
      );
    } catch {
      return code;
    }
  });
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/**
 * The country the address asks for: a code, null for the general list (`?country=*`), or
 * undefined when it says nothing (then the page uses the member's own country).
 */
export function countryFromSearch(search: string): string | null | undefined {
  const value = new URLSearchParams(search).get('country')?.trim().toUpperCase();
  if (value === GENERAL) return null;
  return value && /^[A-Z]{2}$/.test(value) ? value : undefined;
}

/** The /support address for a choice (null: the general list). */
export function supportPagePath(country: string | null): string {
  return `${SUPPORT_PATHS.page}?country=${country ? encodeURIComponent(country) : GENERAL}`;
}

/** The public route for a country (null: the general list). */
export function resourcesPath(country: string | null): string {
  return country
    ? `/api/support/resources?country=${encodeURIComponent(country)}`
    : '/api/support/resources';
}

// The admin form.

export type LineField = 'name' | 'description' | 'phone' | 'sms' | 'url' | 'hours' | 'languages';
export const LINE_FIELDS: readonly LineField[] = [
  'name',
  'description',
  'phone',
  'sms',
  'url',
  'hours',
  'languages',
];

/** One line as the form holds it: text as typed, languages as "en, es". */
export type LineDraft = Record<LineField, string> & { key: number; example: boolean };
export interface SettingsDraft {
  lines: LineDraft[];
  donationUrl: string;
}

let nextKey = 1;
/** A new, empty line; `key` keeps React's rows (and focus) with their line when reordered. */
export function emptyLine(): LineDraft {
  return {
    key: nextKey++,
    name: '',
    description: '',
    phone: '',
    sms: '',
    url: '',
    hours: '',
    languages: '',
    example: false,
  };
}

export function draftOf(
  settings: { crisisLines: readonly CrisisLineView[]; donationUrl: string | null } | undefined,
): SettingsDraft {
  if (!settings) return { lines: [], donationUrl: '' };
  return {
    lines: settings.crisisLines.map((line) => ({
      ...emptyLine(),
      name: line.name,
      description: line.description ?? '',
      phone: line.phone ?? '',
      sms: line.sms ?? '',
      url: line.url ?? '',
      hours: line.hours ?? '',
      languages: (line.languages ?? []).join(', '),
      example: line.example,
    })),
    donationUrl: settings.donationUrl ?? '',
  };
}

/** The lines with the one at `index` moved by `delta` places (unchanged at either end). */
export function moveLine<T>(lines: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= lines.length || to < 0 || to >= lines.length) return [...lines];
  const out = [...lines];
  [out[index], out[to]] = [out[to] as T, out[index] as T];
  return out;
}

const splitLanguages = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((code) => code.trim())
    .filter(Boolean);

/** The PUT body: empty fields left out, languages split. */
export function toSettingsInput(draft: SettingsDraft): {
  crisisLines: CrisisLineView[];
  donationUrl: string | null;
} {
  return {
    crisisLines: draft.lines.map((line) => {
      const out: CrisisLineView = { name: line.name.trim(), example: line.example };
      for (const field of ['description', 'phone', 'sms', 'url', 'hours'] as const) {
        const value = line[field].trim();
        if (value) out[field] = value;
      }
      const languages = splitLanguages(line.languages);
      if (languages.length) out.languages = languages;
      return out;
    }),
    donationUrl: draft.donationUrl.trim() || null,
  };
}

export type Problem =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'https'
  | 'number'
  | 'contact'
  | 'language'
  | 'tooMany'
  | 'server';
/** Problems by field: `donationUrl`, `lines` or `<index>.<field>` ("0.url"). */
export type Problems = Record<string, Problem>;

const NUMBER = /^\+?[0-9][0-9 ().-]*$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

function urlProblem(value: string): Problem | null {
  if (!value) return null;
  if (value.length > LIMITS.url) return 'tooLong';
  return safeHttpsUrl(value) ? null : 'https';
}

/** The same rules as the server's schema, so most mistakes are named before saving. */
export function validateDraft(draft: SettingsDraft): Problems {
  const problems: Problems = {};
  if (draft.lines.length > LIMITS.lines) problems.lines = 'tooMany';
  const donation = urlProblem(draft.donationUrl.trim());
  if (donation) problems.donationUrl = donation;
  draft.lines.forEach((line, i) => {
    const set = (field: LineField, problem: Problem | null) => {
      if (problem) problems[`${i}.${field}`] = problem;
    };
    const name = line.name.trim();
    set(
      'name',
      !name
        ? 'required'
        : name.length < LIMITS.name.min
          ? 'tooShort'
          : name.length > LIMITS.name.max
            ? 'tooLong'
            : null,
    );
    set('description', line.description.trim().length > LIMITS.description ? 'tooLong' : null);
    for (const field of ['phone', 'sms'] as const) {
      const value = line[field].trim();
      set(
        field,
        !value
          ? null
          : value.length > LIMITS.number
            ? 'tooLong'
            : NUMBER.test(value)
              ? null
              : 'number',
      );
    }
    set('url', urlProblem(line.url.trim()));
    set('hours', line.hours.trim().length > LIMITS.hours ? 'tooLong' : null);
    const languages = splitLanguages(line.languages);
    set(
      'languages',
      languages.length > LIMITS.languages
        ? 'tooMany'
        : languages.every((code) => LANGUAGE.test(code))
          ? null
          : 'language',
    );
    if (!line.phone.trim() && !line.sms.trim() && !line.url.trim() && !problems[`${i}.phone`])
      problems[`${i}.phone`] = 'contact';
  });
  return problems;
}

/** The server's field names ("crisisLines.0.url") as the form's ("0.url"). */
export function problemsFromServer(fields: Readonly<Record<string, readonly string[]>>): Problems {
  const problems: Problems = {};
  for (const key of Object.keys(fields)) {
    const line = /^crisisLines\.(\d+)\.(\w+)/.exec(key);
    if (line) problems[`${line[1]}.${line[2]}`] = 'server';
    else if (key === 'donationUrl') problems.donationUrl = 'server';
    else if (key === 'crisisLines') problems.lines = 'server';
  }
  return problems;
}
