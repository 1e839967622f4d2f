import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { FakePeer } from './fake-peer.ts';
import { call, closeSockets, joinAs, must, next, openMeetingSocket, roomWith } from './helpers.ts';

/** The check-in round: turns in order, spotlit, passed, skipped, joined late, ended. */

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterEach(() => closeSockets());
afterAll(async () => {
  await haven.close();
});

async function checkinWith(names: string[]) {
  const room = await roomWith(haven, names);
  return {
    ...room,
    hostPeerId: room.hostRoom.self.peerId,
    people: room.people.map((p) => ({
      ...p,
      joined: { status: 'admitted' as const, room: p.room },
    })),
  };
}

const codeOf = (answer: { ok: boolean; error?: { code: string } }) =>
  answer.ok ? 'accepted' : answer.error?.code;

describe('the check-in round', () => {
  it('belongs to the check-in segment', async () => {
    const { host } = await checkinWith(['Ana']);
    expect(codeOf(await call(host, 'round:start', { order: 'admitted' }))).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('gives each person a turn in the order they came in, spotlit, and lets them pass', async () => {
    const { meetingId, host, hostPeerId, people } = await checkinWith(['Ana', 'Ben']);
    const [ana, ben] = people as [(typeof people)[0], (typeof people)[0]];
    await must(host, 'agenda:start');
    await must(host, 'agenda:next');
    const seen = next(ana.socket, 'round:state', (s) => s.active);
    const started = await must(host, 'round:start', { order: 'admitted', turnSeconds: 90 });
    expect(started).toMatchObject({
      active: true,
      speakers: [hostPeerId, ana.peerId, ben.peerId],
      index: 0,
      turnSeconds: 90,
    });
    expect((await seen).speakers).toEqual(started.speakers);
    const meeting = haven.haven.live.get(meetingId);
    expect(meeting?.settings.spotlightPeerId).toBe(hostPeerId);
    expect((await must(host, 'round:next')).index).toBe(1);
    expect(meeting?.settings.spotlightPeerId).toBe(ana.peerId);
    // Only the current speaker may pass; Ben cannot pass Ana's turn.
    expect(codeOf(await call(ben.socket, 'round:pass'))).toBe('INVALID_TRANSITION');
    const passed = await must(ana.socket, 'round:pass');
    expect(passed).toMatchObject({ index: 2, passed: [ana.peerId] });
    // After the last speaker the round ends and the spotlight goes.
    const ended = await must(host, 'round:next');
    expect(ended.active).toBe(false);
    expect(meeting?.settings.spotlightPeerId).toBeNull();
  });

  it('skips someone who left, adds a latecomer at the end, and keeps others muted if asked', async () => {
    const { meetingId, host, people } = await checkinWith(['Ana', 'Ben', 'Cal']);
    const [ana, ben, cal] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const benPeer = await FakePeer.connect(
      ben.socket,
      ben.joined.status === 'admitted' ? ben.joined.room.routerRtpCapabilities : {},
    );
    await benPeer.produce('mic');
    await must(host, 'agenda:start');
    await must(host, 'agenda:next');
    await must(host, 'round:start', {
      order: 'manual',
      peerIds: [ana.peerId, cal.peerId, ben.peerId],
      muteOthers: true,
    });
    // Ana speaks; Ben's microphone is paused by the round.
    const meeting = haven.haven.live.get(meetingId);
    expect(meeting?.media.producerOf(ben.peerId, 'mic')?.paused).toBe(true);
    const calLeft = next(host, 'peer:left');
    cal.socket.disconnect();
    await calLeft;
    const late = await signUpAs(haven, ['participant'], { displayName: 'Dee' });
    const dee = await openMeetingSocket(haven, late.client);
    const deeJoined = await must(dee, 'meeting:join', joinAs('Dee', meetingId));
    if (deeJoined.status !== 'admitted') throw new Error('Dee not admitted');
    const after = await must(host, 'round:next');
    // Cal left: Ben is next; Dee speaks last.
    expect(after.speakers[after.index]).toBe(ben.peerId);
    expect(after.speakers.at(-1)).toBe(deeJoined.room.self.peerId);
  });

  it('lets a facilitator skip someone not ready: asked again after the others, then passed over', async () => {
    const { host, people } = await checkinWith(['Ana', 'Ben']);
    const [ana, ben] = people as [(typeof people)[0], (typeof people)[0]];
    await must(host, 'agenda:start');
    await must(host, 'agenda:next');
    await must(host, 'round:start', { order: 'manual', peerIds: [ana.peerId, ben.peerId] });
    expect(codeOf(await call(ben.socket, 'round:skip'))).toBe('FORBIDDEN');
    const skipped = await must(host, 'round:skip');
    // Ben now; Ana at the end, to be asked again.
    expect(skipped.speakers).toEqual([ben.peerId, ana.peerId]);
    expect(skipped.speakers[skipped.index]).toBe(ben.peerId);
    expect(skipped.skipped).toEqual([ana.peerId]);
    const again = await must(host, 'round:next');
    expect(again.speakers[again.index]).toBe(ana.peerId);
    // Skipped a second time: passed over, and the round is over.
    expect((await must(host, 'round:skip')).active).toBe(false);
  });

  it('refuses a manual order naming someone not in the room', async () => {
    const { host } = await checkinWith(['Ana']);
    await must(host, 'agenda:start');
    await must(host, 'agenda:next');
    const answer = await call(host, 'round:start', {
      order: 'manual',
      peerIds: ['p_notinroom123'],
    });
    expect(codeOf(answer)).toBe('INVALID_INPUT');
  });
});
