import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signUpAs } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

describe('roles, granted by the board', () => {
  it('lets an admin make a trained participant a facilitator, who can then create meetings', async () => {
    const admin = await signUpAs(haven, ['admin']);
    const member = await signUpAs(haven);
    const granted = await admin.client.request('PUT', `/api/members/${member.id}/roles`, {
      roles: ['participant', 'facilitator'],
    });
    expect(granted.status).toBe(200);
    expect(granted.body.member.roles).toEqual(['participant', 'facilitator']);
    expect(JSON.stringify(granted.body)).not.toContain(member.email);
    expect((await member.client.get('/api/me')).body.user.roles).toContain('facilitator');
  });

  it('refuses anyone but an admin, and changes nothing', async () => {
    const moderator = await signUpAs(haven, ['moderator']);
    const member = await signUpAs(haven);
    const refused = await moderator.client.request('PUT', `/api/members/${member.id}/roles`, {
      roles: ['participant', 'admin'],
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await member.client.get('/api/me')).body.user.roles).toEqual(['participant']);
    const anonymous = await ApiClient.signedOut(haven.url);
    const unauthenticated = await anonymous.request('PUT', `/api/members/${member.id}/roles`, {
      roles: ['participant', 'admin'],
    });
    expect(unauthenticated.status).toBe(401);
  });

  it('refuses unknown roles, dropping participant, and an admin demoting themselves', async () => {
    const admin = await signUpAs(haven, ['admin']);
    const member = await signUpAs(haven);
    const unknown = await admin.client.request('PUT', `/api/members/${member.id}/roles`, {
      roles: ['participant', 'king'],
    });
    expect(unknown.status).toBe(400);
    const noParticipant = await admin.client.request('PUT', `/api/members/${member.id}/roles`, {
      roles: ['facilitator'],
    });
    expect(noParticipant.status).toBe(400);
    const self = await admin.client.request('PUT', `/api/members/${admin.id}/roles`, {
      roles: ['participant'],
    });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('INVALID_TRANSITION');
    expect((await admin.client.get('/api/me')).body.user.roles).toContain('admin');
    const missing = await admin.client.request(
      'PUT',
      '/api/members/0123456789abcdef01234567/roles',
      { roles: ['participant'] },
    );
    expect(missing.status).toBe(404);
  });

  it('shows a member’s public profile to signed-in members, never the email', async () => {
    const viewer = await signUpAs(haven);
    const member = await signUpAs(haven, ['facilitator'], { displayName: 'Robin' });
    const profile = await viewer.client.get(`/api/members/${member.id}`);
    expect(profile.status).toBe(200);
    expect(profile.body.member).toMatchObject({ id: member.id, displayName: 'Robin' });
    expect(profile.text).not.toContain(member.email);
    expect((await new ApiClient(haven.url).get(`/api/members/${member.id}`)).status).toBe(401);
  });
});
