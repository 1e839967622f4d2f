import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../client/src/api/client.ts';
import { adminApi } from '../../../client/src/features/admin/api.ts';
import {
  afterStep,
  byName,
  draftOf,
  filtersKey,
  lockedRoles,
  membersApiPath,
  membersPath,
  normaliseRoles,
  placeLine,
  planSave,
  problemKey,
  queryString,
  ROLES,
  readFilters,
  withRole,
} from '../../../client/src/features/admin/model.ts';
import { ROLES as CONTRACT_ROLES, memberSearchQuery } from '../../../shared/api/accounts.ts';

const A = 'a'.repeat(24);
const B = 'b'.repeat(24);

describe('the admin page model', () => {
  it('knows every role of the contract, in its order', () => {
    expect([...ROLES]).toEqual([...CONTRACT_ROLES]);
  });

  it('reads the filters from the address, dropping what the API would refuse', () => {
    expect(readFilters('')).toEqual({ q: '', role: '', partnerId: '' });
    expect(readFilters('?q=%20Jos%C3%A9%20&role=facilitator')).toEqual({
      q: 'José',
      role: 'facilitator',
      partnerId: '',
    });
    expect(readFilters('?role=king&q=x&partnerId=%24ne')).toEqual({
      q: 'x',
      role: '',
      partnerId: '',
    });
    expect(readFilters(`?partnerId=${'a1'.repeat(12)}`).partnerId).toBe('a1'.repeat(12));
    // A whole email address may be longer than a name search.
    expect(readFilters(`?q=${'y'.repeat(60)}@example.org`).q).toHaveLength(72);
    expect(readFilters(`?q=${'y'.repeat(60)}`).q).toHaveLength(40);
    // Whatever the address says, the API accepts what the page sends.
    for (const search of [
      '?q=%24ne',
      `?q=${'z'.repeat(99)}`,
      `?q=${'z'.repeat(300)}@x.org`,
      '?role=__proto__',
      '?q=+++',
      '?partnerId=x',
    ]) {
      const sent = new URL(membersApiPath(readFilters(search)), 'http://haven.test').searchParams;
      expect(memberSearchQuery.safeParse(Object.fromEntries(sent)).success, search).toBe(true);
    }
  });

  it('writes addresses and API paths with only the filters that are set', () => {
    expect(queryString({ a: '', b: undefined, c: null, d: 0, e: 'x y' })).toBe('?d=0&e=x+y');
    expect(membersPath({ q: '', role: '', partnerId: '' })).toBe('/admin/members');
    expect(membersPath({ q: ' Ana ', role: 'advisor', partnerId: '' })).toBe(
      '/admin/members?q=Ana&role=advisor',
    );
    expect(membersApiPath({ q: 'María', role: '', partnerId: '' })).toBe(
      '/api/members?q=Mar%C3%ADa&limit=20',
    );
    expect(membersApiPath({ q: '', role: 'admin', partnerId: 'p'.repeat(24) }, 'abc_-1')).toBe(
      `/api/members?role=admin&partnerId=${'p'.repeat(24)}&cursor=abc_-1&limit=20`,
    );
    const none = { q: 'x', role: '', partnerId: '' } as const;
    expect(filtersKey({ ...none, q: ' x ' })).toBe(filtersKey(none));
    expect(filtersKey(none)).not.toBe(filtersKey({ ...none, role: 'admin' }));
    expect(filtersKey(none)).not.toBe(filtersKey({ ...none, partnerId: 'p'.repeat(24) }));
  });

  it('keeps participant and locked roles whatever is ticked, in the contract order', () => {
    expect(normaliseRoles(['admin', 'facilitator'])).toEqual([
      'participant',
      'facilitator',
      'admin',
    ]);
    const draft = draftOf({ roles: ['participant'], partnerId: null });
    expect(draft).toEqual({ roles: ['participant'], partnerId: '' });
    const facilitator = withRole(draft, 'facilitator', true);
    expect(facilitator.roles).toEqual(['participant', 'facilitator']);
    expect(withRole(facilitator, 'participant', false)).toBe(facilitator);
    expect(withRole(facilitator, 'facilitator', false).roles).toEqual(['participant']);
    const admin = { roles: ['participant', 'admin'] as const, partnerId: '' };
    const own = { ...admin, roles: [...admin.roles] };
    expect(withRole(own, 'admin', false, ['participant', 'admin'])).toBe(own);
  });

  it('locks the admin role only on the admin’s own card', () => {
    const me = { id: A, roles: ['participant', 'admin'] as const };
    expect(lockedRoles({ ...me, roles: [...me.roles] }, A)).toEqual(['participant', 'admin']);
    expect(lockedRoles({ ...me, roles: [...me.roles] }, B)).toEqual(['participant']);
    expect(lockedRoles({ id: A, roles: ['participant'] }, A)).toEqual(['participant']);
  });

  it('plans the calls a save needs: roles first, a move of partner in two steps', () => {
    const member = { roles: ['participant' as const], partnerId: null };
    expect(planSave(member, draftOf(member))).toEqual([]);
    // Order of ticking does not count as a change.
    expect(
      planSave(
        { roles: ['participant', 'advisor', 'facilitator'], partnerId: null },
        { roles: ['participant', 'facilitator', 'advisor'], partnerId: '' },
      ),
    ).toEqual([]);
    expect(planSave(member, { roles: ['participant', 'facilitator'], partnerId: A })).toEqual([
      { kind: 'roles', roles: ['participant', 'facilitator'] },
      { kind: 'link', partnerId: A },
    ]);
    const staff = { roles: ['participant' as const], partnerId: A };
    expect(planSave(staff, { roles: ['participant'], partnerId: B })).toEqual([
      { kind: 'unlink', partnerId: A },
      { kind: 'link', partnerId: B },
    ]);
    expect(planSave(staff, { roles: ['participant'], partnerId: '' })).toEqual([
      { kind: 'unlink', partnerId: A },
    ]);
  });

  it('knows the member after each step, so a save stopped half way shows what changed', () => {
    const member = { id: A, roles: ['participant' as const], partnerId: B };
    const steps = planSave(member, { roles: ['participant', 'trainer'], partnerId: A });
    let current = member as { id: string; roles: string[]; partnerId: string | null };
    const seen = steps.map((step) => {
      current = afterStep(current as never, step);
      return { roles: current.roles, partnerId: current.partnerId };
    });
    expect(seen).toEqual([
      { roles: ['participant', 'trainer'], partnerId: B },
      { roles: ['participant', 'trainer'], partnerId: null },
      { roles: ['participant', 'trainer'], partnerId: A },
    ]);
  });

  it('says what went wrong where the generic message would mislead', () => {
    expect(problemKey('roles', 'INVALID_TRANSITION')).toBe('admin.members.problems.ownAdmin');
    expect(problemKey('roles', 'NOT_FOUND')).toBe('admin.members.problems.memberGone');
    expect(problemKey('link', 'CONFLICT')).toBe('admin.members.problems.otherPartner');
    expect(problemKey('unlink', 'NOT_FOUND')).toBe('admin.members.problems.partnerGone');
    expect(problemKey('roles', 'FORBIDDEN')).toBe('errors.FORBIDDEN');
    expect(problemKey(null, 'UNAVAILABLE')).toBe('errors.UNAVAILABLE');
  });

  it('words an area and orders partners by name in the page language', () => {
    expect(placeLine(undefined, 'en')).toBe('');
    expect(placeLine({ city: 'Sevilla', country: 'ES' }, 'en')).toBe('Sevilla, Spain');
    expect(placeLine({ city: 'Sevilla', region: 'Andalucía', country: 'ES' }, 'es')).toBe(
      'Sevilla, Andalucía, España',
    );
    expect(placeLine({ region: 'Ohio' }, 'en')).toBe('Ohio');
    const names = byName([{ name: 'Zeta' }, { name: 'Ámbar' }, { name: 'beta' }], 'es');
    expect(names.map((p) => p.name)).toEqual(['Ámbar', 'beta', 'Zeta']);
  });
});

