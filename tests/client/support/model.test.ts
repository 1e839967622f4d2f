import { describe, expect, it } from 'vitest';
import sen from '../../../client/src/features/support/locales/en.json' with { type: 'json' };
import ses from '../../../client/src/features/support/locales/es.json' with { type: 'json' };
import {
  countryFromSearch,
  dialHref,
  draftOf,
  emptyLine,
  LIMITS,
  moveLine,
  problemsFromServer,
  resourcesPath,
  safeHttpsUrl,
  supportPagePath,
  toSettingsInput,
  validateDraft,
} from '../../../client/src/features/support/model.ts';
import {
  MAX_CRISIS_LINES,
  MAX_LINE_LANGUAGES,
  SUPPORT_LIMITS,
  supportSettingsBody,
} from '../../../shared/api/support.ts';

const keysOf = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );

const line = (extra: Partial<ReturnType<typeof emptyLine>> = {}) => ({
  ...emptyLine(),
  name: 'Example helpline',
  phone: '+44 1632 960001',
  ...extra,
});

describe('crisis resources in the client', () => {
  it('repeat the shared schema’s limits', () => {
    expect(LIMITS.lines).toBe(MAX_CRISIS_LINES);
    expect(LIMITS.languages).toBe(MAX_LINE_LANGUAGES);
    expect(LIMITS.name).toEqual(SUPPORT_LIMITS.name);
    expect(LIMITS.description).toBe(SUPPORT_LIMITS.description.max);
    expect(LIMITS.number).toBe(SUPPORT_LIMITS.phone.max);
    expect(LIMITS.hours).toBe(SUPPORT_LIMITS.hours.max);
    expect(LIMITS.url).toBe(SUPPORT_LIMITS.url.max);
  });

  it('have the same texts in English and Spanish', () => {
    expect(keysOf(ses).sort()).toEqual(keysOf(sen).sort());
  });

  it('dial and text numbers as phones expect them', () => {
    expect(dialHref('tel', '+44 1632 960001')).toBe('tel:+441632960001');
    expect(dialHref('sms', '(202) 555-0101')).toBe('sms:2025550101');
  });

  it('follow only https links', () => {
    expect(safeHttpsUrl('https://example.org/help')).toBe('https://example.org/help');
    expect(safeHttpsUrl('http://example.org/help')).toBeNull();
    expect(safeHttpsUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpsUrl(null)).toBeNull();
  });

  it('read the country from the address: a code, the general list, or nothing said', () => {
    expect(countryFromSearch('?country=gb')).toBe('GB');
    expect(countryFromSearch('?country=*')).toBeNull();
    expect(countryFromSearch('')).toBeUndefined();
    expect(countryFromSearch('?country=Britain')).toBeUndefined();
    expect(supportPagePath(null)).toBe('/support?country=*');
    expect(supportPagePath('MX')).toBe('/support?country=MX');
    expect(resourcesPath(null)).toBe('/api/support/resources');
    expect(resourcesPath('AU')).toBe('/api/support/resources?country=AU');
  });

  it('moves lines up and down, never past either end', () => {
    expect(moveLine(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveLine(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveLine(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveLine(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('turns a draft into a body the server’s schema accepts, and back', () => {
    const draft = {
      lines: [
        line({ languages: 'en, es', example: true, hours: ' 24/7 ' }),
        line({ name: 'Web only', phone: '', url: 'https://example.org/chat' }),
      ],
      donationUrl: '',
    };
    expect(validateDraft(draft)).toEqual({});
    const body = toSettingsInput(draft);
    expect(body).toEqual({
      crisisLines: [
        {
          name: 'Example helpline',
          phone: '+44 1632 960001',
          hours: '24/7',
          languages: ['en', 'es'],
          example: true,
        },
        { name: 'Web only', url: 'https://example.org/chat', example: false },
      ],
      donationUrl: null,
    });
    expect(supportSettingsBody.safeParse(body).success).toBe(true);
    const again = draftOf(body);
    expect(again.lines.map((l) => [l.name, l.languages, l.example])).toEqual([
      ['Example helpline', 'en, es', true],
      ['Web only', '', false],
    ]);
  });

  it('names the same mistakes the server refuses', () => {
    const cases: Array<[Partial<ReturnType<typeof emptyLine>>, string, string]> = [
      [{ name: '' }, '0.name', 'required'],
      [{ name: 'x' }, '0.name', 'tooShort'],
      [{ url: 'http://example.org' }, '0.url', 'https'],
      [{ phone: 'call us' }, '0.phone', 'number'],
      [{ phone: '' }, '0.phone', 'contact'],
      [{ languages: 'english' }, '0.languages', 'language'],
      [{ description: 'x'.repeat(501) }, '0.description', 'tooLong'],
    ];
    for (const [extra, field, problem] of cases) {
      const draft = { lines: [line(extra)], donationUrl: '' };
      expect(validateDraft(draft), field).toMatchObject({ [field]: problem });
      expect(supportSettingsBody.safeParse(toSettingsInput(draft)).success, field).toBe(false);
    }
    expect(validateDraft({ lines: [], donationUrl: 'http://example.org' })).toEqual({
      donationUrl: 'https',
    });
    const many = { lines: Array.from({ length: 21 }, () => line()), donationUrl: '' };
    expect(validateDraft(many)).toMatchObject({ lines: 'tooMany' });
  });

  it('places the server’s field errors on the form’s fields', () => {
    expect(
      problemsFromServer({
        'crisisLines.2.url': ['must be an https address'],
        donationUrl: ['x'],
        crisisLines: ['too many'],
      }),
    ).toEqual({ '2.url': 'server', donationUrl: 'server', lines: 'server' });
  });
});
