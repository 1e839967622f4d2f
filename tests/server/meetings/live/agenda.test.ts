import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA, segmentTimeLeft } from '../../../../shared/meetings/agenda.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
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

/** The live meeting's agenda: one clock, the server's, moved only by facilitators. */

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterEach(() => closeSockets());
afterAll(async () => {
  await haven.close();
});

const ownAgenda = [
  { kind: 'welcome', minutes: 5 },
  { kind: 'checkin', minutes: 15 },
  { kind: 'custom', title: 'Reading', minutes: 10 },
];

async function roomWithParticipant(meeting: Record<string, unknown> = {}) {
  const room = await roomWith(haven, ['Robin'], { meeting });
  const robin = only(room.people);
  return {
    ...room,
    opened: room.hostRoom,
    robin: robin.socket,
    member: robin.member,
    joined: robin.room,
  };
}

describe('the live agenda', () => {
  it('starts with the meeting’s own agenda, not yet running', async () => {
    const { opened, joined } = await roomWithParticipant({ agenda: ownAgenda });
    expect(opened.agenda).toMatchObject({ segments: ownAgenda, index: 0, startedAt: null });
    expect(joined.agenda.segments).toEqual(ownAgenda);
  });

  it('is moved by a facilitator and seen by everyone, on the server’s clock', async () => {
    const { host, robin } = await roomWithParticipant();
    const seen = next(robin, 'agenda:state');
    const before = Date.now();
    const started = await must(host, 'agenda:start');
    expect(started.startedAt).toBeGreaterThanOrEqual(before);
    expect(await seen).toMatchObject({ index: 0, startedAt: started.startedAt });
    const moved = await must(host, 'agenda:next');
    expect(moved).toMatchObject({ index: 1, extendedMinutes: 0 });
    expect(moved.segments[1]).toEqual(DEFAULT_AGENDA[1]);
    const extended = await must(host, 'agenda:extend', { minutes: 5 });
    // 15 minutes of check-in and 5 more, counted from when it started.
    expect(segmentTimeLeft(extended, extended.startedAt ?? 0)).toBe(20 * 60_000);
    expect((await must(host, 'agenda:back')).index).toBe(0);
  });

  it('gives a late joiner and a reconnected tab the same state', async () => {
    const { host, meetingId, member } = await roomWithParticipant();
    await must(host, 'agenda:start');
    const state = await must(host, 'agenda:next');
    const again = await openMeetingSocket(haven, member.client);
    const rejoined = await must(again, 'meeting:join', joinAs('Robin', meetingId));
    if (rejoined.status !== 'admitted') throw new Error('not admitted');
    expect(rejoined.room.agenda).toMatchObject({
      index: state.index,
      startedAt: state.startedAt,
      extendedMinutes: 0,
    });
    expect(rejoined.room.agenda.serverNow).toBeGreaterThanOrEqual(state.serverNow);
  });

  it('refuses a participant moving it, and changes nothing', async () => {
    const { host, robin } = await roomWithParticipant();
    for (const event of ['agenda:start', 'agenda:next', 'agenda:back'] as const) {
      const answer = await call(robin, event);
      expect(answer.ok ? 'accepted' : answer.error.code).toBe('FORBIDDEN');
    }
    const extend = await call(robin, 'agenda:extend', { minutes: 5 });
    expect(extend.ok ? 'accepted' : extend.error.code).toBe('FORBIDDEN');
    expect((await must(host, 'agenda:start')).index).toBe(0);
  });

  it('refuses going past either end, extending before the start, and bad minutes', async () => {
    const { host } = await roomWithParticipant({ agenda: ownAgenda.slice(0, 2) });
    const early = await call(host, 'agenda:extend', { minutes: 5 });
    expect(early.ok ? 'accepted' : early.error.code).toBe('INVALID_TRANSITION');
    const back = await call(host, 'agenda:back');
    expect(back.ok ? 'accepted' : back.error.code).toBe('INVALID_TRANSITION');
    await must(host, 'agenda:next');
    const past = await call(host, 'agenda:next');
    expect(past.ok ? 'accepted' : past.error.code).toBe('INVALID_TRANSITION');
    for (const minutes of [0, 31, 2.5, '5']) {
      const bad = await call(host, 'agenda:extend', { minutes } as never);
      expect(bad.ok ? 'accepted' : bad.error.code).toBe('INVALID_PAYLOAD');
    }
    expect(await must(host, 'agenda:extend', { minutes: 1 })).toMatchObject({
      index: 1,
      extendedMinutes: 1,
    });
  });
});
