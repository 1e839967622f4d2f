import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/api-client.ts';
import { communityHaven, type Member } from './helpers.ts';

const t = communityHaven();
let seq = 0;

const groupBody = (extra: Record<string, unknown> = {}) => ({
  name: `Manchester Thursday walkers ${seq++}`,
  description: 'We meet after the Thursday meeting for a walk and a brew.',
  language: 'en',
  kind: 'area',
  area: { country: 'GB', region: 'England', city: 'Manchester' },
  timeZone: 'Europe/London',
  ...extra,
});

async function createGroup(owner: Member, extra: Record<string, unknown> = {}) {
  const response = await owner.client.post('/api/groups', groupBody(extra));
  expect(response.status).toBe(201);
  return response.body.group as { id: string; name: string };
}

describe('creating groups', () => {
  it('needs a session', async () => {
    const anonymous = new ApiClient(t.haven.url);
    expect((await anonymous.get('/api/groups')).status).toBe(401);
    await anonymous.fetchCsrf();
    const response = await anonymous.post('/api/groups', groupBody());
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses participants, and stores nothing', async () => {
    const participant = await t.member();
    const body = groupBody();
    const response = await participant.client.post('/api/groups', body);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
    expect(await t.collection('community_groups').countDocuments({ name: body.name })).toBe(0);
  });

  it.each([['facilitator'], ['moderator'], ['admin']])(
    'lets a %s create one, as its first member and moderator',
    async (role) => {
      // Each a name of their own: nobody may take a staff member's (staff-names.ts).
      const name = `Maria ${role}`;
      const creator = await t.member([role], { displayName: name });
      const response = await creator.client.post('/api/groups', groupBody());
      expect(response.status).toBe(201);
      expect(response.body.group).toMatchObject({
        kind: 'area',
        area: { country: 'GB', region: 'England', city: 'Manchester' },
        createdBy: { id: creator.id, displayName: name },
        memberCount: 1,
        moderators: [{ id: creator.id, displayName: name }],
        amMember: true,
        amModerator: true,
        canModerate: true,
      });
    },
  );

  it('gives field errors for bad input and stores nothing', async () => {
    const facilitator = await t.member(['facilitator']);
    const before = await t.collection('community_groups').countDocuments();
    const cases: Array<[Record<string, unknown>, string]> = [
      [groupBody({ area: undefined }), 'area'],
      [groupBody({ kind: 'topic', area: undefined }), 'topic'],
      [groupBody({ language: 'English' }), 'language'],
      [groupBody({ area: { country: 'gb' } }), 'area.country'],
      [groupBody({ name: 'x' }), 'name'],
      [groupBody({ timeZone: 'Mars/Olympus' }), 'timeZone'],
      [groupBody({ moderatorIds: ['a'] }), '_'],
      [groupBody({ description: 'bell\u0007' }), 'description'],
    ];
    for (const [body, field] of cases) {
      const response = await facilitator.client.post('/api/groups', body);
      expect(response.status, field).toBe(400);
      expect(response.body.error.code).toBe('INVALID_INPUT');
      expect(Object.keys(response.body.error.fields), field).toContain(field);
    }
    expect(await t.collection('community_groups').countDocuments()).toBe(before);
  });
});