/** A client that records what would be sent and answers from a script. */
function scripted(answers: unknown[]) {
  const calls: Array<{ method: string; path: string; body?: unknown }> = [];
  const reply = async (method: string, path: string, body?: unknown) => {
    calls.push({ method, path, ...(body === undefined ? {} : { body }) });
    return answers.shift() as never;
  };
  const client = {
    request: (method: string, path: string, options?: { body?: unknown }) =>
      reply(method, path, options?.body),
    get: (path: string) => reply('GET', path),
    post: (path: string, body?: unknown) => reply('POST', path, body),
    patch: (path: string, body: unknown) => reply('PATCH', path, body),
    delete: (path: string) => reply('DELETE', path),
    resetCsrf: () => {},
  } as unknown as ApiClient;
  return { client, calls };
}

describe('the admin API calls', () => {
  it('asks for the routes of the contract', async () => {
    const member = {
      id: A,
      displayName: 'Robin',
      roles: ['participant'],
      languages: [],
      partnerId: null,
    };
    const { client, calls } = scripted([
      { items: [], nextCursor: null, total: 0 },
      { member },
      { member },
      { partner: {} },
      { partner: {} },
    ]);
    const api = adminApi(client);
    await api.members({ q: 'rob', role: 'facilitator', partnerId: '' }, 'next');
    expect(await api.member(A)).toEqual(member);
    expect(await api.setRoles(A, ['participant', 'facilitator'])).toEqual(member);
    await api.linkStaff(B, A);
    await api.unlinkStaff(B, A);
    expect(calls).toEqual([
      { method: 'GET', path: '/api/members?q=rob&role=facilitator&cursor=next&limit=20' },
      { method: 'GET', path: `/api/members/${A}` },
      {
        method: 'PUT',
        path: `/api/members/${A}/roles`,
        body: { roles: ['participant', 'facilitator'] },
      },
      { method: 'POST', path: `/api/partners/${B}/staff`, body: { userId: A } },
      { method: 'DELETE', path: `/api/partners/${B}/staff/${A}` },
    ]);
  });

  it('walks every page of partners', async () => {
    const partner = (name: string) => ({ id: A, name });
    const { client, calls } = scripted([
      { items: [partner('One'), partner('Two')], nextCursor: 'c1' },
      { items: [partner('Three')], nextCursor: null },
    ]);
    const partners = await adminApi(client).partners();
    expect(partners.map((p) => p.name)).toEqual(['One', 'Two', 'Three']);
    expect(calls.map((c) => c.path)).toEqual([
      '/api/partners?limit=100',
      '/api/partners?cursor=c1&limit=100',
    ]);
  });
});
