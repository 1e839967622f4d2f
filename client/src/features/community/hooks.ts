import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../../shared/api/common.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { deviceTimeZone } from '../../account/places.ts';
import { asApiError } from '../../forms/problems.ts';
import { type SubmitOptions, useForm } from '../../forms/useForm.ts';
import type { Problem, Problems } from '../../forms/validation.ts';
import { useHavenStore } from '../../store/index.ts';
import type { CommunityApi } from './api.ts';
import { callCommunity } from './store.ts';
import { formatLocale, viewerZone } from './time.ts';
import type { CommunityProblem, CommunityProblems } from './validation.ts';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; code: ErrorCode };

/**
 * Loads one thing for a page and loads it again whenever `key` changes (an id, a filter).
 * An answer for an older key is dropped, so a slow response never overwrites a newer one.
 */
export function useLoad<T>(key: string, load: (api: CommunityApi) => Promise<T>) {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  const latest = useRef(0);

  const fetchNow = useCallback(async (quiet: boolean) => {
    const mine = ++latest.current;
    if (!quiet) setState({ status: 'loading' });
    try {
      const data = await callCommunity(loader.current);
      if (mine === latest.current) setState({ status: 'ready', data });
    } catch (error) {
      if (mine === latest.current) setState({ status: 'failed', code: asApiError(error).code });
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and round are the triggers
  useEffect(() => {
    void fetchNow(false);
  }, [key, round, fetchNow]);

  return {
    state,
    loading: state.status === 'loading',
    error: state.status === 'failed' ? state.code : null,
    /** After a failure: show "loading" and ask again. */
    reload: () => setRound((n) => n + 1),
    /** After an action: ask again, keeping what is shown until the answer comes. */
    refresh: () => fetchNow(true),
    setData: (update: (data: T) => T) =>
      setState((s) => (s.status === 'ready' ? { status: 'ready', data: update(s.data) } : s)),
  };
}

/** A list loaded a page at a time ("Show more"), reloaded from the start when `key` changes. */
export function usePaged<T>(
  key: string,
  loadPage: (api: CommunityApi, cursor: string | null) => Promise<Page<T>>,
) {
  const first = useLoad(key, (api) => loadPage(api, null));
  const [more, setMore] = useState<{ busy: boolean; code: ErrorCode | null }>({
    busy: false,
    code: null,
  });
  const pager = useRef(loadPage);
  pager.current = loadPage;

  // A new list (filters changed) forgets a failed "Show more" of the old one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: key is the trigger
  useEffect(() => setMore({ busy: false, code: null }), [key]);

  const loadMore = async () => {
    if (first.state.status !== 'ready' || !first.state.data.nextCursor || more.busy) return;
    const cursor = first.state.data.nextCursor;
    setMore({ busy: true, code: null });
    try {
      const next = await callCommunity((api) => pager.current(api, cursor));
      first.setData((page) => ({
        items: [...page.items, ...next.items],
        nextCursor: next.nextCursor,
      }));
      setMore({ busy: false, code: null });
    } catch (error) {
      setMore({ busy: false, code: asApiError(error).code });
    }
  };

  return {
    ...first,
    more,
    loadMore,
    /** Changes the items shown (an item updated or removed in place). */
    setItems: (update: (items: T[]) => T[]) =>
      first.setData((page) => ({ ...page, items: update(page.items) })),
  };
}

/** A community problem in the person's language; the shared ones as the shell words them. */
export function describeCommunityProblem(t: TFunction, problem: CommunityProblem): string | null {
  switch (problem.key) {
    case 'url':
      return t('community.problems.url');
    case 'endBeforeStart':
      return t('community.problems.endBeforeStart');
    case 'eventTooLong':
      return t('community.problems.eventTooLong', { days: problem.days });
    case 'endInPast':
      return t('community.problems.endInPast');
    case 'capacity':
      return t('community.problems.capacity', { min: problem.min, max: problem.max });
    default:
      return null;
  }
}

/**
 * The shell's `useForm` (alert region, busy flag, focus on the first field to fix) with the
 * community's own problems (a link, an end before the start) worded precisely.
 */
export function useCommunityForm<F extends string>(fields: readonly F[]) {
  const { t } = useTranslation();
  const form = useForm(fields);
  const [found, setFound] = useState<CommunityProblems<F>>({});

  const submit = (
    options: Omit<SubmitOptions<F>, 'problems'> & { problems: CommunityProblems<F> },
  ) => {
    setFound(options.problems);
    const generic: Problems<F> = {};
    for (const [field, problem] of Object.entries(options.problems) as [F, CommunityProblem][]) {
      generic[field] = describeCommunityProblem(t, problem)
        ? { key: 'invalid' }
        : (problem as Problem);
    }
    return form.submit({ ...options, problems: generic });
  };

  const problemText = (field: F): string | undefined => {
    // A CONFLICT on a field here is a capacity below those already going, not a taken name.
    if (form.problems[field]?.key === 'taken') return t('community.problems.taken');
    const own = found[field];
    const special = own && form.problems[field] ? describeCommunityProblem(t, own) : null;
    return special ?? form.problemText(field);
  };

  return { ...form, submit, problemText };
}

/** The zone the signed-in member reads times in (see `viewerZone`). */
export function useViewerZone(): string {
  const profileZone = useHavenStore((s) => s.user?.timeZone);
  return useMemo(() => viewerZone(profileZone, deviceTimeZone()), [profileZone]);
}

/** The locale dates, times and place names are written in (see `formatLocale`). */
export function useLocale(): string {
  const language = useHavenStore((s) => s.language);
  return useMemo(
    () => formatLocale(language, typeof navigator === 'undefined' ? [] : navigator.languages),
    [language],
  );
}
