import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { FakePeer } from './fake-peer.ts';
import {
  call,
  closeSockets,
  joinAs,
  meetingInProgress,
  must,
  next,
  only,
  openMeetingSocket,
  roomWith,
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
  const room = await roomWith(haven, ['Lee'], { observer: true });
  const listener = only(room.people);
  const lee = await FakePeer.connect(listener.socket, listener.room.routerRtpCapabilities);
  const host = await FakePeer.connect(room.host, room.hostRoom.routerRtpCapabilities);
  return { host, lee, self: listener.room.self };
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
