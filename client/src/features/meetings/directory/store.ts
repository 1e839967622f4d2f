import { create } from 'zustand';
import type { ErrorCode } from '../../../../../shared/errors.ts';
import { isApiError } from '../../../api/errors.ts';
import { useHavenStore } from '../../../store/index.ts';
import type {
  CreateMeetingInput,
  DirectoryApi,
  JoinAnswer,
  MeetingFeedback,
  OccurrencesAnswer,
  UpdateMeetingInput,
} from './api.ts';
import { localDateOf } from './dates.ts';
import type { ListRequest, WeekRequest } from './filters.ts';
import type { MeetingView } from './model.ts';
import { needsOccurrences, type WeekEntry, weekWindow } from './week.ts';

/**
 * The directory's state: the list and the week as last shown (kept, so coming back from a
 * meeting finds the same results and "Load more" pages), and the actions pages call. The
 * API module, with zod and the schemas, is loaded on first use, as the session slice does.
 * It is a store of its own because the shell's store is not this feature's to change.
 */

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface ListState {
  key: string | null;
  status: LoadStatus;
  items: MeetingView[];
  nextCursor: string | null;
  error: ErrorCode | null;
  loadingMore: boolean;
  moreError: ErrorCode | null;
  loadedAt: number;
}

export interface WeekState {
  key: string | null;
  status: LoadStatus;
  entries: WeekEntry[];
  /** More meetings matched than the week view lays out. */
  truncated: boolean;
  error: ErrorCode | null;
  loadedAt: number;
}

export interface DirectoryState {
  list: ListState;
  week: WeekState;
  /** Loads the first page for `request`, unless the same list was loaded a moment ago. */
  showList: (request: ListRequest, options?: { force?: boolean }) => Promise<void>;
  /** Appends the next page; resolves to how many meetings were there before it. */
  loadMore: () => Promise<number>;
  showWeek: (request: WeekRequest, options?: { force?: boolean }) => Promise<void>;
  meeting: (id: string, tz: string) => Promise<MeetingView>;
  occurrences: (
    id: string,
    window: { from?: string; to?: string; tz: string },
  ) => Promise<OccurrencesAnswer>;
  partnerName: (id: string) => Promise<string>;
  feedback: (id: string) => Promise<MeetingFeedback>;
  /** These throw `ApiError` for the page to show. */
  createMeeting: (input: CreateMeetingInput) => Promise<MeetingView>;
  updateMeeting: (id: string, patch: UpdateMeetingInput) => Promise<MeetingView>;
  deleteMeeting: (id: string) => Promise<void>;
  joinMeeting: (id: string, confirmEligibility: boolean) => Promise<JoinAnswer>;
}

export type DirectoryApiLoader = () => Promise<DirectoryApi>;
const loadDirectoryApi: DirectoryApiLoader = () => import('./api.ts').then((m) => m.directory);

/** Results shown again within this time are not fetched again. */
export const FRESH_MS = 60_000;

const emptyList: ListState = {
  key: null,
  status: 'idle',
  items: [],
  nextCursor: null,
  error: null,
  loadingMore: false,
  moreError: null,
  loadedAt: 0,
};
const emptyWeek: WeekState = {
  key: null,
  status: 'idle',
  entries: [],
  truncated: false,
  error: null,
  loadedAt: 0,
};

export function errorCodeOf(error: unknown): ErrorCode {
  return isApiError(error) ? error.code : 'INTERNAL';
}

/**
 * "Today" asks the server for whole hours; anything that lands on tomorrow is dropped here.
 * The list is soonest first, so once one is dropped every later page is tomorrow too.
 */
export function keepToday(
  items: MeetingView[],
  nextCursor: string | null,
  onlyDate: string | null,
): { items: MeetingView[]; nextCursor: string | null } {
  if (!onlyDate) return { items, nextCursor };
  const kept = items.filter(
    (item) =>
      item.inProgress ||
      (item.nextOccurrence && localDateOf(item.nextOccurrence.startsAtLocal) === onlyDate),
  );
  return { items: kept, nextCursor: kept.length < items.length ? null : nextCursor };
}

