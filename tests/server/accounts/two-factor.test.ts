import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

let haven: TestHaven;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

/** A code for the period `offset` periods from now (the server accepts one either side). */
const codeFor = (secret: string, offset = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

async function enrolled() {
  const member = await signUpAs(haven);
  const setup = await member.client.post('/api/me/two-factor/setup');
  expect(setup.status).toBe(200);
  const { secret } = setup.body;
  expect(setup.body.qrSvg).toContain('<svg');
  expect(setup.body.otpauthUri).toContain(`secret=${secret}`);
  expect((await member.client.get('/api/me/two-factor')).body.enabled).toBe(false);
  const confirm = await member.client.post('/api/me/two-factor/confirm', {
    code: await codeFor(secret, -1),
  });
  expect(confirm.status).toBe(200);
  expect(confirm.body.recoveryCodes).toHaveLength(10);
  return {
    ...member,
    secret: secret as string,
    recoveryCodes: confirm.body.recoveryCodes as string[],
  };
}

async function passwordStep(email: string) {
  const client = await ApiClient.signedOut(haven.url);
  const response = await client.post('/api/auth/login', { email, password: PASSWORD });
  return { client, response };
}

describe('two-factor sign-in', () => {
  it('enrols with a confirmed code, never sends or stores the key plainly afterwards', async () => {
    const member = await enrolled();
    const status = await member.client.get('/api/me/two-factor');
    expect(status.body).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    expect(status.text).not.toContain(member.secret);
    const again = await member.client.post('/api/me/two-factor/setup');
    expect(again.status).toBe(409);
    const stored = await haven.haven.services.accountModels.User.db
      .collection('twofactors')
      .find({})
      .toArray();
    const text = JSON.stringify(stored);
    expect(text).not.toContain(member.secret);
    for (const code of member.recoveryCodes) expect(text).not.toContain(code);
    expect(JSON.stringify(haven.logLines())).not.toContain(member.secret);
    const exported = await member.client.get('/api/me/export');
    expect(exported.body.twoFactor).toEqual({ enabled: true });
    expect(exported.text).not.toContain(member.secret);
  });

  it('refuses to turn on with a wrong code, changing nothing', async () => {
    const member = await signUpAs(haven);
    await member.client.post('/api/me/two-factor/setup');
    const wrong = await member.client.post('/api/me/two-factor/confirm', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.code).toBeDefined();
    expect((await member.client.get('/api/me/two-factor')).body.enabled).toBe(false);
    expect((await passwordStep(member.email)).response.body.user.id).toBe(member.id);
  });

  it('asks an enrolled member for a code after the password, with no session before it', async () => {
    const member = await enrolled();
    const { client, response } = await passwordStep(member.email);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ twoFactorRequired: true });
    expect(client.cookie('haven_session')).toBeUndefined();
    expect((await client.get('/api/me')).status).toBe(401);

    const wrong = await client.post('/api/auth/login/two-factor', { code: '123456' });
    expect(wrong.status).toBe(400);
    const code = await codeFor(member.secret);
    const ok = await client.post('/api/auth/login/two-factor', { code });
    expect(ok.status).toBe(200);
    expect(ok.body.user.id).toBe(member.id);
    expect((await client.get('/api/me')).status).toBe(200);
    expect(client.cookie('haven_device')).toMatch(/^v1\./);

    // The same code again, from another sign-in inside its window: refused (replay).
    const second = await passwordStep(member.email);
    const replay = await second.client.post('/api/auth/login/two-factor', { code });
    expect(replay.status).toBe(400);
    expect((await second.client.get('/api/me')).status).toBe(401);
  });

  it('takes each recovery code once, and regenerating ends the old ones', async () => {
    const member = await enrolled();
    const [first = '', second = ''] = member.recoveryCodes;
    const one = await passwordStep(member.email);
    expect((await one.client.post('/api/auth/login/two-factor', { code: first })).status).toBe(200);
    const two = await passwordStep(member.email);
    expect((await two.client.post('/api/auth/login/two-factor', { code: first })).status).toBe(400);
    expect((await member.client.get('/api/me/two-factor')).body.recoveryCodesLeft).toBe(9);

    const fresh = await member.client.post('/api/me/two-factor/recovery-codes', {
      currentPassword: PASSWORD,
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    const three = await passwordStep(member.email);
    expect((await three.client.post('/api/auth/login/two-factor', { code: second })).status).toBe(
      400,
    );
    expect(
      (await three.client.post('/api/auth/login/two-factor', { code: fresh.body.recoveryCodes[0] }))
        .status,
    ).toBe(200);
  });

  it('limits the code step and refuses it without the password step', async () => {
    const member = await enrolled();
    const bare = await ApiClient.signedOut(haven.url);
    expect((await bare.post('/api/auth/login/two-factor', { code: '123456' })).status).toBe(401);
    const { client } = await passwordStep(member.email);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await client.post('/api/auth/login/two-factor', { code: `00000${i}` })).status,
      );
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const limited = await client.post('/api/auth/login/two-factor', {
      code: await codeFor(member.secret),
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error.retryAfter).toBeGreaterThanOrEqual(1);
  });

  it('turns off with the password and a code; account deletion removes it', async () => {
    const member = await enrolled();
    const noPassword = await member.client.post('/api/me/two-factor/disable', {
      currentPassword: 'not my password',
      code: member.recoveryCodes[0],
    });
    expect(noPassword.status).toBe(400);
    expect((await member.client.get('/api/me/two-factor')).body.enabled).toBe(true);
    const off = await member.client.post('/api/me/two-factor/disable', {
      currentPassword: PASSWORD,
      code: await codeFor(member.secret, 1),
    });
    expect(off.status).toBe(200);
    expect((await passwordStep(member.email)).response.body.user.id).toBe(member.id);

    const other = await enrolled();
    const twoFactors = haven.haven.services.accountModels.User.db.collection('twofactors');
    expect(await twoFactors.countDocuments({})).toBeGreaterThan(0);
    const id = new (await import('mongoose')).Types.ObjectId(other.id);
    expect(await twoFactors.countDocuments({ userId: id })).toBe(1);
    expect((await other.client.delete('/api/me')).status).toBe(204);
    expect(await twoFactors.countDocuments({ userId: id })).toBe(0);
  });
});
