import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../client/src/api/errors.ts';
import type { DirectoryApi } from '../../../../client/src/features/meetings/directory/api.ts';
import {
  listRequest,
  weekRequest,
} from '../../../../client/src/features/meetings/directory/filters.ts';
import type { MeetingView } from '../../../../client/src/features/meetings/directory/model.ts';
import {
  keepToday,
  makeDirectoryStore,
} from '../../../../client/src/features/meetings/directory/store.ts';
import { DEFAULT_AGENDA } from '../../../../shared/meetings/agenda.ts';

const id = (n: number) => n.toString(16).padStart(24, '0');

const TUESDAY = {
  startsAt: '2026-10-20T18:00:00.000Z',
  endsAt: '2026-10-20T19:00:00.000Z',
  startsAtLocal: '2026-10-20T19:00:00.000+01:00',
  endsAtLocal: '2026-10-20T20:00:00.000+01:00',
  weekdayLocal: 2,
};

function meeting(n: number, over: Partial<MeetingView> = {}): MeetingView {
  return {
    id: id(n),
    title: `Meeting ${n}`,
    description: 'd',
    type: 'open',
    audience: null,
    format: 'online',
    language: 'en',
    recurrence: {
      kind: 'weekly',
      weekdays: [2, 4],
      localTime: '19:00',
      timeZone: 'Europe/London',
      startsOn: '2026-01-01',
    },
    durationMinutes: 60,
    facilitatorIds: [],
    facilitators: [],
    capacity: 20,
    partnerId: null,
    location: null,
    area: {},
    eligibility: null,
    createdBy: null,
    createdAt: '',
    updatedAt: '',
    nextOccurrence: TUESDAY,
    inProgress: false,
    agenda: DEFAULT_AGENDA,
    ...over,
  };
}

/** A fake directory API: every method refuses unless the test gives it an answer. */
function fakeApi(overrides: Partial<DirectoryApi>): DirectoryApi {
  const refuse = async () => {
    throw new Error('not expected in this test');
  };
  return {
    list: refuse,
    get: refuse,
    occurrences: refuse,
    occurrencesOf: refuse,
    create: refuse,
    update: refuse,
    remove: refuse,
    join: refuse,
    partnerName: refuse,
    feedback: refuse,
    ...overrides,
  };
}

const at = Date.parse('2026-10-20T12:00:00Z');