export function makeDirectoryStore(
  load: DirectoryApiLoader = loadDirectoryApi,
  now: () => number = Date.now,
  /** A member action that meets UNAUTHENTICATED: the shell's session finds out it ended. */
  onSignedOut: () => void = () => void useHavenStore.getState().loadSession(),
) {
  // The request of the list being shown, for "Load more" and to ignore superseded answers.
  let listRequest: ListRequest | null = null;

  return create<DirectoryState>()((set, get) => {
    const asMember = async <T>(action: (api: DirectoryApi) => Promise<T>): Promise<T> => {
      try {
        return await action(await load());
      } catch (error) {
        if (isApiError(error) && error.code === 'UNAUTHENTICATED') onSignedOut();
        throw error;
      }
    };
    /** After a change, shown results may be out of date: load them again next time. */
    const changed = () => set({ list: { ...get().list, loadedAt: 0 }, week: { ...emptyWeek } });

    return {
      list: emptyList,
      week: emptyWeek,

      showList: async (request, options = {}) => {
        const current = get().list;
        const fresh = now() - current.loadedAt < FRESH_MS;
        if (!options.force && current.key === request.key && current.status !== 'failed') {
          if (current.status === 'loading' || fresh) return;
        }
        listRequest = request;
        const keep = current.key === request.key ? current.items : [];
        set({ list: { ...emptyList, key: request.key, status: 'loading', items: keep } });
        try {
          const page = await (await load()).list(request.params);
          if (listRequest !== request) return;
          const { items, nextCursor } = keepToday(page.items, page.nextCursor, request.onlyDate);
          set({
            list: {
              ...emptyList,
              key: request.key,
              status: 'ready',
              items,
              nextCursor,
              loadedAt: now(),
            },
          });
        } catch (error) {
          if (listRequest !== request) return;
          set({
            list: { ...emptyList, key: request.key, status: 'failed', error: errorCodeOf(error) },
          });
        }
      },

      loadMore: async () => {
        const request = listRequest;
        const before = get().list;
        if (!request || !before.nextCursor || before.loadingMore) return before.items.length;
        set({ list: { ...before, loadingMore: true, moreError: null } });
        try {
          const page = await (await load()).list({ ...request.params, cursor: before.nextCursor });
          if (listRequest !== request) return before.items.length;
          const { items, nextCursor } = keepToday(page.items, page.nextCursor, request.onlyDate);
          const known = new Set(before.items.map((item) => item.id));
          set({
            list: {
              ...get().list,
              items: [...before.items, ...items.filter((item) => !known.has(item.id))],
              nextCursor,
              loadingMore: false,
            },
          });
        } catch (error) {
          if (listRequest === request)
            set({ list: { ...get().list, loadingMore: false, moreError: errorCodeOf(error) } });
        }
        return before.items.length;
      },

      showWeek: async (request, options = {}) => {
        const current = get().week;
        const fresh = now() - current.loadedAt < FRESH_MS;
        if (!options.force && current.key === request.key && current.status !== 'failed') {
          if (current.status === 'loading' || fresh) return;
        }
        set({ week: { ...emptyWeek, key: request.key, status: 'loading' } });
        const stillShown = () => get().week.key === request.key;
        try {
          const api = await load();
          const page = await api.list(request.params);
          // One request for every weekly meeting listed (at most WEEK_MEETING_LIMIT, the
          // batch route's own limit); a one-off meeting's single date came with the list.
          const weekly = page.items.filter(needsOccurrences);
          const answer = weekly.length
            ? await api.occurrencesOf(
                weekly.map((meeting) => meeting.id),
                { ...weekWindow(request.monday), tz: request.zone },
              )
            : { meetings: [] };
          // A meeting removed since the list was read is absent: it simply is not in the week.
          const byId = new Map(answer.meetings.map((found) => [found.meetingId, found.items]));
          const perMeeting = page.items.map((meeting) =>
            needsOccurrences(meeting)
              ? (byId.get(meeting.id) ?? []).map((occurrence) => ({ meeting, occurrence }))
              : meeting.nextOccurrence
                ? [{ meeting, occurrence: meeting.nextOccurrence }]
                : [],
          );
          if (!stillShown()) return;
          set({
            week: {
              ...emptyWeek,
              key: request.key,
              status: 'ready',
              entries: perMeeting.flat(),
              truncated: page.nextCursor !== null,
              loadedAt: now(),
            },
          });
        } catch (error) {
          if (stillShown())
            set({
              week: { ...emptyWeek, key: request.key, status: 'failed', error: errorCodeOf(error) },
            });
        }
      },

      meeting: async (id, tz) => (await load()).get(id, tz),
      occurrences: async (id, window) => (await load()).occurrences(id, window),
      partnerName: async (id) => (await load()).partnerName(id),
      feedback: async (id) => (await load()).feedback(id),

      createMeeting: async (input) => {
        const meeting = await asMember((api) => api.create(input));
        changed();
        return meeting;
      },
      updateMeeting: async (id, patch) => {
        const meeting = await asMember((api) => api.update(id, patch));
        changed();
        return meeting;
      },
      deleteMeeting: async (id) => {
        await asMember((api) => api.remove(id));
        changed();
      },
      joinMeeting: (id, confirm) => asMember((api) => api.join(id, confirm)),
    };
  });
}

export const useDirectoryStore = makeDirectoryStore();
