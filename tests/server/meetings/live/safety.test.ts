import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { FakePeer } from './fake-peer.ts';
import {
  call,
  closeSockets,
  joinAs,
  must,
  next,
  only,
  openMeetingSocket,
  roomWith,
} from './helpers.ts';

/** "Pause everything": the safety switch, enforced on the server. */

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterEach(() => closeSockets());
afterAll(async () => {
  await haven.close();
});

async function roomWithTwo() {
  const room = await roomWith(haven, ['Robin']);
  await must(room.host, 'meeting:updateSettings', { participantsMayShareScreen: true });
  const robin = only(room.people);
  const host = await FakePeer.connect(room.host, room.hostRoom.routerRtpCapabilities);
  const guest = await FakePeer.connect(robin.socket, robin.room.routerRtpCapabilities);
  return { meetingId: room.meetingId, host, guest, guestPeerId: robin.peerId };
}

const meetingOf = (meetingId: string) => {
  const meeting = haven.haven.live.get(meetingId);
  if (!meeting) throw new Error('meeting not live');
  return meeting;
};

const codeOf = (answer: { ok: boolean; error?: { code: string } }) =>
  answer.ok ? 'accepted' : answer.error?.code;

describe('pause everything', () => {
  it('stops every participant’s media and chat at once, locks, and keeps facilitators’ voices', async () => {
    const { meetingId, host, guest, guestPeerId } = await roomWithTwo();
    const hostMic = await host.produce('mic');
    const micId = await guest.produce('mic');
    await guest.produce('camera');
    await guest.produce('screen');
    const settings = next(guest.socket, 'meeting:settings', (s) => s.paused);
    expect(await must(host.socket, 'meeting:pause')).toEqual({ muted: 1, videoStopped: 1 });
    expect(await settings).toMatchObject({ paused: true, locked: true });
    const media = meetingOf(meetingId).media;
    expect(media.producerOf(guestPeerId, 'mic')).toMatchObject({ producerId: micId, paused: true });
    expect(media.producerOf(guestPeerId, 'camera')).toBeUndefined();
    expect(media.producerOf(guestPeerId, 'screen')).toBeUndefined();
    expect(media.producers().find((p) => p.producerId === hostMic)?.paused).toBe(false);

    // Refused on the server, whatever the client does.
    expect(codeOf(await call(guest.socket, 'media:resumeProducer', { producerId: micId }))).toBe(
      'PAUSED',
    );
    await expect(guest.produce('camera')).rejects.toThrow(/PAUSED/);
    expect(codeOf(await call(guest.socket, 'chat:send', { text: 'hello', to: 'everyone' }))).toBe(
      'PAUSED',
    );
    // Facilitators still speak and write to the room.
    expect(
      codeOf(await call(host.socket, 'chat:send', { text: 'A short pause', to: 'everyone' })),
    ).toBe('accepted');
    // The door is locked: nobody new comes in.
    const late = await signUpAs(haven, ['participant']);
    const lateSocket = await openMeetingSocket(haven, late.client);
    expect(codeOf(await call(lateSocket, 'meeting:join', joinAs('Late', meetingId)))).toBe(
      'LOCKED',
    );
  });

  it('resumes without unmuting anyone, and restores the lock as it was', async () => {
    const { meetingId, host, guest, guestPeerId } = await roomWithTwo();
    const micId = await guest.produce('mic');
    await must(host.socket, 'meeting:pause');
    await must(host.socket, 'meeting:resume');
    const meeting = meetingOf(meetingId);
    expect(meeting.settings).toMatchObject({ paused: false, locked: false });
    expect(meeting.media.producerOf(guestPeerId, 'mic')?.paused).toBe(true);
    // Each person chooses to speak again.
    await must(guest.socket, 'media:resumeProducer', { producerId: micId });
    expect(meeting.media.producerOf(guestPeerId, 'mic')?.paused).toBe(false);
    expect(codeOf(await call(guest.socket, 'chat:send', { text: 'back', to: 'everyone' }))).toBe(
      'accepted',
    );
    // A meeting locked before the pause stays locked after it.
    await must(host.socket, 'meeting:lock');
    await must(host.socket, 'meeting:pause');
    await must(host.socket, 'meeting:resume');
    expect(meeting.settings.locked).toBe(true);
  });

  it('is a facilitator’s switch only', async () => {
    const { meetingId, guest } = await roomWithTwo();
    expect(codeOf(await call(guest.socket, 'meeting:pause'))).toBe('FORBIDDEN');
    expect(codeOf(await call(guest.socket, 'meeting:resume'))).toBe('FORBIDDEN');
    expect(meetingOf(meetingId).settings.paused).toBe(false);
  });
});
