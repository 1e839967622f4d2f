import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameKey } from '../../../server/accounts/name-key.ts';
import { memberPageResponse } from '../../../shared/api/accounts.ts';
import { ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

// GET /api/members: the admins' member search (acting for the board). Names only, never
// emails; a search compares folded keys, never a regular expression made of input.

let haven: TestHaven;
let admin: Member;
type Member = Awaited<ReturnType<typeof signUpAs>>;

/** A member signed up the real way (the emailed link), each from an address of its own. */
const member = (displayName: string, roles: string[] = []): Promise<Member> =>
  signUpAs(haven, ['participant', ...roles], { displayName, trained: false, ownAddress: true });

/** Everything an admin's search answered, to check no email ever left the server. */
const answers: string[] = [];

async function search(query: string, who: Member = admin) {
  const response = await who.client.get(`/api/members${query}`);
  answers.push(response.text);
  return response;
}

async function names(query: string): Promise<string[]> {
  const response = await search(query);
  expect(response.status, response.text).toBe(200);
  return memberPageResponse.parse(response.body).items.map((item) => item.displayName);
}

beforeAll(async () => {
  haven = await startTestHaven();
  // A member from before display names had a search key (the first search adds it).
  const users = haven.mongo.connection.db?.collection('users');
  await users?.insertOne({
    email: `legacy-${process.pid}@example.org`,
    passwordHash: 'not-a-real-hash',
    displayName: 'Léonie Ölsen',
    roles: ['participant'],
    languages: [],
    timeZone: 'UTC',
    privacy: { showInGroupMemberLists: false, showArea: false },
  });
  admin = await member('Board', ['admin']);
});
afterAll(async () => {
  await haven?.close();
});

describe('the search key', () => {
  it('folds case, accents, compatibility forms and spaces', () => {
    expect(nameKey('  María   JOSÉ ')).toBe('maria jose');
    expect(nameKey('Ñoño')).toBe('nono');
    expect(nameKey('ﬁona')).toBe('fiona');
    expect(nameKey('Zoë\tÅsa')).toBe('zoe asa');
    expect(nameKey('$email')).toBe('$email');
  });
});

describe('who may search members', () => {
  it('refuses anyone signed out, and every role but admin, with no member data', async () => {
    const secret = await member('Quintessa');
    const anonymous = new ApiClient(haven.url);
    const signedOut = await anonymous.get('/api/members?q=quint');
    expect(signedOut.status).toBe(401);
    expect(signedOut.body.error.code).toBe('UNAUTHENTICATED');
    expect(signedOut.text).not.toContain('Quintessa');

    for (const roles of [[], ['facilitator'], ['moderator'], ['trainer', 'advisor', 'champion']]) {
      // A name each: nobody may take a staff member's (staff-names.ts).
      const someone = await member(`Someone ${roles.join(' ') || 'new'}`, roles);
      const refused = await someone.client.get('/api/members?q=quint');
      expect(refused.status, roles.join()).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect(refused.text).not.toContain('Quintessa');
      expect(refused.text).not.toContain(secret.id);
    }
    expect(await names('?q=quint')).toEqual(['Quintessa']);
  });
});

describe('searching by name', () => {
  it('ignores case and accents, and matches any part of the name, in name order', async () => {
    await member('José');
    await member('JOSEFINA');
    await member('María José');
    await member('Joaquín');
    expect(await names('?q=jose')).toEqual(['José', 'JOSEFINA', 'María José']);
    expect(await names('?q=JOSÉ')).toEqual(['José', 'JOSEFINA', 'María José']);
    expect(await names('?q=%20%20os%C3%A9%20')).toEqual(['José', 'JOSEFINA', 'María José']);
    expect(await names('?q=maria%20jose')).toEqual(['María José']);
    expect(await names('?q=joaquin')).toEqual(['Joaquín']);
    expect(await names('?q=josefinas')).toEqual([]);
  });

  it('finds a member whose name predates the search key', async () => {
    expect(await names('?q=olsen')).toEqual(['Léonie Ölsen']);
  });

  it('follows a change of name', async () => {
    const renamed = await member('Bartholomew');
    expect(await names('?q=bartholomew')).toEqual(['Bartholomew']);
    const changed = await renamed.client.patch('/api/me', { displayName: 'Ñoño Bart' });
    expect(changed.status).toBe(200);
    expect(await names('?q=bartholomew')).toEqual([]);
    expect(await names('?q=nono')).toEqual(['Ñoño Bart']);
  });

  it('shows roles and partner, the area only when the member shows it, never an email', async () => {
    const shown = await member('Wendeline Shown');
    await shown.client.patch('/api/me', {
      area: { country: 'ES', city: 'Sevilla' },
      privacy: { showArea: true },
    });
    const hidden = await member('Wendeline Hidden', ['facilitator']);
    await hidden.client.patch('/api/me', { area: { country: 'GB', city: 'Leeds' } });
    const partner = await admin.client.post('/api/partners', {
      name: 'Riverside Recovery',
      slug: 'riverside-recovery',
      description: 'A treatment service by the river.',
      area: { country: 'GB', city: 'York' },
    });
    expect(partner.status, partner.text).toBe(201);
    const partnerId = partner.body.partner.id as string;
    const linked = await admin.client.post(`/api/partners/${partnerId}/staff`, {
      userId: hidden.id,
    });
    expect(linked.status, linked.text).toBe(200);
    const response = await search('?q=wendeline');
    expect(response.status).toBe(200);
    const { items } = memberPageResponse.parse(response.body);
    expect(items).toEqual([
      {
        id: hidden.id,
        displayName: 'Wendeline Hidden',
        roles: ['participant', 'facilitator'],
        languages: [],
        partnerId,
      },
      {
        id: shown.id,
        displayName: 'Wendeline Shown',
        roles: ['participant'],
        area: { country: 'ES', city: 'Sevilla' },
        languages: [],
        partnerId: null,
      },
    ]);
    expect(response.text).not.toContain('Leeds');
    expect(response.text).not.toMatch(/@|passwordHash|displayNameKey|email/i);
  });
});

describe('filtering by role', () => {
  it('lists only the members holding the role, alone or with a name', async () => {
    await member('Rolanda Facilitator', ['facilitator']);
    await member('Rolanda Advisor', ['advisor']);
    await member('Rolanda Both', ['facilitator', 'advisor']);
    await member('Rolanda Participant');
    expect(await names('?q=rolanda&role=facilitator')).toEqual([
      'Rolanda Both',
      'Rolanda Facilitator',
    ]);
    expect(await names('?q=rolanda&role=advisor')).toEqual(['Rolanda Advisor', 'Rolanda Both']);
    expect(await names('?q=rolanda&role=participant')).toHaveLength(4);
    expect(await names('?role=admin')).toEqual(['Board']);
    expect(await names('?q=rolanda&role=trainer')).toEqual([]);
  });
});

describe('paging through the members', () => {
  it('walks every match exactly once, in order, ties broken by id', async () => {
    const made: string[] = [];
    // Three share one name: the cursor must not skip or repeat any of them.
    for (const name of ['Pagina C', 'Pagina A', 'Pagina B', 'Página B', 'pagina b', 'Pagina D']) {
      made.push((await member(name)).id);
    }
    made.push((await member('Pagina E')).id);
    const seen: Array<{ id: string; displayName: string }> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await search(
        `?q=pagina&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(response.status, response.text).toBe(200);
      const page = memberPageResponse.parse(response.body);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen.map((item) => item.id))).toEqual(new Set(made));
    expect(seen.map((item) => item.displayName.normalize('NFD').replace(/\p{M}/gu, ''))).toEqual([
      'Pagina A',
      'Pagina B',
      'Pagina B',
      'pagina b',
      'Pagina C',
      'Pagina D',
      'Pagina E',
    ]);
    const ties = seen.slice(1, 4).map((item) => item.id);
    expect(ties).toEqual([...ties].sort());
  });

  it('refuses a forged cursor and a limit out of bounds', async () => {
    const forged = Buffer.from(JSON.stringify(['x', 'nope'])).toString('base64url');
    expect((await search(`?cursor=${forged}`)).status).toBe(400);
    expect((await search('?limit=0')).status).toBe(400);
    expect((await search('?limit=101')).status).toBe(400);
  });
});

describe('hostile input', () => {
  it('refuses operator-shaped and malformed queries before any search', async () => {
    for (const query of [
      '?q[$ne]=',
      '?q[$regex]=.*',
      '?role[$ne]=admin',
      '?role[$in][]=admin',
      '?q=a&q=b',
      '?role=king',
      '?role=',
      `?q=${'x'.repeat(41)}`,
      '?q=%07bell',
    ]) {
      const response = await search(query);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code, query).toBe('INVALID_INPUT');
      expect(response.text).not.toContain('Board');
    }
  });

  it('reads the search as text: no field paths, expressions or regex syntax', async () => {
    await member('Dollar $Sign');
    for (const q of ['$displayNameKey', '$$ROOT', '$email', '.*', '^', '(', '\\', '{"$gt":""}']) {
      expect(await names(`?q=${encodeURIComponent(q)}`), q).toEqual([]);
    }
    expect(await names(`?q=${encodeURIComponent('$sign')}`)).toEqual(['Dollar $Sign']);
  });

  it('never sent an email to the admin, in any answer of this file', () => {
    expect(answers.length).toBeGreaterThan(20);
    for (const text of answers) expect(text).not.toMatch(/@example\.org|@haven\.local/);
  });
});
