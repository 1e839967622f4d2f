import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { codeOf, manual, meetingOf, placesIn, roomOfFour } from './breakout-fixtures.ts';
import { call, closeSockets, joinAs, must, next, openMeetingSocket, roomWith } from './helpers.ts';

/**
 * Breakout rooms: opened, moved and closed by facilitators only, on time, with everyone's
 * place kept across a dropped connection. What they keep apart: breakout-isolation.test.ts.
 */

/** A breakout "minute" in these tests, so rooms close on time within a test. */
const MINUTE_MS = 400;

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven({ breakoutMinuteMs: MINUTE_MS });
});
afterEach(() => closeSockets());
afterAll(async () => {
  await haven.close();
});

describe('breakout rooms', () => {
  it('are for facilitators only: a participant can open, move, message or close nothing', async () => {
    const { meetingId, host, ana, ben } = await roomOfFour(haven);
    for (const [event, payload] of [
      ['breakout:open', { rooms: 2, assign: 'random', minutes: 10 }],
      ['breakout:move', { peerId: ana.peerId, room: 1 }],
      ['breakout:broadcast', { text: 'Back in one minute' }],
      ['breakout:close', {}],
    ] as const)
      expect(codeOf(await call(ben.socket, event as never, payload as never))).toBe('FORBIDDEN');
    expect(meetingOf(haven, meetingId).breakouts.isOpen).toBe(false);

    await must(host, 'breakout:open', manual([{ peerId: ana.peerId, room: 1 }]));
    expect(codeOf(await call(ana.socket, 'breakout:move', { peerId: ana.peerId, room: 2 }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await call(ana.socket, 'breakout:close'))).toBe('FORBIDDEN');
    expect(placesIn(haven, meetingId)).toMatchObject({ Ana: 1, Ben: null });
  });

  it('refuses bad requests with a clear code and changes nothing', async () => {
    const { meetingId, host, ana } = await roomOfFour(haven);
    const refused = async (payload: unknown) =>
      codeOf(await call(host, 'breakout:open', payload as never));
    expect(await refused({ rooms: 1, assign: 'random', minutes: 10 })).toBe('INVALID_PAYLOAD');
    expect(await refused({ rooms: 21, assign: 'random', minutes: 10 })).toBe('INVALID_PAYLOAD');
    expect(await refused({ rooms: 2, assign: 'random', minutes: 0 })).toBe('INVALID_PAYLOAD');
    expect(await refused(manual([{ peerId: ana.peerId, room: 3 }]))).toBe('INVALID_INPUT');
    expect(await refused(manual([]))).toBe('INVALID_INPUT');
    expect(await refused(manual([{ peerId: 'p_nobodynobodyno', room: 1 }]))).toBe('NOT_FOUND');
    expect(
      await refused(
        manual([
          { peerId: ana.peerId, room: 1 },
          { peerId: ana.peerId, room: 2 },
        ]),
      ),
    ).toBe('INVALID_INPUT');
    expect(codeOf(await call(host, 'breakout:move', { peerId: ana.peerId, room: 1 }))).toBe(
      'INVALID_TRANSITION',
    );
    expect(codeOf(await call(host, 'breakout:broadcast', { text: 'hello' }))).toBe(
      'INVALID_TRANSITION',
    );
    expect(meetingOf(haven, meetingId).breakouts.isOpen).toBe(false);
    expect(Object.values(placesIn(haven, meetingId)).every((place) => place === null)).toBe(true);

    await must(host, 'breakout:open', manual([{ peerId: ana.peerId, room: 1 }]));
    expect(codeOf(await call(host, 'breakout:open', manual([])))).toBe('CONFLICT');
    expect(codeOf(await call(host, 'breakout:move', { peerId: ana.peerId, room: 3 }))).toBe(
      'INVALID_INPUT',
    );
    expect(placesIn(haven, meetingId).Ana).toBe(1);
  });

  it('spreads participants evenly at random, tells everyone, and leaves facilitators free', async () => {
    const room = await roomWith(haven, ['Ana', 'Ben', 'Cleo', 'Dev']);
    const ana = room.people[0] as (typeof room.people)[0];
    const stateSeen = next(ana.socket, 'breakout:state', (s) => s.open);
    const movedSeen = next(ana.socket, 'breakout:moved');
    const state = await must(room.host, 'breakout:open', {
      rooms: 2,
      assign: 'random',
      minutes: 20,
    });
    expect(state).toMatchObject({ open: true, rooms: 2 });
    expect(state.endsAt).toBe(state.serverNow + 20 * MINUTE_MS);
    expect(await stateSeen).toMatchObject({ open: true, rooms: 2, endsAt: state.endsAt });
    const places = placesIn(haven, room.meetingId);
    expect(places.Fran).toBeNull();
    const counts = [1, 2].map((n) => Object.values(places).filter((p) => p === n).length);
    expect(counts).toEqual([2, 2]);
    expect((await movedSeen).room).toBe(places.Ana);
  });

  it('brings everyone back when the time is up, with media open between them again', async () => {
    const { meetingId, host, ana, cleo, media } = await roomOfFour(haven);
    const anaMic = await media.ana.produce('mic');
    await must(
      host,
      'breakout:open',
      manual(
        [
          { peerId: ana.peerId, room: 1 },
          { peerId: cleo.peerId, room: 2 },
        ],
        1,
      ),
    );
    const cleoBack = next(cleo.socket, 'breakout:moved', (m) => m.room === null);
    const closed = await next(cleo.socket, 'breakout:state', (s) => !s.open);
    expect(closed).toMatchObject({ open: false, rooms: 0, endsAt: null });
    expect((await cleoBack).producers.map((p) => p.producerId)).toContain(anaMic);
    expect(Object.values(placesIn(haven, meetingId)).every((place) => place === null)).toBe(true);
    await expect(media.cleo.consume(anaMic)).resolves.toBeTruthy();
  });

  it('takes someone whose connection dropped back into their room', async () => {
    const { meetingId, host, cleo } = await roomOfFour(haven);
    await must(host, 'breakout:open', manual([{ peerId: cleo.peerId, room: 2 }]));
    cleo.socket.disconnect();
    await expect.poll(() => placesIn(haven, meetingId).Cleo).toBeUndefined();
    const again = await openMeetingSocket(haven, cleo.member.client);
    const joined = await must(again, 'meeting:join', joinAs('Cleo', meetingId));
    if (joined.status !== 'admitted') throw new Error('not admitted');
    expect(joined.room.self.breakoutRoom).toBe(2);
    expect(joined.room.breakouts).toMatchObject({ open: true, rooms: 2 });
    expect(placesIn(haven, meetingId)).toMatchObject({ Cleo: 2, Ana: null });
  });
});
