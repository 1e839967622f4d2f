import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../helpers/api-client.ts';
import { allPages, havenPerFile, member, models, visitor } from './helpers.ts';

const haven = havenPerFile();
type Member = { client: ApiClient; id: string };
let admin: Member;
let participant: Member;
let moderator: Member;

beforeAll(async () => {
  admin = await member(haven(), ['admin']);
  participant = await member(haven());
  moderator = await member(haven(), ['moderator', 'advisor', 'champion']);
});

let seq = 0;
const partnerBody = (overrides: Record<string, unknown> = {}) => ({
  name: `Harbour Recovery ${seq}`,
  slug: `harbour-recovery-${seq++}`,
  description: 'A community alcohol and drug service running meetings within the service.',
  area: { country: 'GB', region: 'England', city: 'Leeds' },
  website: 'https://harbour.example.org',
  services: ['Community treatment'],
  ...overrides,
});

async function createPartner(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await admin.client.post('/api/partners', partnerBody(overrides));
  expect(response.status).toBe(201);
  return response.body.partner.id;
}

describe('partner pages', () => {
  it('lets an admin create a partner that anyone can read, without an account', async () => {
    const id = await createPartner({ name: 'Aurora Treatment Centre' });
    const anyone = await fetch(`${haven().url}/api/partners/${id}`);
    expect(anyone.status).toBe(200);
    const { partner } = await anyone.json();
    expect(partner).toMatchObject({
      name: 'Aurora Treatment Centre',
      area: { country: 'GB', city: 'Leeds' },
      // Stored as the browser's URL parser writes it (shared/api/links.ts).
      website: 'https://harbour.example.org/',
      staff: [],
    });
    const listed = await (await fetch(`${haven().url}/api/partners?limit=100`)).json();
    expect(listed.items.map((p: { id: string }) => p.id)).toContain(id);
  });

  it('filters by country and city and pages by name', async () => {
    const madrid = await createPartner({ area: { country: 'ES', city: 'Madrid' } });
    const client = await visitor(haven());
    const spain = (await client.get('/api/partners?country=ES')).body.items;
    expect(spain.map((p: { id: string }) => p.id)).toEqual([madrid]);
    const city = (await client.get('/api/partners?city=Madrid')).body.items;
    expect(city.map((p: { id: string }) => p.id)).toEqual([madrid]);
    const everything = await allPages(client, '/api/partners', 1);
    const names = everything.map((p) => String(p.name));
    expect(names).toEqual([...names].sort());
    expect(new Set(everything.map((p) => p.id)).size).toBe(everything.length);
    expect((await client.get('/api/partners?country=Spain')).status).toBe(400);
  });

  it('answers 404 for an unknown partner', async () => {
    const response = await fetch(`${haven().url}/api/partners/0123456789abcdef01234567`);
    expect(response.status).toBe(404);
  });
});

