import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberPageResponse } from '../../../shared/api/accounts.ts';
import { signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

// Issue 18, finding 5: the admins' member table finds a member by their email address
// (whole address only), filters by partner organisation, and says how many match in all.

let haven: TestHaven;
let admin: Member;
type Member = Awaited<ReturnType<typeof signUpAs>>;

/** A member signed up the real way (the emailed link), each from an address of its own. */
const member = (displayName: string, roles: string[] = []): Promise<Member> =>
  signUpAs(haven, ['participant', ...roles], { displayName, trained: false, ownAddress: true });

const answers: string[] = [];

async function search(query: string) {
  const response = await admin.client.get(`/api/members${query}`);
  answers.push(response.text);
  expect(response.status, response.text).toBe(200);
  return memberPageResponse.parse(response.body);
}
const names = async (query: string) => (await search(query)).items.map((m) => m.displayName);

beforeAll(async () => {
  haven = await startTestHaven();
  admin = await member('Board', ['admin']);
});
afterAll(async () => {
  await haven?.close();
});

describe('finding a member by email address', () => {
  it('matches the whole address, whatever its case, and never a part of it', async () => {
    const hester = await member('Hester Quill');
    await member('Other Person');
    expect(await names(`?q=${encodeURIComponent(hester.email.toUpperCase())}`)).toEqual([
      'Hester Quill',
    ]);
    expect(await names(`?q=${encodeURIComponent(` ${hester.email} `)}`)).toEqual(['Hester Quill']);
    // A part of an address, or a pattern, finds nobody: addresses cannot be probed letter by letter.
    expect(await names(`?q=${encodeURIComponent(hester.email.slice(0, -3))}`)).toEqual([]);
    expect(await names(`?q=${encodeURIComponent('.*@example.org')}`)).toEqual([]);
    expect(await names(`?q=${encodeURIComponent('@example.org')}`)).toEqual([]);
  });

  it('accepts an address longer than a name search, and refuses one past the limit', async () => {
    const long = `${'a'.repeat(60)}@example.org`;
    expect(await names(`?q=${long}`)).toEqual([]);
    const refused = await admin.client.get(`/api/members?q=${'a'.repeat(250)}@example.org`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('INVALID_INPUT');
  });
});

describe('filtering by partner organisation', () => {
  it('lists only the staff of that partner, alone or with a role and a name', async () => {
    const created = await admin.client.post('/api/partners', {
      name: 'Estuary Recovery',
      slug: 'estuary-recovery',
      description: 'Runs treatment services with peer-led meetings.',
      area: { country: 'GB', city: 'Hull' },
    });
    expect(created.status, created.text).toBe(201);
    const partnerId = created.body.partner.id as string;
    const staff = await member('Estuary Staffer', ['facilitator']);
    const other = await member('Estuary Volunteer');
    await member('Not Staff Estuary');
    for (const who of [staff, other]) {
      const linked = await admin.client.post(`/api/partners/${partnerId}/staff`, {
        userId: who.id,
      });
      expect(linked.status, linked.text).toBe(200);
    }
    expect(await names(`?partnerId=${partnerId}`)).toEqual([
      'Estuary Staffer',
      'Estuary Volunteer',
    ]);
    expect(await names(`?partnerId=${partnerId}&role=facilitator`)).toEqual(['Estuary Staffer']);
    expect(await names(`?partnerId=${partnerId}&q=volunteer`)).toEqual(['Estuary Volunteer']);
    expect(await names(`?partnerId=${'0'.repeat(24)}`)).toEqual([]);
  });

  it('refuses a partner id that is not an id, or an operator', async () => {
    for (const bad of ['nope', '%7B%22%24ne%22%3Anull%7D', 'partnerId[$ne]=1']) {
      const query = bad.includes('=') ? bad : `partnerId=${bad}`;
      const refused = await admin.client.get(`/api/members?${query}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.body.error.code).toBe('INVALID_INPUT');
    }
    const twice = await admin.client.get(
      `/api/members?partnerId=${admin.id}&partnerId=${admin.id}`,
    );
    expect(twice.status).toBe(400);
  });
});

describe('how many match', () => {
  it('says the total of the whole search on every page, beside a page of at most `limit`', async () => {
    for (let n = 1; n <= 5; n++) await member(`Tally ${n}`);
    const first = await search('?q=tally&limit=2');
    expect(first.items.map((m) => m.displayName)).toEqual(['Tally 1', 'Tally 2']);
    expect(first.total).toBe(5);
    const second = await search(`?q=tally&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((m) => m.displayName)).toEqual(['Tally 3', 'Tally 4']);
    expect(second.total).toBe(5);
    expect((await search('?q=tally&role=admin')).total).toBe(0);
  });

  it('never sent an email in any answer of this file', () => {
    expect(answers.length).toBeGreaterThan(0);
    for (const text of answers) expect(text).not.toMatch(/@example\.org/);
  });
});