describe('listing groups', () => {
  it('filters by country, city (accents and case aside), language, kind and mine', async () => {
    const luis = await t.member(['moderator']);
    const tag = `filter-${seq++}`;
    const cdmx = await createGroup(luis, {
      name: `Ciudad de México ${tag}`,
      language: 'es',
      area: { country: 'MX', city: 'Ciudad de México' },
    });
    const family = await createGroup(luis, {
      name: `Familia y amigos ${tag}`,
      language: 'es',
      kind: 'topic',
      topic: 'Familia y amigos',
      area: { country: 'ES', city: 'Madrid' },
    });
    const ids = async (query: string, client = luis.client) => {
      const response = await client.get(`/api/groups?${query}&limit=100`);
      expect(response.status).toBe(200);
      return (response.body.items as Array<{ id: string }>).map((g) => g.id);
    };
    expect(await ids('country=MX')).toContain(cdmx.id);
    expect(await ids('country=MX')).not.toContain(family.id);
    expect(await ids('city=ciudad%20de%20mexico')).toEqual([cdmx.id]);
    expect(await ids('kind=topic&language=es')).toContain(family.id);
    expect(await ids('kind=topic&language=es')).not.toContain(cdmx.id);
    const newcomer = await t.member();
    expect(await ids('mine=true', newcomer.client)).toEqual([]);
    await newcomer.client.post(`/api/groups/${family.id}/join`);
    expect(await ids('mine=true', newcomer.client)).toEqual([family.id]);
  });

  it('pages through every group once, alphabetically, with an opaque cursor', async () => {
    const facilitator = await t.member(['facilitator']);
    const tag = `page${seq++}`;
    for (const name of ['Cleveland', 'sydney', 'Ávila', 'Bristol']) {
      await createGroup(facilitator, { name: `${name} ${tag}`, area: { country: 'AU' } });
    }
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `mine=true&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await facilitator.client.get(`/api/groups?${query}`);
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(3);
      names.push(...response.body.items.map((g: { name: string }) => g.name.split(' ')[0]));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(names).toEqual(['Ávila', 'Bristol', 'Cleveland', 'sydney']);
  });

  it('refuses operator-shaped filters, repeated keys and forged cursors', async () => {
    const member = await t.member();
    for (const query of [
      'country[$ne]=GB',
      'city[$regex]=.*',
      '$where=1',
      'kind=area&kind=topic',
      'mine=1',
      'cursor=not-ours',
      `cursor=${Buffer.from('[{"$gt":""},"x"]').toString('base64url')}`,
      'limit=1000',
    ]) {
      const response = await member.client.get(`/api/groups?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe('INVALID_INPUT');
    }
    // A city is matched as text, never as a pattern.
    const pattern = await member.client.get('/api/groups?city=.*');
    expect(pattern.status).toBe(200);
    expect(pattern.body.items).toEqual([]);
  });
});

describe('joining, leaving and the member list', () => {
  it('lists only members who opted in, counts the others, and shows no emails', async () => {
    const facilitator = await t.member(['facilitator'], { displayName: 'Maria' });
    const group = await createGroup(facilitator);
    const listed = await t.member(['participant'], { displayName: 'Alex', listed: true });
    const hidden = await t.member(['participant'], { displayName: 'Quiet' });
    for (const member of [listed, hidden]) {
      const joined = await member.client.post(`/api/groups/${group.id}/join`);
      expect(joined.status).toBe(200);
      expect(joined.body.group.amMember).toBe(true);
    }
    for (const viewer of [listed, hidden, facilitator]) {
      const response = await viewer.client.get(`/api/groups/${group.id}`);
      expect(response.status).toBe(200);
      expect(response.body.group.memberCount).toBe(3);
      const names = response.body.members.listed.map(
        (m: { user: { displayName: string } }) => m.user.displayName,
      );
      // The moderator shows by role (visible in `moderators` anyway); Quiet never does.
      expect(names.sort()).toEqual(['Alex', 'Maria']);
      expect(response.body.members.hiddenCount).toBe(1);
      expect(response.text).not.toContain(hidden.id);
      expect(response.text).not.toContain('Quiet');
      expect(response.text).not.toMatch(/@example\.org/);
      expect(Object.keys(response.body.members.listed[0].user).sort()).toEqual([
        'displayName',
        'id',
      ]);
    }
  });

  it('shows outsiders the counts and moderators but not the members', async () => {
    const facilitator = await t.member(['facilitator']);
    const group = await createGroup(facilitator);
    const listed = await t.member(['participant'], { displayName: 'Alex', listed: true });
    await listed.client.post(`/api/groups/${group.id}/join`);
    const outsider = await t.member();
    const response = await outsider.client.get(`/api/groups/${group.id}`);
    expect(response.status).toBe(200);
    expect(response.body.members).toBeNull();
    expect(response.body.group).toMatchObject({
      memberCount: 2,
      amMember: false,
      canModerate: false,
    });
    expect(response.text).not.toContain(listed.id);
    const staff = await t.member(['moderator']);
    const asStaff = await staff.client.get(`/api/groups/${group.id}`);
    expect(asStaff.body.members.listed.map((m: { user: { id: string } }) => m.user.id)).toContain(
      listed.id,
    );
  });

  it('counts one membership however often (or concurrently) a member joins', async () => {
    const facilitator = await t.member(['facilitator']);
    const group = await createGroup(facilitator);
    const member = await t.member();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => member.client.post(`/api/groups/${group.id}/join`)),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const detail = await member.client.get(`/api/groups/${group.id}`);
    expect(detail.body.group.memberCount).toBe(2);
    const left = await member.client.post(`/api/groups/${group.id}/leave`);
    expect(left.status).toBe(200);
    expect(left.body.group).toMatchObject({ amMember: false, memberCount: 1 });
  });

  it('answers 404 for a group that does not exist, and for a malformed id alike', async () => {
    const member = await t.member();
    const missing = await member.client.post('/api/groups/0123456789abcdef01234567/join');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    expect((await member.client.get('/api/groups/not-an-id')).status).toBe(404);
  });
});