describe('only admins edit partners', () => {
  it('refuses creation by other roles (403) and by visitors (401), storing nothing', async () => {
    const before = await models(haven()).Partner.countDocuments();
    for (const someone of [participant, moderator]) {
      const response = await someone.client.post('/api/partners', partnerBody());
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
    expect((await (await visitor(haven())).post('/api/partners', partnerBody())).status).toBe(401);
    expect(await models(haven()).Partner.countDocuments()).toBe(before);
  });

  it('refuses edits by other roles, leaving the partner unchanged', async () => {
    const id = await createPartner({ name: 'Unchanged Service' });
    const response = await moderator.client.patch(`/api/partners/${id}`, { name: 'Taken over' });
    expect(response.status).toBe(403);
    expect((await models(haven()).Partner.findById(id).lean())?.name).toBe('Unchanged Service');
  });

  it.each([
    [{ website: 'javascript:alert(1)' }, 'website'],
    [{ website: 'https://user@service.example' }, 'website'],
    [{ website: 'https://service.example\\evil' }, 'website'],
    [{ slug: 'Not A Slug' }, 'slug'],
    [{ area: { country: 'gb', city: 'Leeds' } }, 'area.country'],
    [{ name: '' }, 'name'],
    [{ services: 'one' }, 'services'],
  ])('refuses %j with a field error and stores nothing', async (overrides, field) => {
    const before = await models(haven()).Partner.countDocuments();
    const response = await admin.client.post('/api/partners', partnerBody(overrides));
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toHaveProperty([field]);
    expect(await models(haven()).Partner.countDocuments()).toBe(before);
  });

  it('refuses a slug already in use (409), on create and on edit', async () => {
    await createPartner({ slug: 'taken-slug' });
    const duplicate = await admin.client.post('/api/partners', partnerBody({ slug: 'taken-slug' }));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.fields).toHaveProperty('slug');
    const other = await createPartner();
    const edit = await admin.client.patch(`/api/partners/${other}`, { slug: 'taken-slug' });
    expect(edit.status).toBe(409);
    expect(await models(haven()).Partner.countDocuments({ slug: 'taken-slug' })).toBe(1);
  });

  it('applies a partial edit, and can clear the website', async () => {
    const id = await createPartner();
    const response = await admin.client.patch(`/api/partners/${id}`, {
      description: 'Now also runs an evening meeting for family and friends.',
      website: null,
      area: { country: 'GB', city: 'Bradford' },
    });
    expect(response.status).toBe(200);
    expect(response.body.partner).toMatchObject({
      description: 'Now also runs an evening meeting for family and friends.',
      website: null,
      area: { country: 'GB', city: 'Bradford' },
      services: ['Community treatment'],
    });
    expect(response.body.partner.area).not.toHaveProperty('region');
    expect((await admin.client.patch(`/api/partners/${id}`, { owner: 'me' })).status).toBe(400);
  });
});

describe('staff', () => {
  it('links and unlinks a member as staff, shown publicly with their public profile only', async () => {
    const id = await createPartner();
    const staff = await member(haven(), ['facilitator'], 'Nadia');
    const linked = await admin.client.post(`/api/partners/${id}/staff`, { userId: staff.id });
    expect(linked.status).toBe(200);
    expect(linked.body.partner.staff).toEqual([
      expect.objectContaining({ id: staff.id, displayName: 'Nadia', partnerId: id }),
    ]);
    const page = await (await fetch(`${haven().url}/api/partners/${id}`)).text();
    expect(page).not.toContain('@example.org');
    expect((await staff.client.get('/api/me')).body.user.partnerId).toBe(id);

    const unlinked = await admin.client.delete(`/api/partners/${id}/staff/${staff.id}`);
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.partner.staff).toEqual([]);
    expect((await staff.client.get('/api/me')).body.user.partnerId).toBeNull();
  });

  it('keeps a member staff of one partner at a time, and refuses unknown members', async () => {
    const first = await createPartner();
    const second = await createPartner();
    const staff = await member(haven());
    await admin.client.post(`/api/partners/${first}/staff`, { userId: staff.id });
    const moved = await admin.client.post(`/api/partners/${second}/staff`, { userId: staff.id });
    expect(moved.status).toBe(409);
    expect((await staff.client.get('/api/me')).body.user.partnerId).toBe(first);
    const unknown = await admin.client.post(`/api/partners/${first}/staff`, {
      userId: '0123456789abcdef01234567',
    });
    expect(unknown.status).toBe(404);
    const notStaff = await admin.client.delete(`/api/partners/${second}/staff/${staff.id}`);
    expect(notStaff.status).toBe(404);
    expect((await staff.client.get('/api/me')).body.user.partnerId).toBe(first);
  });

  it('lets only admins change staff', async () => {
    const id = await createPartner();
    const hopeful = await member(haven());
    const self = await hopeful.client.post(`/api/partners/${id}/staff`, { userId: hopeful.id });
    expect(self.status).toBe(403);
    expect(
      (await moderator.client.post(`/api/partners/${id}/staff`, { userId: hopeful.id })).status,
    ).toBe(403);
    expect((await hopeful.client.get('/api/me')).body.user.partnerId).toBeNull();
    expect(
      (await admin.client.post(`/api/partners/${id}/staff`, { userId: { $ne: null } })).status,
    ).toBe(400);
  });
});
