import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountTokenModel } from '../../../server/accounts/email-tokens.ts';
import { ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import { nextMailTo, titled, tokenIn } from '../../helpers/mail.ts';

let haven: TestHaven;
let seq = 0;
const uniqueEmail = () => `addr-${process.pid}-${Date.now()}-${seq++}@example.org`;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

const users = () => haven.haven.services.accountModels.User;
const tokens = () => accountTokenModel(haven.mongo.connection);

const anonymous = () => ApiClient.signedOut(haven.url);

describe('changing the email address', () => {
  it('confirms at the new address, tells the old one, and then signs in with the new', async () => {
    const member = await signUpAs(haven);
    const newEmail = uniqueEmail();
    const toOld = nextMailTo(haven, member.email, titled('Your Haven email is being changed'));
    const toNew = nextMailTo(haven, newEmail);
    const asked = await member.client.post('/api/me/email', {
      newEmail,
      currentPassword: PASSWORD,
    });
    expect(asked.status).toBe(202);
    expect((await toOld).subject).toBe('Your Haven email is being changed');
    const token = tokenIn(await toNew);
    // Nothing changes until the new address confirms.
    expect((await member.client.get('/api/me')).body.user.email).toBe(member.email);

    const confirmed = await (await anonymous()).post('/api/me/email/confirm', { token });
    expect(confirmed.status).toBe(200);
    expect((await member.client.get('/api/me')).body.user.email).toBe(newEmail);
    expect((await new ApiClient(haven.url).login(newEmail, PASSWORD)).status).toBe(200);
    expect((await new ApiClient(haven.url).login(member.email, PASSWORD)).status).toBe(401);
    const again = await (await anonymous()).post('/api/me/email/confirm', { token });
    expect(again.status).toBe(400);
  });

  it('answers the same for an address that has an account, and sends it nothing', async () => {
    const member = await signUpAs(haven);
    const other = await signUpAs(haven);
    const free = await member.client.post('/api/me/email', {
      newEmail: uniqueEmail(),
      currentPassword: PASSWORD,
    });
    const confirmations = () =>
      haven.mail
        .list()
        .filter(
          (m) => m.to.includes(other.email) && m.subject === 'Confirm your new email for Haven',
        ).length;
    const notice = nextMailTo(haven, member.email, titled('Your Haven email is being changed'));
    const taken = await member.client.post('/api/me/email', {
      newEmail: other.email,
      currentPassword: PASSWORD,
    });
    expect(taken.status).toBe(free.status);
    expect(taken.text).toBe(free.text);
    // The notice to the member's own address is queued after the confirmation would be,
    // and the outbox sends oldest first.
    await notice;
    expect(confirmations()).toBe(0);
  });

  it('moves to an address someone left an unconfirmed registration on, which then dies', async () => {
    const member = await signUpAs(haven);
    const newEmail = uniqueEmail();
    const waiting = nextMailTo(haven, newEmail, titled('Confirm your email for Haven'));
    await (await anonymous()).post('/api/auth/register', {
      email: newEmail,
      password: 'a squatter password',
      displayName: 'Squatter',
    });
    const squatterToken = tokenIn(await waiting);
    const toNew = nextMailTo(haven, newEmail, titled('Confirm your new email for Haven'));
    await member.client.post('/api/me/email', { newEmail, currentPassword: PASSWORD });
    const confirmed = await (await anonymous()).post('/api/me/email/confirm', {
      token: tokenIn(await toNew),
    });
    expect(confirmed.status).toBe(200);
    expect((await member.client.get('/api/me')).body.user.email).toBe(newEmail);
    const late = await (await anonymous()).post('/api/auth/verify-email', { token: squatterToken });
    expect(late.status).toBe(400);
    expect(await users().countDocuments({ email: newEmail })).toBe(1);
  });

  it('refuses a wrong password and bad input, storing no token', async () => {
    const member = await signUpAs(haven);
    const before = await tokens().countDocuments({ userId: member.id, purpose: 'email-change' });
    const wrong = await member.client.post('/api/me/email', {
      newEmail: uniqueEmail(),
      currentPassword: 'not my password',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.currentPassword).toBeDefined();
    const bad = await member.client.post('/api/me/email', {
      newEmail: 'not-an-email',
      currentPassword: PASSWORD,
    });
    expect(bad.status).toBe(400);
    const same = await member.client.post('/api/me/email', {
      newEmail: member.email,
      currentPassword: PASSWORD,
    });
    expect(same.status).toBe(400);
    expect(await tokens().countDocuments({ userId: member.id, purpose: 'email-change' })).toBe(
      before,
    );
  });
});
