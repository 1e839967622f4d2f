import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionService } from '../../../server/accounts/sessions.ts';
import { UserDirectory } from '../../../server/accounts/user-directory.ts';
import { createChangeMarks, markOf } from '../../../server/infra/change-marks.ts';
import { ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

/**
 * Each node keeps the sessions it resolved (server/accounts/session-copies.ts) and the
 * members' public views it read (user-directory.ts), so a signed-in request reads one mark
 * in Redis instead of the session and the member in the database, and a list its
 * facilitators' names. Every change a copy depends on, made through node A, holds for the
 * very next request through node B: each test first asks B (B now keeps a copy), changes
 * through A, then asks B again at once.
 */

const nodes = {} as { a: TestHaven; b: TestHaven };
beforeAll(async () => {
  nodes.a = await startTestHaven();
  nodes.b = await startTestHaven({ shareWith: nodes.a });
});
afterAll(async () => {
  await nodes.b?.close();
  await nodes.a?.close();
});

/** Another browser of the same member, signed in through node A. */
async function signIn(email: string): Promise<ApiClient> {
  const client = await ApiClient.signedOut(nodes.a.url);
  const response = await client.post('/api/auth/login', {
    email,
    password: 'correct horse battery',
  });
  expect(response.status).toBe(200);
  return client;
}

describe('a session kept by one node, after a change on another', () => {
  it('a role granted or taken away holds at once', async () => {
    const admin = await signUpAs(nodes.a, ['admin']);
    const member = await signUpAs(nodes.a);
    const onB = member.client.at(nodes.b.url);
    expect((await onB.get('/api/reports/items')).status).toBe(403);
    const grant = (roles: string[]) =>
      admin.client.request('PUT', `/api/members/${member.id}/roles`, { roles });
    expect((await grant(['participant', 'moderator'])).status).toBe(200);
    expect((await onB.get('/api/reports/items')).status).toBe(200);
    expect((await grant(['participant'])).status).toBe(200);
    expect((await onB.get('/api/reports/items')).status).toBe(403);
  });

  it('signing out, signing out the others, ending a session by name and deleting the account end it at once', async () => {
    const member = await signUpAs(nodes.a);
    const onB = member.client.at(nodes.b.url);
    expect((await onB.get('/api/me')).status).toBe(200);
    expect((await member.client.post('/api/auth/logout')).status).toBe(200);
    expect((await onB.get('/api/me')).status).toBe(401);

    // A second browser (kept by B) is signed out from the first.
    const other = await signUpAs(nodes.a);
    const second = await signIn(other.email);
    const secondOnB = second.at(nodes.b.url);
    expect((await secondOnB.get('/api/me')).status).toBe(200);
    const others = await other.client.post('/api/me/sessions/sign-out-others');
    expect(others.body.signedOut).toBe(1);
    expect((await secondOnB.get('/api/me')).status).toBe(401);

    const third = await signIn(other.email);
    const thirdOnB = third.at(nodes.b.url);
    expect((await thirdOnB.get('/api/me')).status).toBe(200);
    const listed = await other.client.get('/api/me/sessions');
    const named = listed.body.sessions.find((s: { current: boolean }) => !s.current);
    expect((await other.client.delete(`/api/me/sessions/${named.id}`)).status).toBe(200);
    expect((await thirdOnB.get('/api/me')).status).toBe(401);

    const otherOnB = other.client.at(nodes.b.url);
    expect((await otherOnB.get('/api/me')).status).toBe(200);
    expect((await other.client.delete('/api/me')).status).toBe(204);
    expect((await otherOnB.get('/api/me')).status).toBe(401);
  });

  it('a time zone and a partner link changed hold at once', async () => {
    const member = await signUpAs(nodes.a);
    const token = member.client.cookie('haven_session');
    const onB = () => nodes.b.haven.services.sessions.resolve(token);
    expect((await onB())?.user.timeZone).not.toBe('America/Lima');
    expect((await onB())?.user.partnerId).toBeNull();
    const zone = await member.client.patch('/api/me', { timeZone: 'America/Lima' });
    expect(zone.status).toBe(200);
    expect((await onB())?.user.timeZone).toBe('America/Lima');
    const partnerId = '0123456789abcdef01234567';
    expect(await nodes.a.haven.services.users.setPartner(member.id, partnerId)).toBe(true);
    expect((await onB())?.user.partnerId).toBe(partnerId);
  });
});

describe("a member's public view kept by one node, after a change on another", () => {
  const viewOnB = async (id: string) =>
    (await nodes.b.haven.services.users.publicUsers([id])).get(id);

  it('a new name, area, languages and roles show at once; a deleted member is gone at once', async () => {
    const member = await signUpAs(nodes.a, [], { displayName: 'Noor' });
    expect(await viewOnB(member.id)).toMatchObject({ displayName: 'Noor', languages: [] });
    const changed = await member.client.patch('/api/me', {
      displayName: 'Noor B',
      languages: ['es'],
      area: { country: 'PE', city: 'Lima' },
      privacy: { showArea: true },
    });
    expect(changed.status).toBe(200);
    expect(await viewOnB(member.id)).toMatchObject({
      displayName: 'Noor B',
      languages: ['es'],
      area: { country: 'PE', city: 'Lima' },
    });
    const admin = await signUpAs(nodes.a, ['admin']);
    const roles = ['participant', 'moderator'];
    await admin.client.request('PUT', `/api/members/${member.id}/roles`, { roles });
    expect((await viewOnB(member.id))?.roles).toEqual(roles);
    expect((await member.client.delete('/api/me')).status).toBe(204);
    expect(await viewOnB(member.id)).toBeUndefined();
  });
});

describe('what a node trusts of a kept copy', () => {
  /** A change written straight to the database, as no Haven node would: no mark moves. */
  const behindHavensBack = (id: string, roles: string[]) =>
    nodes.a.haven.services.accountModels.User.updateOne({ _id: id }, { $set: { roles } });

  it('a kept copy answers until its mark moves, and lives a minute at most', async () => {
    const member = await signUpAs(nodes.a, [], { displayName: 'Kit' });
    let now = Date.now();
    const sessions = new SessionService(nodes.a.haven.services.accountModels, {
      now: () => now,
      marks: createChangeMarks(undefined, `copies-${process.pid}`),
    });
    const { token } = await sessions.create(member.id);
    expect((await sessions.resolve(token))?.user.roles).toEqual(['participant']);
    await behindHavensBack(member.id, ['participant', 'moderator']);
    // The copy answers: nothing that Haven changes moved its mark.
    now += 1_000;
    expect((await sessions.resolve(token))?.user.roles).toEqual(['participant']);
    now += 60_000;
    expect((await sessions.resolve(token))?.user.roles).toEqual(['participant', 'moderator']);
  });

  it("a kept public view answers until its member's mark moves", async () => {
    const member = await signUpAs(nodes.a, [], { displayName: 'Pax' });
    const marks = createChangeMarks(undefined, `copies-${process.pid}`);
    const users = new UserDirectory(nodes.a.haven.services.accountModels, marks);
    expect((await users.publicUsers([member.id])).get(member.id)?.roles).toEqual(['participant']);
    await behindHavensBack(member.id, ['participant', 'moderator']);
    expect((await users.publicUsers([member.id])).get(member.id)?.roles).toEqual(['participant']);
    await marks.move(markOf.user(member.id));
    expect((await users.publicUsers([member.id])).get(member.id)?.roles).toEqual([
      'participant',
      'moderator',
    ]);
  });

  it('nothing kept is trusted while Redis cannot say what changed', async () => {
    const member = await signUpAs(nodes.a, [], { displayName: 'Lou' });
    // A Redis that is not there: every read of a mark fails at once.
    const away = new Redis({ port: 1, lazyConnect: true, enableOfflineQueue: false });
    away.on('error', () => {}); // refused connections are the point
    const sessions = new SessionService(nodes.a.haven.services.accountModels, {
      marks: createChangeMarks(away, `copies-${process.pid}`),
    });
    try {
      const { token } = await sessions.create(member.id);
      expect((await sessions.resolve(token))?.user.roles).toEqual(['participant']);
      await behindHavensBack(member.id, ['participant', 'moderator']);
      expect((await sessions.resolve(token))?.user.roles).toEqual(['participant', 'moderator']);
    } finally {
      away.disconnect();
    }
  });
});
