/**
 * Which language Haven speaks to a person. Pure logic first (tested in node),
 * then thin, guarded readers of the browser's state.
 */
export const SUPPORTED_LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** localStorage key holding the language a person picked themselves. */
export const LANGUAGE_STORAGE_KEY = 'haven.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** 'es-MX' → 'es', 'EN_gb' → 'en', 'fr' → null. */
export function matchLanguage(tag: string): Language | null {
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : null;
}

export interface LanguageInputs {
  /** What the person chose before, as saved; anything may be in storage. */
  saved?: string | null;
  /** navigator.languages (most preferred first), or [navigator.language]. */
  navigatorLanguages?: readonly string[] | null;
}

/** A saved choice wins, then the browser's preferences in order, then English. */
export function detectLanguage({ saved, navigatorLanguages }: LanguageInputs): Language {
  if (saved) {
    const chosen = matchLanguage(saved);
    if (chosen) return chosen;
  }
  for (const tag of navigatorLanguages ?? []) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}

export function readSavedLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    // Storage can be disabled (privacy settings); fall back to the browser's languages.
    return null;
  }
}

export function saveLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not being able to remember the choice is fine; it still applies to this visit.
  }
}

function readNavigatorLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  if (navigator.languages?.length) return navigator.languages;
  return navigator.language ? [navigator.language] : [];
}

/** The language to start in, from this browser's saved choice and preferences. */
export function initialLanguage(): Language {
  return detectLanguage({
    saved: readSavedLanguage(),
    navigatorLanguages: readNavigatorLanguages(),
  });
}
