import { describe, expect, it } from 'vitest';
import {
  agendaView,
  clockText,
} from '../../../../client/src/features/meetings/live/agenda-view.ts';
import {
  agendaChanged,
  helpAlertReceived,
  roomFromSnapshot,
} from '../../../../client/src/features/meetings/live/room-state.ts';
import { type AgendaState, DEFAULT_AGENDA } from '../../../../shared/meetings/agenda.ts';
import { snapshot } from './fixtures.ts';

const SERVER_START = 1_800_000_000_000;
const state = (over: Partial<AgendaState> = {}): AgendaState => ({
  segments: DEFAULT_AGENDA,
  index: 1,
  startedAt: SERVER_START,
  extendedMinutes: 0,
  serverNow: SERVER_START,
  ...over,
});

describe('the agenda bar’s view', () => {
  it('counts down the current segment on the server’s clock, whatever this browser’s says', () => {
    // This browser's clock is 7 minutes behind the server's.
    const offset = 7 * 60_000;
    const browserNow = SERVER_START - offset + 61_500;
    const view = agendaView(state(), offset, browserNow);
    expect(view).toMatchObject({ position: 2, count: 6, started: true, over: false });
    // Check-in is 15 minutes; 61.5 s have gone: 13 min 58.5 s left, shown rounded up.
    expect(view.secondsLeft).toBe(13 * 60 + 59);
    expect(view.next).toEqual(DEFAULT_AGENDA[2]);
  });

  it('adds the minutes a facilitator extended, and says when time is up', () => {
    const extended = agendaView(state({ extendedMinutes: 5 }), 0, SERVER_START + 16 * 60_000);
    expect(extended.secondsLeft).toBe(4 * 60);
    const over = agendaView(state(), 0, SERVER_START + 15 * 60_000);
    expect(over).toMatchObject({ over: true, secondsLeft: 0 });
  });

  it('shows a segment’s full length before it starts, and nothing after the last', () => {
    const view = agendaView(state({ index: 5, startedAt: null }), 0, SERVER_START);
    expect(view).toMatchObject({ started: false, over: false, secondsLeft: 12 * 60, next: null });
  });

  it('writes times as m:ss, and h:mm:ss past an hour', () => {
    expect(clockText(0)).toBe('0:00');
    expect(clockText(65)).toBe('1:05');
    expect(clockText(3723)).toBe('1:02:03');
  });
});

describe('the room’s agenda', () => {
  it('takes the server’s clock offset from the snapshot and from each agenda:state', () => {
    const room = roomFromSnapshot(
      snapshot({ agenda: state({ serverNow: SERVER_START + 1000 }) }),
      SERVER_START - 4000,
    );
    expect(room.clockOffsetMs).toBe(5000);
    const moved = agendaChanged(room, state({ index: 2, serverNow: SERVER_START }), SERVER_START);
    expect(moved.agenda.index).toBe(2);
    expect(moved.clockOffsetMs).toBe(0);
  });
});

describe('help alerts in the room', () => {
  it('adds a new alert and replaces one that has been seen, in place', () => {
    const room = roomFromSnapshot(snapshot());
    const alert = {
      id: 'a1',
      fromPeerId: 'p_anaanaanaana',
      fromName: 'Ana',
      text: null,
      sentAt: 1,
      seen: false,
    };
    const added = helpAlertReceived(room, alert);
    expect(added.helpAlerts).toEqual([alert]);
    const second = helpAlertReceived(added, { ...alert, id: 'a2' });
    const seen = helpAlertReceived(second, { ...alert, seen: true });
    expect(seen.helpAlerts.map((a) => [a.id, a.seen])).toEqual([
      ['a1', true],
      ['a2', false],
    ]);
  });
});
