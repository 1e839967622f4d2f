import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LivePeer } from '../../../../server/meetings/live/live-peer.ts';
import { meetingClientEvents } from '../../../../shared/meetings/live/events.ts';
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
} from './helpers.ts';

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterEach(() => closeSockets());
afterAll(async () => {
  await haven.close();
});

async function roomWith(names: string[]) {
  const { facilitator, meetingId } = await meetingInProgress(haven);
  const host = await openMeetingSocket(haven, facilitator.client);
  const opened = await must(host, 'meeting:join', joinAs('Fran', meetingId));
  if (opened.status !== 'admitted') throw new Error('host not admitted');
  await must(host, 'meeting:updateSettings', { autoAdmit: true });
  const people = [];
  for (const name of names) {
    const member = await signUpAs(haven, ['participant'], { displayName: name });
    const socket = await openMeetingSocket(haven, member.client);
    const joined = await must(socket, 'meeting:join', joinAs(name, meetingId));
    if (joined.status !== 'admitted') throw new Error(`${name} not admitted`);
    people.push({ socket, peerId: joined.room.self.peerId });
  }
  return { meetingId, host, hostPeerId: opened.room.self.peerId, people };
}

const live = (meetingId: string) => {
  const meeting = haven.haven.live.get(meetingId);
  if (!meeting) throw new Error('not live');
  return meeting;
};

/** What a participant could change: a fingerprint of the room's state. */
function stateOf(meetingId: string) {
  const meeting = live(meetingId);
  return JSON.stringify({
    settings: meeting.settings,
    peers: meeting
      .peers()
      .map((p) => [p.peerId, p.displayName, p.role, p.state, p.handRaisedOrder, p.breakoutRoom]),
    breakouts: meeting.breakouts.isOpen,
    // Read as the host, who may read every line.
    chat: meeting.chat.visibleTo(meeting.admitted().find((p) => p.role === 'host') as LivePeer)
      .length,
  });
}

