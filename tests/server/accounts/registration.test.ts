import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountTokenModel } from '../../../server/accounts/email-tokens.ts';
import { ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import { nextMailTo, titled, tokenIn } from '../../helpers/mail.ts';

let haven: TestHaven;
let seq = 0;
const uniqueEmail = () => `signup-${process.pid}-${Date.now()}-${seq++}@example.org`;
const PASSWORD = 'correct horse battery';
const CONFIRM = 'Confirm your email for Haven';
const NOTICE = 'Someone tried to register with your address';

beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

const users = () => haven.haven.services.accountModels.User;
const pending = () => haven.haven.services.accountModels.PendingRegistration;
const tokens = () => accountTokenModel(haven.mongo.connection);

const anonymous = () => ApiClient.signedOut(haven.url);

function register(client: ApiClient, email: string, password = PASSWORD, displayName = 'Sam') {
  return client.post('/api/auth/register', { email, password, displayName });
}

/** Mails already read: one received in the same millisecond as the next wait is not that one. */
const seen = new Set<string>();
const unseen = (subject: string) => (mail: { id: string; subject: string }) =>
  mail.subject === subject && !seen.has(mail.id);

/** Registers `email` and returns the token from the confirmation link it was sent. */
async function registerAndReadLink(email: string, password = PASSWORD, displayName = 'Sam') {
  const mail = nextMailTo(haven, email, unseen(CONFIRM)).then((m) => {
    seen.add(m.id);
    return m;
  });
  expect((await register(await anonymous(), email, password, displayName)).status).toBe(202);
  return tokenIn(await mail);
}

/** What a response shows, its date aside: the answers compared must be identical. */
function visible(response: { status: number; headers: Headers; text: string }) {
  const headers = [...response.headers].filter(([name]) => !['date'].includes(name));
  return { status: response.status, headers, text: response.text };
}

describe('registration answers the same whether or not the address has an account', () => {
  it('gives one answer, sets no session, and mails the link or the notice', async () => {
    const owner = await signUpAs(haven, ['participant'], { displayName: 'Olga' });
    const ownerBefore = await users().findById(owner.id).lean();
    const fresh = uniqueEmail();
    const link = nextMailTo(haven, fresh, titled(CONFIRM));
    const notice = nextMailTo(haven, owner.email, titled(NOTICE));

    const forNew = await register(await anonymous(), fresh, 'a new password here', 'Nia');
    // The address in another case is the same address.
    const forKnown = await register(
      await anonymous(),
      owner.email.toUpperCase(),
      'a guessed password',
      'Mallory',
    );
    expect(forNew.status).toBe(202);
    expect(forNew.body).toEqual({ accepted: true });
    expect(visible(forKnown)).toEqual(visible(forNew));
    expect(forNew.headers.getSetCookie()).toEqual([]);
    expect(forKnown.headers.getSetCookie()).toEqual([]);

    expect((await link).text).toContain('/verify-email#token=');
    expect((await notice).text).not.toContain('#token=');
    // The owner's account is as it was: same name, same password, one account.
    const ownerAfter = await users().findById(owner.id).lean();
    expect(ownerAfter?.passwordHash).toBe(ownerBefore?.passwordHash);
    expect(ownerAfter?.displayName).toBe('Olga');
    expect(await users().countDocuments({ email: owner.email })).toBe(1);
    expect((await new ApiClient(haven.url).login(owner.email, PASSWORD)).status).toBe(200);
    // No account exists for the new address until its link is opened.
    expect(await users().countDocuments({ email: fresh })).toBe(0);
  });

  it('signing in with the registered password then answers the same too', async () => {
    const owner = await signUpAs(haven);
    const fresh = uniqueEmail();
    const notice = nextMailTo(haven, owner.email, titled(NOTICE));
    await registerAndReadLink(fresh, 'the probe password');
    await register(await anonymous(), owner.email, 'the probe password');
    await notice;

    const atNew = await new ApiClient(haven.url).login(fresh, 'the probe password');
    const atKnown = await new ApiClient(haven.url).login(owner.email, 'the probe password');
    expect(atNew.status).toBe(403);
    expect(atNew.body.error.code).toBe('EMAIL_NOT_VERIFIED');
    expect(visible(atKnown)).toEqual(visible(atNew));
    // The owner's own password still signs them in.
    expect((await new ApiClient(haven.url).login(owner.email, PASSWORD)).status).toBe(200);
  });
});

describe('an unconfirmed registration', () => {
  it('cannot sign in: EMAIL_NOT_VERIFIED to its password, the usual refusal to another', async () => {
    const email = uniqueEmail();
    await registerAndReadLink(email);
    const right = await new ApiClient(haven.url).login(email, PASSWORD);
    expect(right.status).toBe(403);
    expect(right.body.error.code).toBe('EMAIL_NOT_VERIFIED');
    expect(right.headers.getSetCookie().some((c) => c.startsWith('haven_session='))).toBe(false);
    const wrong = await new ApiClient(haven.url).login(email, 'not the password');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('is replaced by a new registration of the address: its link and password die', async () => {
    const email = uniqueEmail();
    const first = await registerAndReadLink(email, 'the first password', 'Ana');
    const second = await registerAndReadLink(email, 'the second password', 'Bea');
    expect(await pending().countDocuments({ email })).toBe(1);
    expect(
      (await (await anonymous()).post('/api/auth/verify-email', { token: first })).status,
    ).toBe(400);
    const confirmed = await (await anonymous()).post('/api/auth/verify-email', { token: second });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.user.displayName).toBe('Bea');
    expect((await new ApiClient(haven.url).login(email, 'the first password')).status).toBe(401);
    expect((await new ApiClient(haven.url).login(email, 'the second password')).status).toBe(200);
  });

  it('is forgotten after a week (a TTL index), and refused once expired', async () => {
    const indexes = await pending().collection.indexes();
    expect(indexes.find((index) => index.key.expiresAt === 1)?.expireAfterSeconds).toBe(0);
    const email = uniqueEmail();
    const token = await registerAndReadLink(email);
    const row = await pending().findOne({ email }).lean();
    const week = (row?.expiresAt.getTime() ?? 0) - Date.now();
    expect(week).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    expect(week).toBeLessThanOrEqual(7 * 24 * 3600 * 1000);
    await pending().updateOne({ email }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await new ApiClient(haven.url).login(email, PASSWORD)).status).toBe(401);
    const late = await (await anonymous()).post('/api/auth/verify-email', { token });
    expect(late.status).toBe(400);
    expect(await users().countDocuments({ email })).toBe(0);
  });
});

describe('the confirmation link', () => {
  it('makes the account, confirmed, and signs in on this browser with a new CSRF token', async () => {
    const email = uniqueEmail();
    const token = await registerAndReadLink(email, PASSWORD, 'Ines');
    const browser = await anonymous();
    const before = browser.csrfToken;
    const confirmed = await browser.post('/api/auth/verify-email', { token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.user).toMatchObject({
      email,
      displayName: 'Ines',
      roles: ['participant'],
    });
    expect(JSON.stringify(confirmed.body)).not.toMatch(/passwordHash|argon2/);
    const session = confirmed.headers
      .getSetCookie()
      .find((line) => line.startsWith('haven_session='));
    expect(session).toMatch(/HttpOnly/i);
    expect(browser.cookie('haven_csrf')).not.toBe(before);
    expect((await browser.get('/api/me')).body.user.email).toBe(email);
    expect((await browser.patch('/api/me', { displayName: 'Inés' })).status).toBe(200);
    expect((await users().findOne({ email }).lean())?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await pending().countDocuments({ email })).toBe(0);
    expect((await new ApiClient(haven.url).login(email, PASSWORD)).status).toBe(200);
  });

  it('works once', async () => {
    const token = await registerAndReadLink(uniqueEmail());
    expect((await (await anonymous()).post('/api/auth/verify-email', { token })).status).toBe(200);
    const again = await (await anonymous()).post('/api/auth/verify-email', { token });
    expect(again.status).toBe(400);
    expect(again.body.error.fields.token).toBeDefined();
    expect(again.headers.getSetCookie().some((c) => c.startsWith('haven_session='))).toBe(false);
  });

  it('is refused once expired (a day), and makes no account', async () => {
    const email = uniqueEmail();
    const token = await registerAndReadLink(email);
    const row = await pending().findOne({ email }).lean();
    const stored = await tokens().findOne({ userId: row?._id, purpose: 'verify-email' }).lean();
    const life = (stored?.expiresAt.getTime() ?? 0) - Date.now();
    expect(life).toBeGreaterThan(23 * 3600 * 1000);
    await tokens().updateOne(
      { userId: row?._id, purpose: 'verify-email' },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    const late = await (await anonymous()).post('/api/auth/verify-email', { token });
    expect(late.status).toBe(400);
    expect(late.body.error.fields.token).toBeDefined();
    expect(await users().countDocuments({ email })).toBe(0);
  });

  it('speaks the language the sign-up page was in, and the account starts in it', async () => {
    const email = uniqueEmail();
    const mail = nextMailTo(haven, email);
    const client = await anonymous();
    const asked = await client.post('/api/auth/register', {
      email,
      password: PASSWORD,
      displayName: 'Lucía',
      uiLanguage: 'es',
    });
    expect(asked.status).toBe(202);
    const received = await mail;
    expect(received.subject).not.toBe(CONFIRM);
    const confirmed = await client.post('/api/auth/verify-email', { token: tokenIn(received) });
    expect(confirmed.body.user.uiLanguage).toBe('es');
  });
});

describe('sending the link again', () => {
  it('answers the same for any address; a waiting registration gets a new link, the old dies', async () => {
    const email = uniqueEmail();
    const first = await registerAndReadLink(email);
    const owner = await signUpAs(haven);
    const again = nextMailTo(haven, email, unseen(CONFIRM));
    const forPending = await (await anonymous()).post('/api/auth/verify-email/resend', { email });
    const forUnknown = await (await anonymous()).post('/api/auth/verify-email/resend', {
      email: uniqueEmail(),
    });
    const forAccount = await (await anonymous()).post('/api/auth/verify-email/resend', {
      email: owner.email,
    });
    expect(forPending.status).toBe(202);
    expect(visible(forUnknown)).toEqual(visible(forPending));
    expect(visible(forAccount)).toEqual(visible(forPending));
    const fresh = tokenIn(await again);
    expect(fresh).not.toBe(first);
    expect(
      (await (await anonymous()).post('/api/auth/verify-email', { token: first })).status,
    ).toBe(400);
    expect(
      (await (await anonymous()).post('/api/auth/verify-email', { token: fresh })).status,
    ).toBe(200);
  });

  it('refuses a malformed address with a field error', async () => {
    const response = await (await anonymous()).post('/api/auth/verify-email/resend', {
      email: 'nope',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.fields.email).toBeDefined();
  });
});

describe('bad input', () => {
  it('gives field errors and stores nothing', async () => {
    const before = await pending().countDocuments({});
    const accountsBefore = await users().countDocuments({});
    const response = await (await anonymous()).post('/api/auth/register', {
      email: 'not-an-email',
      password: 'short',
      displayName: '',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(response.body.error.fields).sort()).toEqual([
      'displayName',
      'email',
      'password',
    ]);
    const badLanguage = await (await anonymous()).post('/api/auth/register', {
      email: uniqueEmail(),
      password: PASSWORD,
      displayName: 'Sam',
      uiLanguage: 'fr',
    });
    expect(badLanguage.status).toBe(400);
    expect(badLanguage.body.error.fields.uiLanguage).toBeDefined();
    expect(await pending().countDocuments({})).toBe(before);
    expect(await users().countDocuments({})).toBe(accountsBefore);
  });

  it('refuses a malformed token', async () => {
    const response = await (await anonymous()).post('/api/auth/verify-email', { token: 'short' });
    expect(response.status).toBe(400);
    expect(response.body.error.fields.token).toBeDefined();
  });
});

describe('the demo seed', () => {
  it('has confirmed addresses', async () => {
    const { seedAccounts } = await import('../../../server/accounts/seed.ts');
    const separate = await startTestHaven();
    try {
      await seedAccounts(separate.mongo.connection);
      const unconfirmed = await separate.haven.services.accountModels.User.countDocuments({
        emailVerifiedAt: null,
      });
      expect(unconfirmed).toBe(0);
      const client = new ApiClient(separate.url);
      expect((await client.login('participant@haven.local', 'haven-demo')).status).toBe(200);
    } finally {
      await separate.close();
    }
  });
});
