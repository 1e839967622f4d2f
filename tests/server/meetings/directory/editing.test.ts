import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import {
  inPersonMeeting,
  meetingsOf,
  newPartnerId,
  onceMeetingAt,
  onlineMeeting,
  uniqueCity,
} from './fixtures.ts';

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

describe('PATCH and DELETE /api/meetings/:id', () => {
  it('lets the creator edit; switching to online drops the carried-over location', async () => {
    const { client } = await signUpAs(haven, ['facilitator']);
    const created = (await client.post('/api/meetings', inPersonMeeting(uniqueCity()))).body
      .meeting;
    const response = await client.patch(`/api/meetings/${created.id}`, {
      format: 'online',
      title: 'Now online',
      capacity: 40,
    });
    expect(response.status).toBe(200);
    expect(response.body.meeting).toMatchObject({
      format: 'online',
      title: 'Now online',
      capacity: 40,
      location: null,
      area: {},
    });
    const stored = await meetingsOf(haven).findById(created.id).lean();
    expect(stored).toMatchObject({
      format: 'online',
      title: 'Now online',
      location: null,
      cityKey: null,
    });
  });

  it('refuses a facilitator editing or deleting someone else’s meeting, and changes nothing', async () => {
    const owner = await signUpAs(haven, ['facilitator']);
    const other = await signUpAs(haven, ['facilitator']);
    const created = (await owner.client.post('/api/meetings', onlineMeeting())).body.meeting;
    const patch = await other.client.patch(`/api/meetings/${created.id}`, { title: 'Taken over' });
    expect(patch.status).toBe(403);
    expect(patch.body.error.code).toBe('FORBIDDEN');
    expect((await other.client.delete(`/api/meetings/${created.id}`)).status).toBe(403);
    const stored = await meetingsOf(haven).findById(created.id).lean();
    expect(stored?.title).toBe('Tuesday evening meeting');
  });

  it('lets a co-facilitator edit, and refuses anonymous edits with 401', async () => {
    const owner = await signUpAs(haven, ['facilitator']);
    const co = await signUpAs(haven, ['facilitator']);
    const created = (
      await owner.client.post('/api/meetings', onlineMeeting({ facilitatorIds: [owner.id, co.id] }))
    ).body.meeting;
    expect(
      (await co.client.patch(`/api/meetings/${created.id}`, { durationMinutes: 60 })).status,
    ).toBe(200);
    const anonymous = await ApiClient.signedOut(haven.url);
    expect((await anonymous.patch(`/api/meetings/${created.id}`, { title: 'x y z' })).status).toBe(
      401,
    );
    expect((await anonymous.delete(`/api/meetings/${created.id}`)).status).toBe(401);
  });

  it('lets partner staff manage their partner’s meetings but not move them out', async () => {
    const partnerId = newPartnerId();
    const creator = await signUpAs(haven, ['participant'], { partnerId });
    const colleague = await signUpAs(haven, ['participant'], { partnerId });
    const outsider = await signUpAs(haven, ['participant'], { partnerId: newPartnerId() });
    const created = (await creator.client.post('/api/meetings', onlineMeeting({ partnerId }))).body
      .meeting;
    expect(
      (
        await colleague.client.patch(`/api/meetings/${created.id}`, {
          title: 'Renamed by colleague',
        })
      ).status,
    ).toBe(200);
    expect(
      (await outsider.client.patch(`/api/meetings/${created.id}`, { title: 'Nope nope' })).status,
    ).toBe(403);
    expect(
      (await colleague.client.patch(`/api/meetings/${created.id}`, { partnerId: null })).status,
    ).toBe(403);
    expect((await meetingsOf(haven).findById(created.id).lean())?.partnerId?.toString()).toBe(
      partnerId,
    );
  });

  it('validates the merged meeting: a bad PATCH is a 400 with fields and changes nothing', async () => {
    const { client } = await signUpAs(haven, ['facilitator']);
    const created = (await client.post('/api/meetings', onlineMeeting())).body.meeting;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ format: 'in-person' }, 'location'],
      [{ type: 'specialised' }, 'audience'],
      [{ title: null }, 'title'],
      [{ createdBy: created.id }, '_'],
      [
        { recurrence: { kind: 'once', localDateTime: '2021-05-05T10:00', timeZone: 'UTC' } },
        'recurrence',
      ],
    ];
    for (const [patch, field] of cases) {
      const response = await client.patch(`/api/meetings/${created.id}`, patch);
      expect(response.status, JSON.stringify(patch)).toBe(400);
      expect(Object.keys(response.body.error.fields)).toContain(field);
    }
    const stored = await meetingsOf(haven).findById(created.id).lean();
    expect(stored).toMatchObject({
      format: 'online',
      type: 'open',
      title: 'Tuesday evening meeting',
    });
  });

  it('lets an admin delete any meeting; it is gone afterwards', async () => {
    const owner = await signUpAs(haven, ['facilitator']);
    const admin = await signUpAs(haven, ['admin']);
    const created = (await owner.client.post('/api/meetings', onceMeetingAt(600))).body.meeting;
    expect((await admin.client.delete(`/api/meetings/${created.id}`)).status).toBe(204);
    expect(await meetingsOf(haven).countDocuments({ _id: created.id })).toBe(0);
    expect((await admin.client.get(`/api/meetings/${created.id}`)).status).toBe(404);
  });
});

describe('account data', () => {
  it('exports the member’s meetings and, on deletion, keeps them without the member', async () => {
    const member = await signUpAs(haven, ['facilitator']);
    const other = await signUpAs(haven, ['facilitator']);
    const created = (
      await member.client.post(
        '/api/meetings',
        onlineMeeting({ title: 'Mine to export', facilitatorIds: [member.id, other.id] }),
      )
    ).body.meeting;
    const exported = await member.client.get('/api/me/export');
    expect(exported.body.directory.meetings).toEqual([
      { id: created.id, title: 'Mine to export', created: true, facilitates: true },
    ]);
    expect((await member.client.delete('/api/me')).status).toBe(204);
    const stored = await meetingsOf(haven).findById(created.id).lean();
    expect(stored?.createdBy).toBeNull();
    expect(stored?.facilitatorIds.map(String)).toEqual([other.id]);
  });
});
