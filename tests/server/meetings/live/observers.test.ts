import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { FakePeer } from './fake-peer.ts';
import {
  call,
  closeSockets,
  joinAs,
  meetingInProgress,
  must,
  next,
  openMeetingSocket,
} from './helpers.ts';

/** Observer mode: joining to listen only, refused every production until a facilitator allows. */

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterEach(() => closeSockets());
afterAll(async () => {
  await haven.close();
});

async function roomWithListener() {
  const { facilitator, meetingId } = await meetingInProgress(haven);
  const hostSocket = await openMeetingSocket(haven, facilitator.client);
  const opened = await must(hostSocket, 'meeting:join', joinAs('Fran', meetingId));
  if (opened.status !== 'admitted') throw new Error('host not admitted');
  await must(hostSocket, 'meeting:updateSettings', { autoAdmit: true });
  const member = await signUpAs(haven, ['participant'], { displayName: 'Lee' });
  const socket = await openMeetingSocket(haven, member.client);
  const joined = await must(socket, 'meeting:join', {
    ...joinAs('Lee', meetingId),
    observer: true,
  });
  if (joined.status !== 'admitted') throw new Error('Lee not admitted');
  const lee = await FakePeer.connect(socket, joined.room.routerRtpCapabilities);
  const host = await FakePeer.connect(hostSocket, opened.room.routerRtpCapabilities);
  return { host, lee, self: joined.room.self };
}

describe('observer mode', () => {
  it('shows a listener as such, and refuses them every microphone, camera and screen', async () => {
    const { host, lee, self } = await roomWithListener();
    expect(self.observer).toBe(true);
    for (const source of ['mic', 'camera', 'screen'] as const)
      await expect(lee.produce(source)).rejects.toThrow(/FORBIDDEN/);
    // Listening still hears the room.
    const micId = await host.produce('mic');
    await expect(lee.consume(micId)).resolves.toBeDefined();
  });

  it('lets a facilitator, and only a facilitator, allow a listener to take part', async () => {
    const { host, lee, self } = await roomWithListener();
    const own = await call(lee.socket, 'meeting:allowParticipation', { peerId: self.peerId });
    expect(own.ok ? 'accepted' : own.error.code).toBe('FORBIDDEN');
    const updated = next(lee.socket, 'peer:updated', (p) => p.peerId === self.peerId);
    await must(host.socket, 'meeting:allowParticipation', { peerId: self.peerId });
    expect((await updated).observer).toBe(false);
    await expect(lee.produce('mic')).resolves.toEqual(expect.any(String));
  });

  it('never makes a facilitator a listener', async () => {
    const { facilitator, meetingId } = await meetingInProgress(haven);
    const socket = await openMeetingSocket(haven, facilitator.client);
    const opened = await must(socket, 'meeting:join', {
      ...joinAs('Fran', meetingId),
      observer: true,
    });
    if (opened.status !== 'admitted') throw new Error('host not admitted');
    expect(opened.room.self.observer).toBe(false);
  });
});
