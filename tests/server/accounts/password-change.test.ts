import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';
import { nextMailTo } from '../../helpers/mail.ts';

let haven: TestHaven;
const OLD = 'correct horse battery';
const NEW = 'a different passphrase';

beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

describe('password change', () => {
  it('needs the current password, keeps this session, ends the others and sends a notice', async () => {
    const member = await signUpAs(haven);
    const other = new ApiClient(haven.url);
    expect((await other.login(member.email)).status).toBe(200);

    const notice = nextMailTo(
      haven,
      member.email,
      (mail) => mail.subject === 'Your Haven password was changed',
    );
    const response = await member.client.post('/api/me/password', {
      currentPassword: OLD,
      newPassword: NEW,
    });
    expect(response.status).toBe(200);
    expect((await notice).subject).toBe('Your Haven password was changed');
    expect((await member.client.get('/api/me')).status).toBe(200);
    expect((await other.get('/api/me')).status).toBe(401);
    expect((await new ApiClient(haven.url).login(member.email, OLD)).status).toBe(401);
    expect((await new ApiClient(haven.url).login(member.email, NEW)).status).toBe(200);
  });

  it('refuses a wrong current password, changing nothing, and limits the tries', async () => {
    const member = await signUpAs(haven);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await member.client.post('/api/me/password', {
        currentPassword: `wrong guess ${i}`,
        newPassword: NEW,
      });
      statuses.push(response.status);
      if (i === 0) expect(response.body.error.fields.currentPassword).toBeDefined();
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    expect((await new ApiClient(haven.url).login(member.email, OLD)).status).toBe(200);
    expect((await member.client.get('/api/me')).status).toBe(200);
  });

  it('refuses a short new password and the signed-out', async () => {
    const member = await signUpAs(haven);
    const short = await member.client.post('/api/me/password', {
      currentPassword: OLD,
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    expect((await new ApiClient(haven.url).login(member.email, OLD)).status).toBe(200);
    const anonymous = await ApiClient.signedOut(haven.url);
    const signedOut = await anonymous.post('/api/me/password', {
      currentPassword: OLD,
      newPassword: NEW,
    });
    expect(signedOut.status).toBe(401);
  });
});
