/**
 * Checks run in the browser before a form is sent, so a person hears what to fix in their
 * own language straight away. The server checks again with the shared zod schemas; the
 * limits below mirror shared/api/accounts.ts (a unit test keeps them in step).
 */
export const LIMITS = {
  displayName: { min: 1, max: 40 },
  password: { min: 10, max: 200 },
  email: { max: 254 },
  areaText: { max: 80 },
  languages: { max: 10 },
} as const;

/** One thing wrong with one field; `forms.problems.<key>` words it. */
export type Problem =
  | { key: 'required' }
  | { key: 'email' }
  | { key: 'tooShort'; min: number }
  | { key: 'tooLong'; max: number }
  | { key: 'tooMany'; max: number }
  | { key: 'invalid' }
  | { key: 'taken' };

export type Problems<F extends string> = Partial<Record<F, Problem>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function requiredText(value: string, max: number): Problem | undefined {
  const trimmed = value.trim();
  if (!trimmed) return { key: 'required' };
  if (trimmed.length > max) return { key: 'tooLong', max };
  return undefined;
}

function optionalText(value: string, max: number): Problem | undefined {
  return value.trim().length > max ? { key: 'tooLong', max } : undefined;
}

function email(value: string): Problem | undefined {
  const trimmed = value.trim();
  if (!trimmed) return { key: 'required' };
  if (trimmed.length > LIMITS.email.max || !EMAIL.test(trimmed)) return { key: 'email' };
  return undefined;
}

/** Drops fields without a problem, so `Object.keys(problems)` lists exactly what to fix. */
function only<F extends string>(entries: Record<F, Problem | undefined>): Problems<F> {
  const out: Problems<F> = {};
  for (const [field, problem] of Object.entries(entries) as [F, Problem | undefined][]) {
    if (problem) out[field] = problem;
  }
  return out;
}

export interface SignUpValues {
  displayName: string;
  email: string;
  password: string;
}

export function validateSignUp(values: SignUpValues): Problems<keyof SignUpValues> {
  const { min, max } = LIMITS.password;
  return only({
    displayName: requiredText(values.displayName, LIMITS.displayName.max),
    email: email(values.email),
    password: !values.password
      ? { key: 'required' }
      : values.password.length < min
        ? { key: 'tooShort', min }
        : values.password.length > max
          ? { key: 'tooLong', max }
          : undefined,
  });
}

export interface SignInValues {
  email: string;
  password: string;
}

export function validateSignIn(values: SignInValues): Problems<keyof SignInValues> {
  return only({
    email: email(values.email),
    password: values.password ? undefined : { key: 'required' },
  });
}

export interface ProfileValues {
  displayName: string;
  region: string;
  city: string;
  languages: readonly string[];
}

/** Keyed by the API's field paths ("area.region"), as the server reports its own problems. */
export type ProfileField = 'displayName' | 'area.region' | 'area.city' | 'languages';

export function validateProfile(values: ProfileValues): Problems<ProfileField> {
  return only<ProfileField>({
    displayName: requiredText(values.displayName, LIMITS.displayName.max),
    'area.region': optionalText(values.region, LIMITS.areaText.max),
    'area.city': optionalText(values.city, LIMITS.areaText.max),
    languages:
      values.languages.length > LIMITS.languages.max
        ? { key: 'tooMany', max: LIMITS.languages.max }
        : undefined,
  });
}

/** The confirmation word matches however it was typed: "delete", " DELETE ", "Delete". */
export function confirmationMatches(typed: string, word: string): boolean {
  return typed.trim().toLocaleUpperCase() === word.trim().toLocaleUpperCase();
}

/** Only same-site paths may be returned to after signing in: "/account", not "//evil.example". */
export function safeNextPath(raw: string | null | undefined, fallback = '/'): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  if ([...raw].some((char) => (char.codePointAt(0) ?? 0) < 32)) return fallback;
  return raw;
}
