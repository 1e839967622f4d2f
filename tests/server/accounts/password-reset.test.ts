import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountTokenModel } from '../../../server/accounts/email-tokens.ts';
import { ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import { nextMailTo, tokenIn } from '../../helpers/mail.ts';

let haven: TestHaven;
const NEW_PASSWORD = 'a brand new passphrase';

beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

const tokens = () => accountTokenModel(haven.mongo.connection);

const anonymous = () => ApiClient.signedOut(haven.url);

async function askReset(email: string) {
  const client = await anonymous();
  // A sign-up's welcome mail may still be on its way: the reset mail is the one with its link.
  const mail = nextMailTo(haven, email, (m) => m.text.includes('/reset-password#token='));
  const response = await client.post('/api/auth/password-reset', { email });
  expect(response.status).toBe(202);
  return { response, mail: await mail };
}

describe('password reset by email', () => {
  it('mails a one-use link whose token is stored only as a hash; every session ends', async () => {
    const member = await signUpAs(haven);
    const other = new ApiClient(haven.url);
    expect((await other.login(member.email)).status).toBe(200);

    const { mail } = await askReset(member.email);
    expect(mail.subject).toBe('Reset your Haven password');
    expect(mail.html).toContain('/reset-password#token=');
    const token = tokenIn(mail);
    const stored = await tokens().find({ userId: member.id, purpose: 'password-reset' }).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]?._id).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);

    const confirm = await (await anonymous()).post('/api/auth/password-reset/confirm', {
      token,
      password: NEW_PASSWORD,
    });
    expect(confirm.status).toBe(200);
    // Both earlier sessions are over; the new password signs in, the old one does not.
    expect((await member.client.get('/api/me')).status).toBe(401);
    expect((await other.get('/api/me')).status).toBe(401);
    expect((await new ApiClient(haven.url).login(member.email)).status).toBe(401);
    expect((await new ApiClient(haven.url).login(member.email, NEW_PASSWORD)).status).toBe(200);

    const again = await (await anonymous()).post('/api/auth/password-reset/confirm', {
      token,
      password: 'yet another passphrase',
    });
    expect(again.status).toBe(400);
    expect(again.body.error.fields.token).toBeDefined();
    expect((await new ApiClient(haven.url).login(member.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses a link older than 30 minutes and leaves the password as it was', async () => {
    const member = await signUpAs(haven);
    const { mail } = await askReset(member.email);
    const token = tokenIn(mail);
    await tokens().updateOne(
      { userId: member.id, purpose: 'password-reset' },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    const response = await (await anonymous()).post('/api/auth/password-reset/confirm', {
      token,
      password: NEW_PASSWORD,
    });
    expect(response.status).toBe(400);
    expect((await member.client.get('/api/me')).status).toBe(200);
    expect((await new ApiClient(haven.url).login(member.email)).status).toBe(200);
  });

  it('answers an unknown address exactly as a known one, and mails nothing', async () => {
    const member = await signUpAs(haven);
    const known = await askReset(member.email);
    const unknownEmail = `nobody-${Date.now()}@example.org`;
    const client = await anonymous();
    const unknown = await client.post('/api/auth/password-reset', { email: unknownEmail });
    expect(unknown.status).toBe(known.response.status);
    expect(unknown.text).toBe(known.response.text);
    // A later mail to the known member arrives; none went to the unknown address meanwhile.
    await askReset(member.email);
    expect(haven.mail.list().some((m) => m.to.includes(unknownEmail))).toBe(false);
  });

  it('refuses bad input and stores nothing', async () => {
    const client = await anonymous();
    const before = await tokens().countDocuments();
    expect((await client.post('/api/auth/password-reset', { email: 'not-an-email' })).status).toBe(
      400,
    );
    const short = await client.post('/api/auth/password-reset/confirm', {
      token: 'A'.repeat(43),
      password: 'short',
    });
    expect(short.status).toBe(400);
    const unknownToken = await client.post('/api/auth/password-reset/confirm', {
      token: 'A'.repeat(43),
      password: NEW_PASSWORD,
    });
    expect(unknownToken.status).toBe(400);
    expect(await tokens().countDocuments()).toBe(before);
  });

  it('limits requests per address being reset', async () => {
    const email = `limited-${Date.now()}@example.org`;
    const client = await anonymous();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await client.post('/api/auth/password-reset', { email })).status);
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses[5]).toBe(429);
  });

  it('writes a Spanish email for a member whose language is Spanish', async () => {
    const member = await signUpAs(haven);
    await haven.haven.services.accountModels.User.updateOne(
      { _id: member.id },
      { $set: { languages: ['es'] } },
    );
    const { mail } = await askReset(member.email);
    expect(mail.subject).toBe('Restablece tu contraseña de Haven');
    expect(mail.text).toContain('30 minutos');
  });

  it('logs mail by id and event, never the address or the link', async () => {
    const member = await signUpAs(haven);
    const sentBefore = haven.logLines().filter((l) => l.event === 'mail:sent').length;
    const { mail } = await askReset(member.email);
    // The catcher has the mail a moment before the sender hears the SMTP server's yes.
    await vi.waitFor(() =>
      expect(haven.logLines().filter((l) => l.event === 'mail:sent').length).toBeGreaterThan(
        sentBefore,
      ),
    );
    const logged = JSON.stringify(haven.logLines());
    expect(logged).not.toContain(member.email);
    expect(logged).not.toContain(tokenIn(mail));
  });
});
