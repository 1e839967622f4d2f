import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

// Names and titles people read as someone's words: one form (NFC), no invisible or
// direction-changing characters, and no copy of a staff member's name (issue 18, finding 3).

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven?.close();
});

const rename = (member: Awaited<ReturnType<typeof signUpAs>>, displayName: string) =>
  member.client.patch('/api/me', { displayName });

describe('display names', () => {
  it('refuses control, format and bidi characters, and stores nothing', async () => {
    const member = await signUpAs(haven, ['participant'], { displayName: 'Robin' });
    for (const name of [
      'Robin\u202Eekim', // right-to-left override: "Robinmike" shown reversed
      'Ro\u200Bbin', // zero-width space
      'Robin\u0085', // a C1 control
      '\u2066Robin\u2069', // isolates
      'Rob\u00ADin', // soft hyphen
    ]) {
      const refused = await rename(member, name);
      expect(refused.status, JSON.stringify(name)).toBe(400);
      expect(Object.keys(refused.body.error.fields)).toContain('displayName');
    }
    expect((await member.client.get('/api/me')).body.user.displayName).toBe('Robin');
  });

  it('stores one form of the same letters (NFC)', async () => {
    const member = await signUpAs(haven, ['participant'], { displayName: 'Jo' });
    const saved = await rename(member, 'Jose\u0301');
    expect(saved.status).toBe(200);
    expect(saved.body.user.displayName).toBe('Jos\u00E9');
  });

  it('refuses a copy of a staff member’s name, look-alike letters included', async () => {
    await signUpAs(haven, ['moderator'], { displayName: 'Marisol Vega' });
    const member = await signUpAs(haven, ['participant'], { displayName: 'Sam' });
    for (const copy of [
      'Marisol Vega',
      'marisol  vega',
      'M\u0430risol V\u0435ga',
      'Marísol Vega',
    ]) {
      const refused = await rename(member, copy);
      expect(refused.status, copy).toBe(409);
      expect(refused.body.error.code).toBe('CONFLICT');
      expect(Object.keys(refused.body.error.fields ?? {})).toContain('displayName');
    }
    expect((await rename(member, 'Marisol')).status).toBe(200);
    expect((await member.client.get('/api/me')).body.user.displayName).toBe('Marisol');
  });
});

describe('titles', () => {
  it('refuses direction-changing characters in a group’s name and a post’s title', async () => {
    const facilitator = await signUpAs(haven, ['facilitator']);
    const group = await facilitator.client.post('/api/groups', {
      name: 'Harbour \u202Epuorg',
      description: 'A local group.',
      language: 'en',
      kind: 'area',
      area: { country: 'AU', city: 'Sydney' },
    });
    expect(group.status).toBe(400);
    expect(Object.keys(group.body.error.fields)).toContain('name');
    const post = await facilitator.client.post('/api/posts', {
      kind: 'idea',
      point: 1,
      title: 'My \u200Bstory',
      body: 'A story of recovery, told plainly.',
    });
    expect(post.status).toBe(400);
    expect(Object.keys(post.body.error.fields)).toContain('title');
  });
});

describe('staff badges', () => {
  it('marks site staff beside their name in what others read, and nobody else', async () => {
    const moderator = await signUpAs(haven, ['moderator'], { displayName: 'Noor Haddad' });
    const member = await signUpAs(haven, ['participant'], { displayName: 'Ezra' });
    const story = {
      kind: 'idea',
      point: 1,
      title: 'A plain title',
      body: 'A story of recovery, told plainly.',
    };
    const byStaff = await moderator.client.post('/api/posts', story);
    const byMember = await member.client.post('/api/posts', story);
    expect(byStaff.status).toBe(201);
    const seen = await member.client.get(`/api/posts/${byStaff.body.post.id}`);
    expect(seen.body.post.author).toEqual({
      id: moderator.id,
      displayName: 'Noor Haddad',
      staff: 'moderator',
    });
    const plain = await moderator.client.get(`/api/posts/${byMember.body.post.id}`);
    expect(plain.body.post.author).toEqual({ id: member.id, displayName: 'Ezra' });
  });
});
