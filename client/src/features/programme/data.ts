import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../../../shared/api/common.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { ApiError, isApiError } from '../../api/errors.ts';
import { asApiError, type Message } from '../../forms/problems.ts';
import type { SubmitOptions } from '../../forms/useForm.ts';
import type { Problems } from '../../forms/validation.ts';
import { useHavenStore } from '../../store/index.ts';
import type { Body, BodyKind, ProgrammeApi } from './api.ts';

/**
 * How the programme's pages reach the API: the api module (zod, the shared schemas) is its
 * own chunk, loaded on first use, like the session slice's accounts module. Page data is
 * local state (it belongs to one page); the session comes from the store.
 */
let loading: Promise<ProgrammeApi> | null = null;

export function loadProgrammeApi(): Promise<ProgrammeApi> {
  loading ??= import('./api.ts')
    .then((module) => module.programme)
    .catch(() => {
      // Offline, or a new deploy replaced the chunk: try again next time.
      loading = null;
      throw new ApiError('UNAVAILABLE', 0, {}, 'the programme module did not load');
    });
  return loading;
}

/** One call. A refusal for want of a session re-reads who is signed in, so the page follows. */
export async function callProgramme<T>(call: (api: ProgrammeApi) => Promise<T>): Promise<T> {
  try {
    return await call(await loadProgrammeApi());
  } catch (error) {
    if (isApiError(error) && error.code === 'UNAUTHENTICATED') {
      void useHavenStore.getState().loadSession();
    }
    throw error;
  }
}

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; error: ErrorCode };

/**
 * Data for one page, loaded again whenever `key` changes (null: not yet, e.g. until the
 * session is known). A slow answer for an old key never overwrites a newer one.
 */
export function useProgrammeData<T>(key: string | null, load: (api: ProgrammeApi) => Promise<T>) {
  // Each answer remembers its key: after a change of key the page shows "loading", never
  // the previous item under the new address.
  const [loaded, setLoaded] = useState<{ key: string | null; state: Loaded<T> }>({
    key: null,
    state: { status: 'loading' },
  });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks for a fresh load.
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setLoaded({ key, state: { status: 'loading' } });
    callProgramme(loadRef.current).then(
      (data) => current && setLoaded({ key, state: { status: 'ready', data } }),
      (error: unknown) =>
        current && setLoaded({ key, state: { status: 'failed', error: asApiError(error).code } }),
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const state: Loaded<T> = loaded.key === key ? loaded.state : { status: 'loading' };
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback(
    (data: T) => setLoaded({ key, state: { status: 'ready', data } }),
    [key],
  );
  return { state, reload, replace };
}

/** A list the API pages with `nextCursor`: the first page by `key`, then "Show more". */
export function usePagedData<T>(
  key: string | null,
  loadPage: (api: ProgrammeApi, cursor?: string) => Promise<Page<T>>,
) {
  const first = useProgrammeData(key, (api) => loadPage(api));
  const [more, setMore] = useState<{ key: string | null; items: T[]; cursor: string | null }>({
    key: null,
    items: [],
    cursor: null,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ErrorCode | null>(null);
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;

  const ready = first.state.status === 'ready' ? first.state.data : null;
  const extra = more.key === key && ready ? more : { items: [] as T[], cursor: undefined };
  const items = ready ? [...ready.items, ...extra.items] : [];
  const nextCursor = ready ? (extra.cursor === undefined ? ready.nextCursor : extra.cursor) : null;

  const loadMore = async () => {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await callProgramme((api) => loadRef.current(api, nextCursor));
      setMore((current) => ({
        key,
        items: [...(current.key === key ? current.items : []), ...page.items],
        cursor: page.nextCursor,
      }));
    } catch (error) {
      setMoreError(asApiError(error).code);
    } finally {
      setLoadingMore(false);
    }
  };

  /** Replaces one item in place (after it was changed on this page). */
  const update = (match: (item: T) => boolean, next: T) => {
    if (!ready) return;
    first.replace({ ...ready, items: ready.items.map((item) => (match(item) ? next : item)) });
    setMore((current) => ({
      ...current,
      items: current.items.map((item) => (match(item) ? next : item)),
    }));
  };

  return {
    status: first.state.status,
    loading: first.state.status === 'loading',
    error: first.state.status === 'failed' ? first.state.error : null,
    items,
    hasMore: nextCursor !== null,
    loadMore,
    loadingMore,
    moreError,
    reload: () => {
      setMore({ key: null, items: [], cursor: null });
      first.reload();
    },
    update,
  };
}

interface Submitter<F extends string> {
  submit: (options: SubmitOptions<F>) => Promise<boolean>;
}

/**
 * Checks a form's body with the server's own schema, then sends it, through `useForm` (so
 * problems, the alert and focus behave like every other form in Haven).
 */
export async function submitChecked<K extends BodyKind, F extends string>(
  form: Submitter<F>,
  kind: K,
  input: unknown,
  send: (api: ProgrammeApi, body: Body<K>) => Promise<void>,
  messageFor?: (error: ApiError) => Message,
): Promise<boolean> {
  let api: ProgrammeApi;
  try {
    api = await loadProgrammeApi();
  } catch (error) {
    return form.submit({ problems: {}, action: () => Promise.reject(error), messageFor });
  }
  const checked = api.check(kind, input);
  if (!checked.ok) {
    // Keyed by the API's paths, which are the form's field names.
    const problems = checked.problems as Problems<F>;
    return form.submit({ problems, action: async () => {}, messageFor });
  }
  return form.submit({
    problems: {},
    action: () => callProgramme((programme) => send(programme, checked.data)),
    messageFor,
  });
}
