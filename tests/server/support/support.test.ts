import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/api-client.ts';
import { communityHaven } from '../community/helpers.ts';

const t = communityHaven();

const line = (extra: Record<string, unknown> = {}) => ({
  name: 'Example helpline (demo data — not a real service)',
  description: 'Free and confidential, any time.',
  phone: '+44 1632 960001',
  sms: '01632 960002',
  url: 'https://example.org/helpline',
  hours: '24 hours, every day',
  languages: ['en'],
  example: true,
  ...extra,
});

const settings = (lines = [line()], donationUrl: string | null = 'https://example.org/give') => ({
  crisisLines: lines,
  donationUrl,
});

const stored = () => t.collection('support_settings').find({}).sort({ _id: 1 }).toArray();

async function admin() {
  return t.member(['admin']);
}

describe('crisis resources for anyone', () => {
  it('answers without a session, with the country’s own lines or the general ones', async () => {
    const ada = await admin();
    expect(
      (
        await ada.client.request(
          'PUT',
          '/api/admin/support/*',
          settings([line({ name: 'General line' })]),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await ada.client.request(
          'PUT',
          '/api/admin/support/NZ',
          settings([line({ name: 'NZ line' })], 'https://example.org/nz'),
        )
      ).status,
    ).toBe(200);
    // Lines of its own, no donation link: the general donation link stands in.
    await ada.client.request(
      'PUT',
      '/api/admin/support/IE',
      settings([line({ name: 'IE line' })], null),
    );

    const anyone = new ApiClient(t.haven.url);
    const nz = await anyone.get('/api/support/resources?country=NZ');
    expect(nz.status).toBe(200);
    expect(nz.body).toEqual({
      country: 'NZ',
      crisisLines: [expect.objectContaining({ name: 'NZ line', phone: '+44 1632 960001' })],
      donationUrl: 'https://example.org/nz',
      fallback: false,
    });

    const fr = await anyone.get('/api/support/resources?country=FR');
    expect(fr.body).toMatchObject({
      country: 'FR',
      crisisLines: [{ name: 'General line' }],
      donationUrl: 'https://example.org/give',
      fallback: true,
    });

    const ie = await anyone.get('/api/support/resources?country=IE');
    expect(ie.body).toMatchObject({
      crisisLines: [{ name: 'IE line' }],
      donationUrl: 'https://example.org/give',
      fallback: false,
    });

    const general = await anyone.get('/api/support/resources');
    expect(general.body).toMatchObject({
      country: '*',
      crisisLines: [{ name: 'General line' }],
      fallback: false,
    });
  });

  it('refuses a malformed or operator-shaped country', async () => {
    const anyone = new ApiClient(t.haven.url);
    for (const query of ['country=Britain', 'country=gb1', 'country[$gt]=', '$where=1']) {
      const response = await anyone.get(`/api/support/resources?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe('INVALID_INPUT');
    }
  });
});

describe('admins editing the resources', () => {
  it('lists, replaces and deletes a country’s settings, in the order given', async () => {
    const ada = await admin();
    const first = line({ name: 'First line', example: false, languages: ['en', 'mi'] });
    const second = line({ name: 'Second line', phone: undefined, sms: undefined });
    const put = await ada.client.request('PUT', '/api/admin/support/FJ', settings([first, second]));
    expect(put.status).toBe(200);
    expect(put.body.settings).toMatchObject({
      country: 'FJ',
      crisisLines: [{ name: 'First line', example: false }, { name: 'Second line' }],
      donationUrl: 'https://example.org/give',
    });
    expect(put.body.settings.crisisLines[1]).not.toHaveProperty('phone');

    // A full replace: reordered, one line fewer, no donation link.
    const replaced = await ada.client.request(
      'PUT',
      '/api/admin/support/FJ',
      settings([second], null),
    );
    expect(replaced.body.settings).toMatchObject({
      crisisLines: [{ name: 'Second line' }],
      donationUrl: null,
    });

    const list = await ada.client.get('/api/admin/support');
    expect(list.status).toBe(200);
    const countries = list.body.items.map((s: { country: string }) => s.country);
    expect(countries).toContain('FJ');
    expect(countries).toEqual([...countries].sort());
    expect(list.body.items.find((s: { country: string }) => s.country === 'FJ')).toMatchObject({
      crisisLines: [{ name: 'Second line' }],
    });

    const deleted = await ada.client.delete('/api/admin/support/FJ');
    expect(deleted.status).toBe(204);
    expect((await stored()).map((d) => d._id)).not.toContain('FJ');
    expect((await ada.client.delete('/api/admin/support/FJ')).status).toBe(404);
  });

  it('never deletes the general list', async () => {
    const ada = await admin();
    await ada.client.request(
      'PUT',
      '/api/admin/support/*',
      settings([line({ name: 'General line' })]),
    );
    const response = await ada.client.delete('/api/admin/support/*');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    expect((await stored()).map((d) => d._id)).toContain('*');
  });

  it('refuses anonymous visitors and members without the admin role', async () => {
    const anonymous = await ApiClient.signedOut(t.haven.url);
    const moderator = await t.member(['moderator', 'facilitator']);
    const before = await stored();
    for (const [who, status, code] of [
      [anonymous, 401, 'UNAUTHENTICATED'],
      [moderator.client, 403, 'FORBIDDEN'],
    ] as const) {
      const calls = [
        who.get('/api/admin/support'),
        who.request('PUT', '/api/admin/support/GB', settings()),
        who.request('PUT', '/api/admin/support/*', settings([])),
        who.delete('/api/admin/support/NZ'),
      ];
      for (const response of await Promise.all(calls)) {
        expect(response.status).toBe(status);
        expect(response.body.error.code).toBe(code);
      }
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const ada = await admin();
    await ada.client.request(
      'PUT',
      '/api/admin/support/NZ',
      settings([line({ name: 'Kept line' })]),
    );
    const before = await stored();
    const cases: Array<[string, unknown, string]> = [
      ['NZ', settings([line({ url: 'http://example.org/helpline' })]), 'crisisLines.0.url'],
      ['NZ', settings([line({ url: 'javascript:alert(1)' })]), 'crisisLines.0.url'],
      ['NZ', settings([line()], 'http://example.org/give'), 'donationUrl'],
      ['NZ', settings(Array.from({ length: 21 }, () => line())), 'crisisLines'],
      ['NZ', settings([line({ name: 'x'.repeat(121) })]), 'crisisLines.0.name'],
      ['NZ', settings([line({ description: 'x'.repeat(501) })]), 'crisisLines.0.description'],
      ['NZ', settings([line({ phone: 'call us' })]), 'crisisLines.0.phone'],
      [
        'NZ',
        settings([line({ phone: undefined, sms: undefined, url: undefined })]),
        'crisisLines.0.phone',
      ],
      ['NZ', settings([line({ languages: ['english'] })]), 'crisisLines.0.languages.0'],
      ['NZ', settings([line({ example: 'yes' })]), 'crisisLines.0.example'],
      ['NZ', settings([line({ extra: 1 })]), 'crisisLines.0'],
      ['NZ', { ...settings(), owner: 'me' }, '_'],
      ['NZ', { donationUrl: null }, 'crisisLines'],
      ['NZ', settings([line({ name: { $gt: '' } })]), '$gt'],
      ['NZ', { crisisLines: { $gt: '' } }, '$gt'],
      ['nz', settings(), 'country'],
      ['NZL', settings(), 'country'],
      ['**', settings(), 'country'],
    ];
    for (const [country, body, field] of cases) {
      const response = await ada.client.request('PUT', `/api/admin/support/${country}`, body);
      expect(response.status, field).toBe(400);
      expect(response.body.error.code, field).toBe('INVALID_INPUT');
      expect(Object.keys(response.body.error.fields), field).toContain(field);
    }
    expect(await stored()).toEqual(before);
  });

  it('is in the OpenAPI document', async () => {
    const { body } = await new ApiClient(t.haven.url).get('/api/openapi.json');
    expect(body.paths['/support/resources'].get.security).toBeUndefined();
    expect(body.paths['/admin/support'].get.security).toBeDefined();
    expect(Object.keys(body.paths['/admin/support/{country}'])).toEqual(
      expect.arrayContaining(['put', 'delete']),
    );
  });
});