describe('facilitator controls, enforced on the server', () => {
  it('refuses a participant every facilitator action and changes nothing', async () => {
    const { meetingId, hostPeerId, people } = await roomWith(['Ana', 'Ben']);
    const [ana, ben] = people;
    if (!ana || !ben) throw new Error('two participants expected');
    const facilitatorEvents = Object.entries(meetingClientEvents)
      .filter(([, spec]) => spec.access === 'facilitator')
      .map(([event]) => event);
    expect(facilitatorEvents.length).toBeGreaterThanOrEqual(17);
    const payloads: Record<string, unknown> = {
      'meeting:rename': { peerId: ben.peerId, displayName: 'Someone' },
      'meeting:spotlight': { peerId: ben.peerId },
      'meeting:updateSettings': { autoAdmit: false },
      'chat:delete': { messageId: 'abc' },
      'agenda:extend': { minutes: 5 },
      'help:acknowledge': { alertId: 'abc' },
      'round:start': { order: 'admitted' },
      'breakout:open': { rooms: 2, assign: 'random', minutes: 10 },
      'breakout:move': { peerId: ben.peerId, room: 1 },
      'breakout:broadcast': { text: 'Five minutes left' },
    };
    const before = stateOf(meetingId);
    for (const event of facilitatorEvents) {
      const payload = payloads[event] ?? {
        peerId: event.includes('demote') ? hostPeerId : ben.peerId,
      };
      const generic = [
        'meeting:lock',
        'meeting:unlock',
        'meeting:admitAll',
        'meeting:muteAll',
        'meeting:lowerAllHands',
        'meeting:end',
        'meeting:pause',
        'meeting:resume',
        'round:next',
        'round:end',
        'round:skip',
        'agenda:start',
        'agenda:next',
        'agenda:back',
        'breakout:close',
      ];
      const answer = await call(
        ana.socket,
        event as 'meeting:lock',
        (generic.includes(event) ? {} : payload) as never,
      );
      expect(answer, event).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(stateOf(meetingId)).toBe(before);
  });

  it('shows a renamed person’s earlier chat lines under the new name', async () => {
    const { host, people } = await roomWith(['Ana']);
    const [ana] = people;
    if (!ana) throw new Error('participant expected');
    await must(ana.socket, 'chat:send', { text: 'Hello everyone', to: 'everyone' });
    await must(host, 'meeting:rename', { peerId: ana.peerId, displayName: 'A.' });
    const promoted = next(ana.socket, 'meeting:admitted');
    await must(host, 'meeting:promote', { peerId: ana.peerId });
    const line = (await promoted).room.chat.find((m) => m.text === 'Hello everyone');
    expect(line?.fromName).toBe('A.');
  });

  it('renames, spotlights, promotes and demotes, telling the room', async () => {
    const { meetingId, host, people } = await roomWith(['Ana']);
    const [ana] = people;
    if (!ana) throw new Error('participant expected');
    const renamed = next(ana.socket, 'peer:updated', (p) => p.displayName === 'A.');
    await must(host, 'meeting:rename', { peerId: ana.peerId, displayName: 'A.' });
    await renamed;
    const spotlight = next(ana.socket, 'meeting:settings');
    await must(host, 'meeting:spotlight', { peerId: ana.peerId });
    expect((await spotlight).spotlightPeerId).toBe(ana.peerId);
    const promoted = next(ana.socket, 'meeting:admitted');
    await must(host, 'meeting:promote', { peerId: ana.peerId });
    expect((await promoted).room.self.role).toBe('cofacilitator');
    // Now a co-facilitator, Ana may lock the meeting.
    await must(ana.socket, 'meeting:lock');
    expect(live(meetingId).settings.locked).toBe(true);
    await must(host, 'meeting:demote', { peerId: ana.peerId });
    expect(await call(ana.socket, 'meeting:unlock')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('keeps the raised-hand queue in order for facilitators, and lowers all hands', async () => {
    const { meetingId, host, people } = await roomWith(['Ana', 'Ben']);
    const [ana, ben] = people;
    if (!ana || !ben) throw new Error('two participants expected');
    await must(ben.socket, 'hand:raise');
    const queue = next(host, 'hand:queue', (q) => q.queue.length === 2);
    await must(ana.socket, 'hand:raise');
    expect((await queue).queue).toEqual([ben.peerId, ana.peerId]);
    // A participant cannot lower someone else's hand.
    expect(await call(ana.socket, 'hand:lower', { peerId: ben.peerId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const cleared = next(host, 'hand:queue', (q) => q.queue.length === 0);
    await must(host, 'meeting:lowerAllHands');
    await cleared;
    expect(
      live(meetingId)
        .admitted()
        .every((p) => p.handRaisedOrder === null),
    ).toBe(true);
  });

  it('mutes every participant at once, not the facilitators', async () => {
    const { meetingId, host, people } = await roomWith(['Ana', 'Ben']);
    const told = people.map((p) => next(p.socket, 'meeting:mutedByFacilitator'));
    await must(host, 'meeting:muteAll');
    await Promise.all(told);
    expect(live(meetingId).peers().length).toBe(3);
  });

  it('ends the meeting when the last facilitator has been gone for the grace period', async () => {
    const graceHaven = await startTestHaven({ facilitatorGraceMs: 300 });
    try {
      const { facilitator, meetingId } = await meetingInProgress(graceHaven);
      const host = await openMeetingSocket(graceHaven, facilitator.client);
      await must(host, 'meeting:join', joinAs('Fran', meetingId));
      await must(host, 'meeting:updateSettings', { autoAdmit: true });
      const member = await signUpAs(graceHaven);
      const socket = await openMeetingSocket(graceHaven, member.client);
      await must(socket, 'meeting:join', joinAs('Robin', meetingId));
      const ended = next(socket, 'meeting:ended');
      await must(host, 'meeting:leave');
      expect(await ended).toEqual({ reason: 'no-facilitator' });
    } finally {
      closeSockets();
      await graceHaven.close();
    }
  });
});
