import { describe, expect, it } from 'vitest';
import { catalogues as assembled } from '../../client/src/i18n/catalogues.ts';
import { errorCodes } from '../../shared/errors.ts';

type Catalogue = { [key: string]: string | Catalogue };
const catalogues = {
  en: assembled.en as unknown as Catalogue,
  es: assembled.es as unknown as Catalogue,
};
const { en, es } = assembled;

/** Flattens a nested catalogue to dotted keys, e.g. { 'errors.CSRF': '…' }. */
function flatten(tree: Catalogue, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

function variablesOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*-?\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)]
    .map((m) => m[1] ?? '')
    .sort();
}

const flat = { en: flatten(catalogues.en), es: flatten(catalogues.es) };

describe('translation catalogues', () => {
  it('have exactly the same keys in English and Spanish', () => {
    const enKeys = [...flat.en.keys()].sort();
    const esKeys = [...flat.es.keys()].sort();
    // `_many` is Spanish grammar (English has no such plural), filled in by catalogues.ts.
    expect(
      esKeys.filter((k) => !flat.en.has(k) && !k.endsWith('_many')),
      'keys only in es.json',
    ).toEqual([]);
    expect(
      enKeys.filter((k) => !flat.es.has(k)),
      'keys only in en.json',
    ).toEqual([]);
  });

  it.each(Object.keys(flat))('%s has only non-empty strings', (lng) => {
    const bad = [...flat[lng as keyof typeof flat]].filter(
      ([, value]) => typeof value !== 'string' || value.trim() === '',
    );
    expect(bad.map(([key]) => key)).toEqual([]);
  });

  it('uses the same interpolation variables in every language', () => {
    const mismatches: string[] = [];
    for (const [key, value] of flat.en) {
      const esValue = flat.es.get(key);
      if (typeof value !== 'string' || typeof esValue !== 'string') continue;
      const want = variablesOf(value);
      const got = variablesOf(esValue);
      if (want.join() !== got.join()) mismatches.push(`${key}: en {${want}} es {${got}}`);
    }
    expect(mismatches).toEqual([]);
  });

  it.each(errorCodes)('has a message for error code %s in every language', (code) => {
    for (const lng of ['en', 'es'] as const) {
      const message = flat[lng].get(`errors.${code}`);
      expect(typeof message, `${lng}: errors.${code}`).toBe('string');
      expect((message as string).length).toBeGreaterThan(20);
    }
  });

  it('has no messages for error codes that no longer exist', () => {
    const known = new Set<string>(errorCodes);
    const stale = [...flat.en.keys()]
      .filter((k) => k.startsWith('errors.'))
      .map((k) => k.slice('errors.'.length))
      .filter((code) => !known.has(code));
    expect(stale).toEqual([]);
  });

  it('catches a missing key and a renamed variable (self-test of the checks)', () => {
    const a = flatten({ x: { y: 'Hi {{name}}' }, z: 'z' });
    const b = flatten({ x: { y: 'Hola {{nombre}}' } });
    expect([...a.keys()].filter((k) => !b.has(k))).toEqual(['z']);
    expect(variablesOf(a.get('x.y') as string)).not.toEqual(variablesOf(b.get('x.y') as string));
  });
});

describe('i18n runtime', () => {
  it('uses the Spanish text for the "many" plural category', async () => {
    const { initI18n } = await import('../../client/src/i18n/index.ts');
    const i18n = initI18n('es');
    await i18n.changeLanguage('es');
    const key = [...flat.es.keys()].find((k) => k.endsWith('_many'));
    expect(key, 'some Spanish plural exists').toBeDefined();
    const base = (key as string).replace(/_many$/, '');
    const say = (count: number) => String(i18n.t(base as never, { count } as never));
    expect(say(1_000_000)).toBe(say(7).replace('7', '1000000'));
  });

  it('starts in the given language and switches', async () => {
    const { applyLanguage, errorMessageKey, initI18n } = await import(
      '../../client/src/i18n/index.ts'
    );
    const i18n = initI18n('es');
    expect(i18n.language).toBe('es');
    expect(i18n.t(errorMessageKey('RATE_LIMITED'))).toBe(es.errors.RATE_LIMITED);
    await applyLanguage('en');
    expect(i18n.t('footer.crisis')).toBe(en.footer.crisis);
  });
});
