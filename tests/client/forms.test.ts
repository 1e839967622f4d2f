import { describe, expect, it } from 'vitest';
import {
  countryOptions,
  initialTimeZone,
  languageOptions,
  timeZoneOptions,
} from '../../client/src/account/places.ts';
import {
  confirmationMatches,
  LIMITS,
  safeNextPath,
  validateProfile,
  validateSignIn,
  validateSignUp,
} from '../../client/src/forms/validation.ts';
import { signInPath } from '../../client/src/routes.ts';
import { displayNameSchema, passwordSchema, profileUpdateBody } from '../../shared/api/accounts.ts';

describe('browser-side checks', () => {
  it('use the same limits as the shared schemas', () => {
    const { min, max } = LIMITS.password;
    expect(passwordSchema.safeParse('x'.repeat(min)).success).toBe(true);
    expect(passwordSchema.safeParse('x'.repeat(min - 1)).success).toBe(false);
    expect(passwordSchema.safeParse('x'.repeat(max + 1)).success).toBe(false);
    expect(displayNameSchema.safeParse('x'.repeat(LIMITS.displayName.max)).success).toBe(true);
    expect(displayNameSchema.safeParse('x'.repeat(LIMITS.displayName.max + 1)).success).toBe(false);
    const area = (city: string) => profileUpdateBody.safeParse({ area: { city } }).success;
    expect(area('x'.repeat(LIMITS.areaText.max))).toBe(true);
    expect(area('x'.repeat(LIMITS.areaText.max + 1))).toBe(false);
    const languages = (n: number) =>
      profileUpdateBody.safeParse({ languages: Array(n).fill('en') }).success;
    expect(languages(LIMITS.languages.max)).toBe(true);
    expect(languages(LIMITS.languages.max + 1)).toBe(false);
  });

  it('say what is wrong with each sign-up field, and nothing when all is well', () => {
    expect(validateSignUp({ displayName: ' ', email: 'sam', password: 'short' })).toEqual({
      displayName: { key: 'required' },
      email: { key: 'email' },
      password: { key: 'tooShort', min: 10 },
    });
    expect(
      validateSignUp({
        displayName: 'x'.repeat(41),
        email: '',
        password: 'x'.repeat(201),
      }),
    ).toEqual({
      displayName: { key: 'tooLong', max: 40 },
      email: { key: 'required' },
      password: { key: 'tooLong', max: 200 },
    });
    expect(
      validateSignUp({ displayName: 'Sam', email: ' sam@example.org ', password: 'ten chars!' }),
    ).toEqual({});
  });

  it('ask only for an email and some password to sign in', () => {
    expect(validateSignIn({ email: 'sam@example.org', password: 'x' })).toEqual({});
    expect(validateSignIn({ email: '', password: '' })).toEqual({
      email: { key: 'required' },
      password: { key: 'required' },
    });
  });

  it('key profile problems by the API field path', () => {
    expect(
      validateProfile({
        displayName: '',
        region: 'x'.repeat(81),
        city: 'Sevilla',
        languages: Array(11).fill('en'),
      }),
    ).toEqual({
      displayName: { key: 'required' },
      'area.region': { key: 'tooLong', max: 80 },
      languages: { key: 'tooMany', max: 10 },
    });
  });

  it('accept the confirmation word however it is typed', () => {
    expect(confirmationMatches(' delete ', 'DELETE')).toBe(true);
    expect(confirmationMatches('eliminar', 'ELIMINAR')).toBe(true);
    expect(confirmationMatches('yes', 'DELETE')).toBe(false);
    expect(confirmationMatches('', 'DELETE')).toBe(false);
  });
});

describe('returning after sign-in', () => {
  it('only goes back to paths on this site', () => {
    expect(safeNextPath('/account')).toBe('/account');
    expect(safeNextPath('/groups?x=1')).toBe('/groups?x=1');
    for (const bad of [
      null,
      '',
      'account',
      '//evil.example',
      '/\\evil.example',
      'https://x.y',
      '/a\nb',
    ])
      expect(safeNextPath(bad, '/home')).toBe('/home');
  });

  it('links to sign-in with the page to return to, except from entry pages', () => {
    expect(signInPath('/account')).toBe('/login?next=%2Faccount');
    expect(signInPath('/')).toBe('/login');
    expect(signInPath('/signup')).toBe('/login');
    expect(signInPath()).toBe('/login');
  });
});

describe('places for the profile form', () => {
  it('names every country in the UI language, in that language’s order', () => {
    const es = countryOptions('es');
    expect(es.length).toBeGreaterThan(240);
    expect(es.find((c) => c.value === 'GB')?.label).toBe('Reino Unido');
    expect(es.find((c) => c.value === 'DE')?.label).toBe('Alemania');
    const labels = es.map((c) => c.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator('es').compare));
    expect(countryOptions('en').find((c) => c.value === 'ES')?.label).toBe('Spain');
  });

  it('offers the short language list plus any the member already has, capitalised', () => {
    const options = languageOptions('es', ['sv']);
    expect(options.find((o) => o.value === 'en')?.label).toBe('Inglés');
    expect(options.at(-1)).toEqual({ value: 'sv', label: 'Sueco' });
    expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
  });

  it('lists time zones with their offset and always includes the saved one', () => {
    const winter = new Date('2025-01-15T12:00:00Z');
    const zones = timeZoneOptions('en', ['UTC'], winter);
    expect(zones.find((z) => z.value === 'UTC')).toBeDefined();
    expect(zones.find((z) => z.value === 'America/New_York')?.label).toBe(
      'America/New York (GMT-05:00)',
    );
    expect(zones.length).toBeGreaterThan(300);
  });

  it("offers the device's zone to an account still on the server default", () => {
    expect(initialTimeZone('UTC', 'Europe/Madrid')).toBe('Europe/Madrid');
    expect(initialTimeZone('UTC', null)).toBe('UTC');
    expect(initialTimeZone('Asia/Tokyo', 'Europe/Madrid')).toBe('Asia/Tokyo');
  });
});