describe('group moderators', () => {
  it('lets only group moderators (and site staff) appoint and remove them', async () => {
    const facilitator = await t.member(['facilitator']);
    const group = await createGroup(facilitator);
    const alex = await t.member(['participant'], { listed: true });
    const other = await t.member(['participant'], { listed: true });
    await alex.client.post(`/api/groups/${group.id}/join`);
    await other.client.post(`/api/groups/${group.id}/join`);

    const denied = await other.client.post(`/api/groups/${group.id}/moderators`, {
      userId: alex.id,
    });
    expect(denied.status).toBe(403);
    const deniedRemove = await other.client.delete(
      `/api/groups/${group.id}/moderators/${facilitator.id}`,
    );
    expect(deniedRemove.status).toBe(403);

    const added = await facilitator.client.post(`/api/groups/${group.id}/moderators`, {
      userId: alex.id,
    });
    expect(added.status).toBe(200);
    expect(added.body.group.moderators.map((m: { id: string }) => m.id).sort()).toEqual(
      [alex.id, facilitator.id].sort(),
    );
    // A site moderator who is not in the group can still step in.
    const staff = await t.member(['moderator']);
    const byStaff = await staff.client.post(`/api/groups/${group.id}/moderators`, {
      userId: other.id,
    });
    expect(byStaff.status).toBe(200);
    const removed = await alex.client.delete(`/api/groups/${group.id}/moderators/${other.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.group.moderators.map((m: { id: string }) => m.id)).not.toContain(other.id);
  });

  it('appoints only members who chose to be listed, since moderators are shown to all', async () => {
    const facilitator = await t.member(['facilitator']);
    const group = await createGroup(facilitator);
    const hidden = await t.member();
    await hidden.client.post(`/api/groups/${group.id}/join`);
    const refused = await facilitator.client.post(`/api/groups/${group.id}/moderators`, {
      userId: hidden.id,
    });
    expect(refused.status).toBe(404);
    const outsider = await t.member(['participant'], { listed: true });
    const notMember = await facilitator.client.post(`/api/groups/${group.id}/moderators`, {
      userId: outsider.id,
    });
    // The same answer for a hidden member and a non-member: the difference would reveal
    // that someone who chose to stay hidden belongs to the group.
    expect(notMember.status).toBe(404);
    expect(notMember.body).toEqual(refused.body);
    const bad = await facilitator.client.post(`/api/groups/${group.id}/moderators`, {
      userId: { $gt: '' },
    });
    expect(bad.status).toBe(400);
    const stored = await t.haven.mongo.connection.db
      ?.collection('community_groups')
      .findOne({ name: group.name });
    expect(stored?.moderatorIds.map(String)).toEqual([facilitator.id]);
  });

  it('stops naming a creator who stepped down as moderator to anyone but themselves', async () => {
    const facilitator = await t.member(['facilitator'], { displayName: 'Stepped Down' });
    const group = await createGroup(facilitator);
    const alex = await t.member(['participant'], { listed: true });
    await alex.client.post(`/api/groups/${group.id}/join`);
    await facilitator.client.post(`/api/groups/${group.id}/moderators`, { userId: alex.id });
    const left = await facilitator.client.delete(
      `/api/groups/${group.id}/moderators/${facilitator.id}`,
    );
    expect(left.status).toBe(200);
    const outsider = await t.member();
    for (const viewer of [outsider, alex]) {
      const seen = await viewer.client.get(`/api/groups/${group.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.group.createdBy).toBeNull();
      expect(seen.text).not.toContain(facilitator.id);
      expect(seen.text).not.toContain('Stepped Down');
      const listed = await viewer.client.get(`/api/groups?limit=100&mine=false`);
      expect(listed.text).not.toContain(facilitator.id);
    }
    // The creator still sees themselves as its creator.
    const own = await facilitator.client.get(`/api/groups/${group.id}`);
    expect(own.body.group.createdBy).toEqual({ id: facilitator.id, displayName: 'Stepped Down' });
  });

  it('keeps the last moderator until someone else is appointed', async () => {
    const facilitator = await t.member(['facilitator']);
    const group = await createGroup(facilitator);
    const alex = await t.member(['participant'], { listed: true });
    await alex.client.post(`/api/groups/${group.id}/join`);

    const leave = await facilitator.client.post(`/api/groups/${group.id}/leave`);
    expect(leave.status).toBe(409);
    expect(leave.body.error.code).toBe('INVALID_TRANSITION');
    const removeSelf = await facilitator.client.delete(
      `/api/groups/${group.id}/moderators/${facilitator.id}`,
    );
    expect(removeSelf.status).toBe(409);

    await facilitator.client.post(`/api/groups/${group.id}/moderators`, { userId: alex.id });
    const left = await facilitator.client.post(`/api/groups/${group.id}/leave`);
    expect(left.status).toBe(200);
    expect(left.body.group).toMatchObject({ amMember: false, amModerator: false, memberCount: 1 });
    expect(left.body.group.moderators.map((m: { id: string }) => m.id)).toEqual([alex.id]);
  });

  it('lets two moderators racing to leave leave exactly one behind', async () => {
    const facilitator = await t.member(['facilitator']);
    const group = await createGroup(facilitator);
    const alex = await t.member(['participant'], { listed: true });
    const third = await t.member();
    await alex.client.post(`/api/groups/${group.id}/join`);
    await third.client.post(`/api/groups/${group.id}/join`);
    await facilitator.client.post(`/api/groups/${group.id}/moderators`, { userId: alex.id });
    const results = await Promise.all([
      facilitator.client.post(`/api/groups/${group.id}/leave`),
      alex.client.post(`/api/groups/${group.id}/leave`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const detail = await third.client.get(`/api/groups/${group.id}`);
    expect(detail.body.group.moderators).toHaveLength(1);
  });

  it('lets the last moderator leave a group nobody else is in', async () => {
    const facilitator = await t.member(['facilitator']);
    const group = await createGroup(facilitator);
    const left = await facilitator.client.post(`/api/groups/${group.id}/leave`);
    expect(left.status).toBe(200);
    expect(left.body.group).toMatchObject({ memberCount: 0, moderators: [] });
  });
});

describe('privacy across every response', () => {
  it('never sent an email to anyone in this file', () => {
    t.expectNoEmailsSeen();
  });
});
