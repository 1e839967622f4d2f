import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import { closeChatSockets, openChatSocket } from '../chat/helpers.ts';

let haven: TestHaven;
const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:126.0) Gecko/126.0 Firefox/126.0';
const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36';

beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  closeChatSockets();
  await haven.close();
});

async function signInFrom(email: string, userAgent: string): Promise<ApiClient> {
  const client = await ApiClient.signedOut(haven.url);
  const response = await client.post(
    '/api/auth/login',
    { email, password: 'correct horse battery' },
    { 'user-agent': userAgent },
  );
  expect(response.status).toBe(200);
  return client;
}

describe('your sessions', () => {
  it("lists the member's sessions by browser and system, this one marked, nothing more", async () => {
    const member = await signUpAs(haven);
    const phone = await signInFrom(member.email, FIREFOX_ANDROID);
    const desk = await signInFrom(member.email, CHROME_WINDOWS);
    await signUpAs(haven); // someone else's sessions are not listed

    const { status, body } = await phone.get('/api/me/sessions');
    expect(status).toBe(200);
    expect(body.sessions).toHaveLength(3);
    const [first, ...rest] = body.sessions;
    expect(first).toMatchObject({ browser: 'Firefox', os: 'Android', current: true });
    expect(
      rest.some(
        (s: { browser: string; os: string }) => s.browser === 'Chrome' && s.os === 'Windows',
      ),
    ).toBe(true);
    expect(rest.every((s: { current: boolean }) => !s.current)).toBe(true);
    for (const session of body.sessions) {
      expect(Object.keys(session).sort()).toEqual(
        ['browser', 'current', 'id', 'lastUsedAt', 'os', 'signedInAt'].sort(),
      );
      expect(Date.parse(session.signedInAt)).toBeGreaterThan(Date.now() - 60_000);
    }
    // Nothing of the user agent beyond the two names, and no cookie digest, is stored.
    const stored = await haven.haven.services.accountModels.Session.find({
      userId: member.id,
    }).lean();
    expect(JSON.stringify(stored)).not.toContain('Gecko');
    expect(JSON.stringify(stored)).not.toContain('127.0.0.1');
    const ids = stored.map((s) => s._id);
    for (const session of body.sessions) expect(ids).not.toContain(session.id);
    expect((await desk.get('/api/me/sessions')).body.sessions[0]).toMatchObject({
      browser: 'Chrome',
      current: true,
    });
  });

  it('names a session once, even when its user agent names no browser', async () => {
    // A script or an app whose agent names nothing used to be parsed and written again on
    // every request it made: a journaled write per read.
    const member = await signUpAs(haven);
    const script = await signInFrom(member.email, 'HavenProbe/1.0');
    const firefox = { 'user-agent': FIREFOX_ANDROID };
    expect((await script.request('GET', '/api/me', undefined, firefox)).status).toBe(200);

    const { body } = await script.get('/api/me/sessions');
    const current = body.sessions.find((s: { current: boolean }) => s.current);
    expect(current).toMatchObject({ browser: '', os: '' });
  });

  it("signs out one session, closing its sockets, and refuses another member's", async () => {
    const member = await signUpAs(haven);
    const phone = await signInFrom(member.email, FIREFOX_ANDROID);
    const socket = await openChatSocket(haven, phone);
    const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    const listed = (await member.client.get('/api/me/sessions')).body.sessions;
    const phoneSession = listed.find((s: { browser: string }) => s.browser === 'Firefox');

    const stranger = await signUpAs(haven);
    const refused = await stranger.client.delete(`/api/me/sessions/${phoneSession.id}`);
    expect(refused.status).toBe(404);
    expect((await phone.get('/api/me')).status).toBe(200);
    expect((await stranger.client.delete('/api/me/sessions/not-an-id')).status).toBe(400);

    const ended = await member.client.delete(`/api/me/sessions/${phoneSession.id}`);
    expect(ended.status).toBe(200);
    await closed;
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await member.client.get('/api/me')).status).toBe(200);
    expect((await member.client.get('/api/me/sessions')).body.sessions).toHaveLength(1);
  });

  it('signs out every other session and keeps this one', async () => {
    const member = await signUpAs(haven);
    const phone = await signInFrom(member.email, FIREFOX_ANDROID);
    const desk = await signInFrom(member.email, CHROME_WINDOWS);
    const socket = await openChatSocket(haven, phone);
    const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));

    const response = await desk.post('/api/me/sessions/sign-out-others');
    expect(response.status).toBe(200);
    expect(response.body.signedOut).toBe(2);
    await closed;
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await member.client.get('/api/me')).status).toBe(401);
    const left = (await desk.get('/api/me/sessions')).body.sessions;
    expect(left).toHaveLength(1);
    expect(left[0].current).toBe(true);
  });

  it('needs a session', async () => {
    expect((await new ApiClient(haven.url).get('/api/me/sessions')).status).toBe(401);
  });
});
