import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

let haven: TestHaven;
let seq = 0;
const uniqueEmail = () => `member${process.pid}-${Date.now()}-${seq++}@example.org`;

beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

const users = () => haven.haven.services.accountModels.User;
const pending = () => haven.haven.services.accountModels.PendingRegistration;

describe('CSRF', () => {
  it('refuses a state-changing request without the token, register included', async () => {
    const client = new ApiClient(haven.url);
    const email = uniqueEmail();
    const response = await client.post('/api/auth/register', {
      email,
      password: 'long enough pass',
      displayName: 'Ana',
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('CSRF');
    expect(await users().countDocuments({ email })).toBe(0);
    expect(await pending().countDocuments({ email })).toBe(0);
  });

  it('refuses a token that does not match the cookie', async () => {
    const client = await ApiClient.signedOut(haven.url);
    const response = await client.post(
      '/api/auth/login',
      { email: 'a@b.org', password: 'x' },
      { 'x-csrf-token': 'A'.repeat(43) },
    );
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('CSRF');
  });

  it('binds the token to the session and gives a new one at sign-in', async () => {
    const client = new ApiClient(haven.url);
    const before = await client.fetchCsrf();
    const email = uniqueEmail();
    const signedUp = await client.signUp(haven.mail, email, {
      password: 'long enough pass',
      displayName: 'Ana',
    });
    expect(signedUp.status).toBe(200);
    // Confirming the sign-up signed in and rotated the token: the one from before no longer passes with the new session.
    const rotated = client.cookie('haven_csrf');
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(before);
    const stale = await client.patch('/api/me', { displayName: 'Ana B' });
    expect(stale.status).toBe(200);
    const cookies = `haven_session=${client.cookie('haven_session')}; haven_csrf=${before}`;
    const withOld = await fetch(`${haven.url}/api/me`, {
      method: 'PATCH',
      headers: { cookie: cookies, 'x-csrf-token': before, 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'Mallory' }),
    });
    expect(withOld.status).toBe(403);
    // Another member's token (cookie and header matching, as a planted cookie would) fails too.
    const other = await ApiClient.signedOut(haven.url);
    await other.signUp(haven.mail, uniqueEmail(), { displayName: 'Ben' });
    const theirs = other.cookie('haven_csrf') ?? '';
    const planted = await fetch(`${haven.url}/api/me`, {
      method: 'PATCH',
      headers: {
        cookie: `haven_session=${client.cookie('haven_session')}; haven_csrf=${theirs}`,
        'x-csrf-token': theirs,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ displayName: 'Mallory' }),
    });
    expect(planted.status).toBe(403);
    expect((await client.get('/api/me')).body.user.displayName).toBe('Ana B');
  });
});

describe('register, log in, log out', () => {
  it('signs in at the emailed link with a session cookie that is httpOnly and SameSite=Lax, never exposing the hash', async () => {
    const client = new ApiClient(haven.url);
    const email = uniqueEmail();
    const response = await client.signUp(haven.mail, email, { displayName: 'Ana' });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ email, displayName: 'Ana', roles: ['participant'] });
    expect(JSON.stringify(response.body)).not.toMatch(/passwordHash|argon2/);
    const cookie = response.headers
      .getSetCookie()
      .find((line) => line.startsWith('haven_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const stored = await users().findOne({ email }).lean();
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await client.get('/api/me')).body.user.email).toBe(email);
  });

  it('marks the session and CSRF cookies Secure in production', async () => {
    const production = await startTestHaven({ nodeEnv: 'production' });
    try {
      const client = new ApiClient(production.url);
      const response = await client.signUp(production.mail, uniqueEmail(), { displayName: 'Ana' });
      expect(response.status).toBe(200);
      const session = response.headers
        .getSetCookie()
        .find((line) => line.startsWith('haven_session='));
      expect(session).toMatch(/;\s*Secure/i);
      expect(session).toMatch(/HttpOnly/i);
    } finally {
      await production.close();
    }
  });

  it('logs in, and answers unknown email and wrong password the same way', async () => {
    const email = uniqueEmail();
    await new ApiClient(haven.url).signUp(haven.mail, email);
    const client = new ApiClient(haven.url);
    const ok = await client.login(email);
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe(email);

    const wrongPassword = await new ApiClient(haven.url).login(email, 'wrong password!!');
    const unknown = await new ApiClient(haven.url).login(uniqueEmail(), 'wrong password!!');
    expect(wrongPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknown.body);
  });

  it('logs out: the session stops working server-side even if the cookie is replayed', async () => {
    const email = uniqueEmail();
    const client = new ApiClient(haven.url);
    await client.signUp(haven.mail, email);
    const token = client.cookie('haven_session');
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    const replay = await fetch(`${haven.url}/api/me`, {
      headers: { cookie: `haven_session=${token}` },
    });
    expect(replay.status).toBe(401);
  });

  it('rate-limits repeated failed logins with RATE_LIMITED', async () => {
    const email = uniqueEmail();
    await new ApiClient(haven.url).signUp(haven.mail, email);
    const client = await ApiClient.signedOut(haven.url);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      statuses.push(
        (await client.post('/api/auth/login', { email, password: `wrong-${attempt}-password` }))
          .status,
      );
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await client.post('/api/auth/login', {
      email,
      password: 'correct horse battery',
    });
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    // The wait as a number, in the body and in the standard header alike.
    expect(limited.body.error.retryAfter).toEqual(expect.any(Number));
    expect(limited.body.error.retryAfter).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('retry-after')).toBe(String(limited.body.error.retryAfter));
  });
});

