import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import {
  meetingsOf,
  newPartnerId,
  onceMeetingAt,
  onlineMeeting,
} from '../../meetings/directory/fixtures.ts';
import {
  call,
  closeSockets,
  joinAs,
  must,
  openMeetingSocket,
} from '../../meetings/live/helpers.ts';
import { completeCourse } from './helpers.ts';

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterEach(() => closeSockets());
afterAll(async () => {
  await haven.close();
});

describe('hosting a live meeting is training-gated', () => {
  it('refuses an untrained facilitator as host over Socket.IO, and lets them in once trained', async () => {
    const untrained = await signUpAs(haven, ['facilitator'], { trained: false });
    // They may still put the meeting in the directory; it lists no facilitator.
    const created = await untrained.client.post('/api/meetings', onceMeetingAt(-5));
    expect(created.status).toBe(201);
    expect(created.body.meeting.facilitatorIds).toEqual([]);
    const meetingId = created.body.meeting.id as string;

    const socket = await openMeetingSocket(haven, untrained.client);
    expect(await must(socket, 'meeting:status', { meetingId })).toEqual({
      live: false,
      mayHost: false,
    });
    const refused = await call(socket, 'meeting:join', joinAs('Una', meetingId));
    expect(refused).toMatchObject({ error: { code: 'NOT_LIVE' } });
    expect(await must(socket, 'meeting:status', { meetingId })).toMatchObject({ live: false });

    await completeCourse(haven, untrained.id, { track: 'facilitator' });
    const opened = await must(socket, 'meeting:join', joinAs('Una', meetingId));
    expect(opened.status).toBe('admitted');
    if (opened.status === 'admitted') expect(opened.room.self.role).toBe('host');
  });

  it('does not let an untrained co-facilitator named in stored data co-host', async () => {
    const host = await signUpAs(haven, ['facilitator'], { displayName: 'Fran' });
    const co = await signUpAs(haven, ['facilitator'], { displayName: 'Cleo', trained: false });
    const created = await host.client.post('/api/meetings', onceMeetingAt(-5));
    const meetingId = created.body.meeting.id as string;
    // Listed before the gate existed: the live room reads the record, not the listing.
    await meetingsOf(haven).updateOne({ _id: meetingId }, { $push: { facilitatorIds: co.id } });
    const hostSocket = await openMeetingSocket(haven, host.client);
    expect((await must(hostSocket, 'meeting:join', joinAs('Fran', meetingId))).status).toBe(
      'admitted',
    );
    const coSocket = await openMeetingSocket(haven, co.client);
    expect(await must(coSocket, 'meeting:status', { meetingId })).toEqual({
      live: true,
      mayHost: false,
    });
    const joined = await must(coSocket, 'meeting:join', joinAs('Cleo', meetingId));
    // An ordinary participant: into the waiting room like anyone else.
    expect(joined.status).toBe('waiting');
  });

  it('refuses untrained partner staff as host of their own in-service meeting', async () => {
    const partnerId = newPartnerId();
    const staff = await signUpAs(haven, ['participant'], { partnerId, trained: false });
    const created = await staff.client.post('/api/meetings', onceMeetingAt(-5, { partnerId }));
    expect(created.status).toBe(201);
    const socket = await openMeetingSocket(haven, staff.client);
    const meetingId = created.body.meeting.id as string;
    expect(await must(socket, 'meeting:status', { meetingId })).toMatchObject({ mayHost: false });
    expect(await call(socket, 'meeting:join', joinAs('Sol', meetingId))).toMatchObject({
      error: { code: 'NOT_LIVE' },
    });
  });

  it('always lets admins host, trained or not', async () => {
    const facilitator = await signUpAs(haven, ['facilitator']);
    const admin = await signUpAs(haven, ['admin'], { displayName: 'Ada' });
    const created = await facilitator.client.post('/api/meetings', onceMeetingAt(-5));
    const meetingId = created.body.meeting.id as string;
    const socket = await openMeetingSocket(haven, admin.client);
    expect(await must(socket, 'meeting:status', { meetingId })).toMatchObject({ mayHost: true });
    const opened = await must(socket, 'meeting:join', joinAs('Ada', meetingId));
    expect(opened.status).toBe('admitted');
    if (opened.status === 'admitted') expect(opened.room.self.role).toBe('host');
  });
});

describe("the directory's facilitators are training-gated", () => {
  it('refuses an untrained facilitator on POST and PATCH, with nothing stored', async () => {
    const owner = await signUpAs(haven, ['facilitator']);
    const untrained = await signUpAs(haven, ['facilitator'], { trained: false });
    const title = `Gated ${Date.now()}`;
    const refused = await owner.client.post(
      '/api/meetings',
      onlineMeeting({ title, facilitatorIds: [owner.id, untrained.id] }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual({
      'facilitatorIds.1': ['has not completed facilitator training'],
    });
    expect(await meetingsOf(haven).countDocuments({ title })).toBe(0);

    const created = await owner.client.post('/api/meetings', onlineMeeting({ title }));
    expect(created.body.meeting.facilitatorIds).toEqual([owner.id]);
    const patched = await owner.client.patch(`/api/meetings/${created.body.meeting.id}`, {
      facilitatorIds: [owner.id, untrained.id],
    });
    expect(patched.status).toBe(400);
    expect(patched.body.error.fields).toHaveProperty('facilitatorIds.1');
    const stored = await meetingsOf(haven).findById(created.body.meeting.id).lean();
    expect(stored?.facilitatorIds.map(String)).toEqual([owner.id]);

    // Untrained partner staff cannot be named for their partner's meeting either.
    const partnerId = newPartnerId();
    const staff = await signUpAs(haven, ['participant'], { partnerId, trained: false });
    const admin = await signUpAs(haven, ['admin']);
    const staffed = await admin.client.post(
      '/api/meetings',
      onlineMeeting({ title, partnerId, facilitatorIds: [staff.id] }),
    );
    expect(staffed.status).toBe(400);
    expect(await meetingsOf(haven).countDocuments({ title })).toBe(1);

    await completeCourse(haven, untrained.id);
    const after = await owner.client.patch(`/api/meetings/${created.body.meeting.id}`, {
      facilitatorIds: [owner.id, untrained.id],
    });
    expect(after.status).toBe(200);
    expect(after.body.meeting.facilitatorIds).toEqual([owner.id, untrained.id]);
  });

  it('lets an admin who facilitates be listed without a training record', async () => {
    const admin = await signUpAs(haven, ['admin', 'facilitator'], { trained: false });
    const created = await admin.client.post('/api/meetings', onlineMeeting());
    expect(created.status).toBe(201);
    expect(created.body.meeting.facilitatorIds).toEqual([admin.id]);
  });
});
