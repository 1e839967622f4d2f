import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

// Issue 18: the organisation may require two-factor sign-in of its admins.
let haven: TestHaven;

beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

const codeNow = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) });

async function enrol(client: ApiClient) {
  const setup = await client.post('/api/me/two-factor/setup');
  expect(setup.status).toBe(200);
  const confirm = await client.post('/api/me/two-factor/confirm', {
    code: await codeNow(setup.body.secret),
  });
  expect(confirm.status).toBe(200);
}

/** Two admin routes of different features, and the setting itself. */
const ADMIN_READS = ['/api/members', '/api/training/settings', '/api/accounts/settings'];

describe('two-factor required for admins', () => {
  it('is off by default; only admins read it; an admin without two-factor cannot turn it on', async () => {
    const member = await signUpAs(haven);
    expect((await member.client.get('/api/accounts/settings')).body.error.code).toBe('FORBIDDEN');
    const admin = await signUpAs(haven, ['admin']);
    const read = await admin.client.get('/api/accounts/settings');
    expect(read.body).toEqual({ settings: { twoFactorRequiredForAdmins: false } });
    const refused = await admin.client.patch('/api/accounts/settings', {
      twoFactorRequiredForAdmins: true,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('TWO_FACTOR_REQUIRED');
    const bad = await admin.client.patch('/api/accounts/settings', {
      twoFactorRequiredForAdmins: 'yes',
    });
    expect(bad.status).toBe(400);
    expect((await admin.client.get('/api/accounts/settings')).body.settings).toEqual({
      twoFactorRequiredForAdmins: false,
    });
  });

  it('refuses every admin route of an admin who has not enrolled, until they do', async () => {
    const enrolledAdmin = await signUpAs(haven, ['admin']);
    await enrol(enrolledAdmin.client);
    const on = await enrolledAdmin.client.patch('/api/accounts/settings', {
      twoFactorRequiredForAdmins: true,
    });
    expect(on.body).toEqual({ settings: { twoFactorRequiredForAdmins: true } });
    for (const path of ADMIN_READS)
      expect((await enrolledAdmin.client.get(path)).status, path).toBe(200);

    const admin = await signUpAs(haven, ['admin']);
    for (const path of ADMIN_READS) {
      const refused = await admin.client.get(path);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.code, path).toBe('TWO_FACTOR_REQUIRED');
    }
    // Nor can they switch the rule off: that is what a stolen admin password would try first.
    const off = await admin.client.patch('/api/accounts/settings', {
      twoFactorRequiredForAdmins: false,
    });
    expect(off.body.error.code).toBe('TWO_FACTOR_REQUIRED');
    // A route open to moderators and admins: this admin is neither for now.
    const queue = await admin.client.get('/api/reports/items');
    expect(queue.body.error.code).toBe('TWO_FACTOR_REQUIRED');
    // What they need to enrol stays open, and /api/me still tells the client they are an admin.
    const me = await admin.client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.roles).toContain('admin');
    // A member who is no admin is still just FORBIDDEN.
    const member = await signUpAs(haven);
    expect((await member.client.get('/api/members')).body.error.code).toBe('FORBIDDEN');

    await enrol(admin.client);
    for (const path of ADMIN_READS) expect((await admin.client.get(path)).status, path).toBe(200);

    const offAgain = await admin.client.patch('/api/accounts/settings', {
      twoFactorRequiredForAdmins: false,
    });
    expect(offAgain.body).toEqual({ settings: { twoFactorRequiredForAdmins: false } });
    const later = await signUpAs(haven, ['admin']);
    expect((await later.client.get('/api/members')).status).toBe(200);
  });
});