describe('injection attempts', () => {
  it.each([
    [{ email: { $gt: '' }, password: { $gt: '' } }],
    [{ email: 'a@b.org', password: 'x', $where: 'sleep(100)' }],
    [JSON.parse('{"email":"a@b.org","password":"x","__proto__":{"admin":true}}')],
  ])('refuses operator-shaped login bodies with 400: %j', async (body) => {
    const client = await ApiClient.signedOut(haven.url);
    const response = await client.post('/api/auth/login', body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
  });

  it('refuses bracket operators in query strings', async () => {
    const response = await fetch(`${haven.url}/api/me?email[$ne]=x`);
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('INVALID_INPUT');
  });
});

describe('profile, export and deletion', () => {
  it('needs a session', async () => {
    const response = await new ApiClient(haven.url).get('/api/me');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('updates profile and privacy, refusing roles and unknown fields', async () => {
    const client = new ApiClient(haven.url);
    await client.signUp(haven.mail, uniqueEmail());
    const ok = await client.patch('/api/me', {
      displayName: 'Robin',
      area: { country: 'ES', city: 'Valencia' },
      languages: ['es', 'en'],
      timeZone: 'Europe/Madrid',
      privacy: { showArea: true },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({
      displayName: 'Robin',
      timeZone: 'Europe/Madrid',
      privacy: { showArea: true },
    });
    const escalate = await client.patch('/api/me', { roles: ['admin'] });
    expect(escalate.status).toBe(400);
    expect((await client.get('/api/me')).body.user.roles).toEqual(['participant']);
    const badZone = await client.patch('/api/me', { timeZone: 'Mars/Olympus' });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.fields.timeZone).toBeDefined();
  });

  it('exports the member’s data and deletes the account with its sessions', async () => {
    const email = uniqueEmail();
    const client = new ApiClient(haven.url);
    const registered = await client.signUp(haven.mail, email);
    const exported = await client.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/attachment/);
    expect(exported.body.account).toMatchObject({ id: registered.body.user.id, email });

    const token = client.cookie('haven_session');
    expect((await client.delete('/api/me')).status).toBe(204);
    expect(await users().countDocuments({ email })).toBe(0);
    const replay = await fetch(`${haven.url}/api/me`, {
      headers: { cookie: `haven_session=${token}` },
    });
    expect(replay.status).toBe(401);
    expect((await new ApiClient(haven.url).login(email)).status).toBe(401);
  });
});

describe('OpenAPI', () => {
  it('documents the routes from the same schemas', async () => {
    const doc = await (await fetch(`${haven.url}/api/openapi.json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/auth/register', '/auth/login', '/me', '/me/export']),
    );
    expect(
      doc.paths['/auth/register'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('email');
  });
});
