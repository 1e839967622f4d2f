import { useCallback, useEffect, useRef, useState } from 'react';
import type { PublicUser } from '../../../../shared/api/accounts.ts';
import type { PartnerSummary } from '../../../../shared/api/programme/partners.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { ApiError, isApiError } from '../../api/errors.ts';
import { asApiError } from '../../forms/problems.ts';
import { useHavenStore } from '../../store/index.ts';
import type { AdminApi } from './api.ts';
import { afterStep, filtersKey, type MemberFilters, type SaveStep } from './model.ts';

/**
 * How the admin pages reach the API: the api module (zod, the shared schemas) is its own
 * chunk, loaded on first use, like the session slice's accounts module. Page data is local
 * state; who is signed in comes from the store.
 */
let loading: Promise<AdminApi> | null = null;

export function loadAdminApi(): Promise<AdminApi> {
  loading ??= import('./api.ts')
    .then((module) => module.admin)
    .catch(() => {
      // Offline, or a new deploy replaced the chunk: try again next time.
      loading = null;
      throw new ApiError('UNAVAILABLE', 0, {}, 'the admin module did not load');
    });
  return loading;
}

/**
 * One call. Refused for want of a session or of the role, the store asks again who is
 * signed in (the role may have been taken away meanwhile), so the page follows.
 */
export async function callAdmin<T>(call: (api: AdminApi) => Promise<T>): Promise<T> {
  try {
    return await call(await loadAdminApi());
  } catch (error) {
    if (isApiError(error) && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) {
      void useHavenStore.getState().loadSession();
    }
    throw error;
  }
}

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; error: ErrorCode };

/** Every partner organisation, loaded once per visit of the page. */
export function usePartners() {
  const [state, setState] = useState<Loaded<PartnerSummary[]>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks for a fresh load.
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    callAdmin((api) => api.partners()).then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'failed', error: asApiError(error).code }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}

interface SearchState {
  key: string;
  status: 'loading' | 'ready' | 'failed';
  items: PublicUser[];
  nextCursor: string | null;
  /** Every match of the search, not only those loaded. */
  total: number;
  error: ErrorCode | null;
}

/**
 * The members matching `filters`, a page at a time ("Show more"). A new search starts
 * afresh; an answer for an older search is dropped.
 */
export function useMemberSearch(filters: MemberFilters) {
  const key = filtersKey(filters);
  const [state, setState] = useState<SearchState>({
    key,
    status: 'loading',
    items: [],
    nextCursor: null,
    total: 0,
    error: null,
  });
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ErrorCode | null>(null);
  const keyRef = useRef(key);
  keyRef.current = key;
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks for a fresh load.
  useEffect(() => {
    let current = true;
    setState({ key, status: 'loading', items: [], nextCursor: null, total: 0, error: null });
    setMoreError(null);
    callAdmin((api) => api.members(filtersRef.current)).then(
      (page) =>
        current &&
        setState({
          key,
          status: 'ready',
          items: page.items,
          nextCursor: page.nextCursor,
          total: page.total,
          error: null,
        }),
      (error: unknown) =>
        current &&
        setState({
          key,
          status: 'failed',
          items: [],
          nextCursor: null,
          total: 0,
          error: asApiError(error).code,
        }),
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const shown: SearchState =
    state.key === key
      ? state
      : { key, status: 'loading', items: [], nextCursor: null, total: 0, error: null };

  const loadMore = async () => {
    const cursor = shown.nextCursor;
    if (!cursor || loadingMore || shown.status !== 'ready') return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await callAdmin((api) => api.members(filtersRef.current, cursor));
      setState((previous) =>
        previous.key === key && keyRef.current === key
          ? {
              ...previous,
              // A member changed meanwhile may come again: keep the first, newer copy.
              items: [
                ...previous.items,
                ...page.items.filter((item) => !previous.items.some((p) => p.id === item.id)),
              ],
              nextCursor: page.nextCursor,
              total: page.total,
            }
          : previous,
      );
    } catch (error) {
      if (keyRef.current === key) setMoreError(asApiError(error).code);
    } finally {
      setLoadingMore(false);
    }
  };

  /** Replaces one member in place (after a save on this page). */
  const update = useCallback((member: PublicUser) => {
    setState((previous) => ({
      ...previous,
      items: previous.items.map((item) => (item.id === member.id ? member : item)),
    }));
  }, []);

  return {
    status: shown.status,
    items: shown.items,
    total: shown.total,
    error: shown.error,
    hasMore: shown.nextCursor !== null,
    loadMore,
    loadingMore,
    moreError,
    reload: useCallback(() => setAttempt((n) => n + 1), []),
    update,
  };
}

/** One member, for their own page; `update` follows a save. */
export function useMember(id: string) {
  const [state, setState] = useState<Loaded<PublicUser>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks for a fresh load.
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    callAdmin((api) => api.member(id)).then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'failed', error: asApiError(error).code }),
    );
    return () => {
      current = false;
    };
  }, [id, attempt]);
  return {
    state,
    reload: useCallback(() => setAttempt((n) => n + 1), []),
    update: useCallback((data: PublicUser) => setState({ status: 'ready', data }), []),
  };
}

/** A save stopped at `step`: what the server holds by then is `member`. */
export class SaveFailed extends Error {
  constructor(
    readonly step: SaveStep,
    readonly member: PublicUser,
    readonly error: ApiError,
  ) {
    super(`saving stopped at ${step.kind}`);
  }
}

/**
 * Runs the steps of a save in order, reporting the member as the server holds them after
 * each one (so a save that stops half way shows what did change). Throws SaveFailed.
 */
export async function runSave(
  member: PublicUser,
  steps: readonly SaveStep[],
  onProgress: (member: PublicUser) => void,
): Promise<PublicUser> {
  let current = member;
  for (const step of steps) {
    try {
      if (step.kind === 'roles') {
        current = await callAdmin((api) => api.setRoles(current.id, step.roles));
      } else if (step.kind === 'unlink') {
        await callAdmin((api) => api.unlinkStaff(step.partnerId, current.id));
        current = afterStep(current, step);
      } else {
        await callAdmin((api) => api.linkStaff(step.partnerId, current.id));
        current = afterStep(current, step);
      }
    } catch (error) {
      throw new SaveFailed(step, current, asApiError(error));
    }
    onProgress(current);
  }
  return current;
}
