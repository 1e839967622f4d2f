import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LANGUAGE,
  detectLanguage,
  isLanguage,
  matchLanguage,
} from '../../client/src/i18n/languages.ts';

describe('detectLanguage', () => {
  it('prefers a saved choice over the browser', () => {
    expect(detectLanguage({ saved: 'es', navigatorLanguages: ['en-US', 'en'] })).toBe('es');
    expect(detectLanguage({ saved: 'en', navigatorLanguages: ['es-ES'] })).toBe('en');
  });

  it('ignores a saved value it does not support', () => {
    expect(detectLanguage({ saved: 'klingon', navigatorLanguages: ['es-AR'] })).toBe('es');
    expect(detectLanguage({ saved: '', navigatorLanguages: ['es'] })).toBe('es');
  });

  it('uses the first supported browser language, matching on the base language', () => {
    expect(detectLanguage({ navigatorLanguages: ['es-MX'] })).toBe('es');
    expect(detectLanguage({ navigatorLanguages: ['fr-FR', 'es-419', 'en'] })).toBe('es');
    expect(detectLanguage({ navigatorLanguages: ['en-GB', 'es'] })).toBe('en');
    expect(detectLanguage({ navigatorLanguages: ['ES_us'] })).toBe('es');
  });

  it('falls back to English', () => {
    expect(DEFAULT_LANGUAGE).toBe('en');
    expect(detectLanguage({})).toBe('en');
    expect(detectLanguage({ saved: null, navigatorLanguages: null })).toBe('en');
    expect(detectLanguage({ navigatorLanguages: ['fr', 'de-DE'] })).toBe('en');
    expect(detectLanguage({ navigatorLanguages: [] })).toBe('en');
  });
});

describe('language helpers', () => {
  it('matches tags to supported languages', () => {
    expect(matchLanguage('es-MX')).toBe('es');
    expect(matchLanguage(' EN ')).toBe('en');
    expect(matchLanguage('pt-BR')).toBeNull();
    expect(isLanguage('es')).toBe(true);
    expect(isLanguage('es-MX')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});
