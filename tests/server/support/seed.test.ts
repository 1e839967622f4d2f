import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUPPORT, seedSupport } from '../../../server/support/seed.ts';
import { ApiClient } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
  await seedSupport({ connection: haven.mongo.connection });
});
afterAll(async () => {
  await haven?.close();
});

/** Numbers set aside for fiction (Ofcom, NANP 555-01xx, ACMA), or unallocatable (MX area code 0). */
const FICTIONAL = [
  /^(\+44 |0)1632 960\d{3}$/,
  /^(\+44 |0)7700 900\d{3}$/,
  /^\+1 \d{3} 555 01\d{2}$/,
  /^\+61 2 5550 \d{4}$/,
  /^0491 570 006$/,
  /^\+52 00 /,
];

describe('the demo crisis resources', () => {
  it('cover the general list and the directory’s demo countries', async () => {
    const anyone = new ApiClient(haven.url);
    for (const country of ['GB', 'US', 'MX', 'AU']) {
      const { body } = await anyone.get(`/api/support/resources?country=${country}`);
      expect(body.fallback, country).toBe(false);
      expect(body.crisisLines.length, country).toBeGreaterThan(0);
      expect(body.donationUrl).toBe(`https://example.org/donate/${country.toLowerCase()}`);
    }
    const elsewhere = await anyone.get('/api/support/resources?country=JP');
    expect(elsewhere.body).toMatchObject({
      fallback: true,
      donationUrl: 'https://example.org/donate',
    });
    expect(elsewhere.body.crisisLines.length).toBeGreaterThan(0);
  });

  it('are all clearly marked examples with fictional numbers and example.org links', () => {
    const lines = Object.values(DEMO_SUPPORT).flatMap((s) => s.crisisLines);
    for (const line of lines) {
      expect(line.example, line.name).toBe(true);
      expect(line.name).toMatch(/demo data — not a real service|datos de ejemplo/);
      for (const number of [line.phone, line.sms].filter(Boolean)) {
        expect(
          FICTIONAL.some((range) => range.test(number as string)),
          `${line.name}: ${number}`,
        ).toBe(true);
      }
      if (line.url) expect(line.url).toMatch(/^https:\/\/example\.org\//);
    }
    for (const settings of Object.values(DEMO_SUPPORT))
      expect(settings.donationUrl).toMatch(/^https:\/\/example\.org\//);
  });
});
