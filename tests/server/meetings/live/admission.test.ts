import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import {
  call,
  closeSockets,
  joinAs,
  meetingInProgress,
  must,
  next,
  openMeetingSocket,
  recordEvents,
} from './helpers.ts';

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterEach(() => closeSockets());
afterAll(async () => {
  await haven.close();
});

async function hostedMeeting(overrides: Record<string, unknown> = {}) {
  const { facilitator, meetingId } = await meetingInProgress(haven, overrides);
  const host = await openMeetingSocket(haven, facilitator.client);
  const opened = await must(host, 'meeting:join', joinAs('Fran', meetingId));
  return { host, meetingId, opened };
}

async function participantSocket(name = 'Robin') {
  const member = await signUpAs(haven, ['participant'], { displayName: name });
  return { member, socket: await openMeetingSocket(haven, member.client) };
}

describe('joining a live meeting', () => {
  it('admits the host at once with the router capabilities, and says the meeting is live', async () => {
    const { opened, meetingId } = await hostedMeeting();
    expect(opened.status).toBe('admitted');
    if (opened.status !== 'admitted') return;
    expect(opened.room.self.role).toBe('host');
    expect(opened.room.routerRtpCapabilities.codecs?.map((c) => c.mimeType)).toContain(
      'audio/opus',
    );
    const { socket } = await participantSocket();
    expect(await must(socket, 'meeting:status', { meetingId })).toMatchObject({ live: true });
  });

  it('opens one router when two hosts join at the same moment', async () => {
    const { facilitator, meetingId } = await meetingInProgress(haven);
    const admin = await signUpAs(haven, ['admin'], { displayName: 'Ada' });
    const routersBefore = haven.sfu.stats().routers;
    const sockets = await Promise.all([
      openMeetingSocket(haven, facilitator.client),
      openMeetingSocket(haven, admin.client),
    ]);
    const answers = await Promise.all(
      sockets.map((socket, i) =>
        must(socket, 'meeting:join', joinAs(['Fran', 'Ada'][i] ?? '', meetingId)),
      ),
    );
    expect(haven.sfu.stats().routers).toBe(routersBefore + 1);
    const roles = answers.map((a) => (a.status === 'admitted' ? a.room.self.role : a.status));
    expect(roles.sort()).toEqual(['cofacilitator', 'host']);
  });

  it('refuses a participant before the host opens the meeting (NOT_LIVE)', async () => {
    const { meetingId } = await meetingInProgress(haven);
    const { socket } = await participantSocket();
    expect(await must(socket, 'meeting:status', { meetingId })).toMatchObject({ live: false });
    const answer = await call(socket, 'meeting:join', joinAs('Robin', meetingId));
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_LIVE' } });
  });

  it('refuses a join without the confidentiality agreement', async () => {
    const { meetingId } = await hostedMeeting();
    const { socket } = await participantSocket();
    const answer = await call(socket, 'meeting:join', {
      ...joinAs('Robin', meetingId),
      agreementAccepted: false,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'AGREEMENT_REQUIRED' } });
  });

  it('asks for the eligibility confirmation of a specialised meeting, as the directory does', async () => {
    const { meetingId } = await hostedMeeting({
      type: 'specialised',
      audience: 'women',
      eligibility: { requiresConfirmation: true, statementKey: 'identifies-as-woman' },
    });
    const { socket } = await participantSocket();
    expect(await call(socket, 'meeting:join', joinAs('Robin', meetingId))).toMatchObject({
      ok: false,
      error: { code: 'ELIGIBILITY_REQUIRED' },
    });
    const answer = await must(socket, 'meeting:join', {
      ...joinAs('Robin', meetingId),
      eligibilityConfirmed: true,
    });
    expect(answer.status).toBe('waiting');
  });

  it('keeps a participant in the waiting room, telling only facilitators, until admitted', async () => {
    const { host, meetingId } = await hostedMeeting();
    const { socket } = await participantSocket('Robin');
    const seen = recordEvents(socket);
    const waitingList = next(host, 'meeting:waiting', (w) => w.waiting.length === 1);
    const answer = await must(socket, 'meeting:join', joinAs('Robin', meetingId));
    expect(answer).toMatchObject({ status: 'waiting' });
    const { waiting } = await waitingList;
    expect(waiting[0]?.displayName).toBe('Robin');

    // While waiting: no room events reach them, and media is refused.
    await must(host, 'chat:send', { text: 'welcome everyone', to: 'everyone' });
    expect(await call(socket, 'media:createTransport', { direction: 'recv' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ADMITTED' },
    });
    expect(seen).toEqual([]);

    const admitted = next(socket, 'meeting:admitted');
    const joined = next(host, 'peer:joined');
    await must(host, 'meeting:admit', { peerId: waiting[0]?.peerId ?? '' });
    const { room } = await admitted;
    expect(room.self.displayName).toBe('Robin');
    expect(room.peers.map((p) => p.displayName)).toEqual(['Fran']);
    expect(room.waiting).toEqual([]); // participants never see the waiting list
    expect(room.chat.map((m) => m.text)).toEqual(['welcome everyone']);
    expect((await joined).displayName).toBe('Robin');
  });

  it('tells a denied participant, who then learns nothing of the room', async () => {
    const { host, meetingId } = await hostedMeeting();
    const { socket } = await participantSocket();
    const waitingList = next(host, 'meeting:waiting', (w) => w.waiting.length === 1);
    await must(socket, 'meeting:join', joinAs('Robin', meetingId));
    const peerId = (await waitingList).waiting[0]?.peerId ?? '';
    const denied = next(socket, 'meeting:denied');
    await must(host, 'meeting:deny', { peerId });
    await denied;
    expect(await call(socket, 'hand:raise')).toMatchObject({
      ok: false,
      error: { code: 'NOT_ADMITTED' },
    });
  });

  it('admits everyone waiting at once, and lets later joiners straight in with auto-admit', async () => {
    const { host, meetingId } = await hostedMeeting();
    const a = await participantSocket('Ana');
    const b = await participantSocket('Ben');
    await must(a.socket, 'meeting:join', joinAs('Ana', meetingId));
    await must(b.socket, 'meeting:join', joinAs('Ben', meetingId));
    const both = Promise.all([
      next(a.socket, 'meeting:admitted'),
      next(b.socket, 'meeting:admitted'),
    ]);
    expect(await must(host, 'meeting:admitAll')).toEqual({ admitted: 2 });
    await both;
    await must(host, 'meeting:updateSettings', { autoAdmit: true });
    const c = await participantSocket('Cai');
    expect(await must(c.socket, 'meeting:join', joinAs('Cai', meetingId))).toMatchObject({
      status: 'admitted',
    });
  });

  it('refuses new joiners to a locked meeting with LOCKED', async () => {
    const { host, meetingId } = await hostedMeeting();
    await must(host, 'meeting:lock');
    const { socket } = await participantSocket();
    expect(await call(socket, 'meeting:join', joinAs('Robin', meetingId))).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    await must(host, 'meeting:unlock');
    expect(await must(socket, 'meeting:join', joinAs('Robin', meetingId))).toMatchObject({
      status: 'waiting',
    });
  });

  it('removes a participant, who cannot rejoin this occurrence, even from a new connection', async () => {
    const { host, meetingId } = await hostedMeeting();
    await must(host, 'meeting:updateSettings', { autoAdmit: true });
    const { member, socket } = await participantSocket();
    const joined = await must(socket, 'meeting:join', joinAs('Robin', meetingId));
    if (joined.status !== 'admitted') throw new Error('expected admission');
    const removed = next(socket, 'meeting:removed');
    const left = next(host, 'peer:left');
    await must(host, 'meeting:remove', { peerId: joined.room.self.peerId });
    await removed;
    expect((await left).peerId).toBe(joined.room.self.peerId);
    expect(await call(socket, 'media:createTransport', { direction: 'send' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ADMITTED' },
    });
    const again = await openMeetingSocket(haven, member.client);
    expect(await call(again, 'meeting:join', joinAs('Robin', meetingId))).toMatchObject({
      ok: false,
      error: { code: 'REMOVED' },
    });
  });

  it('lets an admitted member who lost the connection back in without the waiting room', async () => {
    const { meetingId, host } = await hostedMeeting();
    const { member, socket } = await participantSocket();
    const waitingList = next(host, 'meeting:waiting', (w) => w.waiting.length === 1);
    await must(socket, 'meeting:join', joinAs('Robin', meetingId));
    await must(host, 'meeting:admit', { peerId: (await waitingList).waiting[0]?.peerId ?? '' });
    await must(host, 'meeting:lock');
    const left = next(host, 'peer:left');
    socket.disconnect();
    await left;
    const again = await openMeetingSocket(haven, member.client);
    expect(await must(again, 'meeting:join', joinAs('Robin', meetingId))).toMatchObject({
      status: 'admitted',
    });
  });

  it('ends the meeting for everyone and forgets it', async () => {
    const { host, meetingId } = await hostedMeeting();
    await must(host, 'meeting:updateSettings', { autoAdmit: true });
    const { socket } = await participantSocket();
    await must(socket, 'meeting:join', joinAs('Robin', meetingId));
    const ended = next(socket, 'meeting:ended');
    await must(host, 'meeting:end');
    expect(await ended).toEqual({ reason: 'ended-by-host' });
    expect(haven.haven.live.get(meetingId)).toBeUndefined();
    expect(await must(socket, 'meeting:status', { meetingId })).toMatchObject({ live: false });
  });
});