describe('the directory store', () => {
  it('loads a list, reuses it while fresh and appends "Load more" pages once', async () => {
    const list = vi.fn(async (params: Record<string, string>) =>
      params.cursor
        ? { items: [meeting(2), meeting(3)], nextCursor: null }
        : { items: [meeting(1), meeting(2)], nextCursor: 'next' },
    );
    let now = at;
    const store = makeDirectoryStore(
      async () => fakeApi({ list }),
      () => now,
    );
    const request = listRequest({ language: 'en' }, 'UTC', at);
    await store.getState().showList(request);
    expect(store.getState().list).toMatchObject({ status: 'ready', nextCursor: 'next' });
    await store.getState().showList(request);
    expect(list).toHaveBeenCalledTimes(1);

    expect(await store.getState().loadMore()).toBe(2);
    expect(list).toHaveBeenLastCalledWith({ ...request.params, cursor: 'next' });
    expect(store.getState().list.items.map((m) => m.title)).toEqual([
      'Meeting 1',
      'Meeting 2',
      'Meeting 3',
    ]);
    expect(store.getState().list.nextCursor).toBeNull();

    now += 120_000;
    await store.getState().showList(request);
    expect(list).toHaveBeenCalledTimes(3);
  });

  it('ignores an answer for filters that are no longer shown', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const list = vi.fn(async (params: Record<string, string>) => {
      if (params.language === 'en') await slow;
      return { items: [meeting(params.language === 'en' ? 1 : 2)], nextCursor: null };
    });
    const store = makeDirectoryStore(
      async () => fakeApi({ list }),
      () => at,
    );
    const english = store.getState().showList(listRequest({ language: 'en' }, 'UTC', at));
    await store.getState().showList(listRequest({ language: 'es' }, 'UTC', at));
    release();
    await english;
    expect(store.getState().list.items.map((m) => m.id)).toEqual([id(2)]);
  });

  it('keeps the error code when the list cannot be loaded', async () => {
    const list = async () => {
      throw new ApiError('UNAVAILABLE', 503);
    };
    const store = makeDirectoryStore(
      async () => fakeApi({ list }),
      () => at,
    );
    await store.getState().showList(listRequest({}, 'UTC', at));
    expect(store.getState().list).toMatchObject({ status: 'failed', error: 'UNAVAILABLE' });
  });

  it('builds the week from every occurrence of weekly meetings, in one request', async () => {
    const weekly = meeting(1);
    const once = meeting(2, {
      recurrence: { kind: 'once', localDateTime: '2026-10-21T10:00', timeZone: 'UTC' },
    });
    const gone = meeting(3);
    const occurrences = vi.fn(async () => {
      throw new Error('the week asks for all its meetings at once');
    });
    // The removed meeting is simply absent from the answer.
    const occurrencesOf = vi.fn(async (_ids: readonly string[]) => ({
      timeZone: 'Europe/Madrid',
      meetings: [
        {
          meetingId: weekly.id,
          truncated: false,
          items: [
            { ...TUESDAY, startsAtLocal: '2026-10-20T20:00:00.000+02:00' },
            {
              startsAt: '2026-10-22T18:00:00.000Z',
              endsAt: '2026-10-22T19:00:00.000Z',
              startsAtLocal: '2026-10-22T20:00:00.000+02:00',
              endsAtLocal: '2026-10-22T21:00:00.000+02:00',
              weekdayLocal: 4,
            },
          ],
        },
      ],
    }));
    const list = async () => ({ items: [weekly, once, gone], nextCursor: 'more' });
    const store = makeDirectoryStore(
      async () => fakeApi({ list, occurrences, occurrencesOf }),
      () => at,
    );
    await store.getState().showWeek(weekRequest({}, 'Europe/Madrid', '2026-10-19'));
    const week = store.getState().week;
    expect(week.status).toBe('ready');
    expect(week.truncated).toBe(true);
    expect(occurrences).not.toHaveBeenCalled();
    expect(occurrencesOf).toHaveBeenCalledTimes(1);
    // Only the weekly meetings: the one-off's date came with the list.
    expect(occurrencesOf).toHaveBeenCalledWith([weekly.id, gone.id], {
      from: '2026-10-19',
      to: '2026-10-26',
      tz: 'Europe/Madrid',
    });
    expect(week.entries.map((e) => [e.meeting.id, e.occurrence.weekdayLocal])).toEqual([
      [weekly.id, 2],
      [weekly.id, 4],
      [once.id, 2],
    ]);
  });

  it('asks for no occurrences when the week lists only one-off meetings', async () => {
    const once = meeting(2, {
      recurrence: { kind: 'once', localDateTime: '2026-10-21T10:00', timeZone: 'UTC' },
    });
    const occurrencesOf = vi.fn();
    const store = makeDirectoryStore(
      async () =>
        fakeApi({ list: async () => ({ items: [once], nextCursor: null }), occurrencesOf }),
      () => at,
    );
    await store.getState().showWeek(weekRequest({}, 'Europe/Madrid', '2026-10-19'));
    expect(store.getState().week.entries).toHaveLength(1);
    expect(occurrencesOf).not.toHaveBeenCalled();
  });

  it('tells the session when a member action finds it ended', async () => {
    const onSignedOut = vi.fn();
    const join = async () => {
      throw new ApiError('UNAUTHENTICATED', 401);
    };
    const store = makeDirectoryStore(
      async () => fakeApi({ join }),
      () => at,
      onSignedOut,
    );
    await expect(store.getState().joinMeeting(id(1), true)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(onSignedOut).toHaveBeenCalledTimes(1);
  });

  it('loads lists again after a meeting changes', async () => {
    const list = vi.fn(async () => ({ items: [meeting(1)], nextCursor: null }));
    const remove = vi.fn(async () => {});
    const store = makeDirectoryStore(
      async () => fakeApi({ list, remove }),
      () => at,
    );
    const request = listRequest({}, 'UTC', at);
    await store.getState().showList(request);
    await store.getState().deleteMeeting(id(1));
    await store.getState().showList(request);
    expect(list).toHaveBeenCalledTimes(2);
  });
});

describe('"today"', () => {
  it('drops meetings that start on another local day, and stops paging there', () => {
    const today = meeting(1);
    const live = meeting(2, { inProgress: true });
    const tomorrow = meeting(3, {
      nextOccurrence: { ...TUESDAY, startsAtLocal: '2026-10-21T00:30:00.000+01:00' },
    });
    expect(keepToday([live, today, tomorrow], 'next', '2026-10-20')).toEqual({
      items: [live, today],
      nextCursor: null,
    });
    expect(keepToday([live, today], 'next', '2026-10-20').nextCursor).toBe('next');
    expect(keepToday([tomorrow], 'next', null).items).toHaveLength(1);
  });
});
