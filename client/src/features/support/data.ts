import { useCallback, useEffect, useState } from 'react';
import type { SupportResources } from '../../../../shared/api/support.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { ApiError, isApiError } from '../../api/errors.ts';
import { asApiError } from '../../forms/problems.ts';
import { useHavenStore } from '../../store/index.ts';
import type { SupportApi } from './api.ts';

/** The api module (zod, the shared schemas) is its own chunk, loaded on first use. */
let loading: Promise<SupportApi> | null = null;

export function loadSupportApi(): Promise<SupportApi> {
  loading ??= import('./api.ts')
    .then((module) => module.support)
    .catch(() => {
      // Offline, or a new deploy replaced the chunk: try again next time.
      loading = null;
      throw new ApiError('UNAVAILABLE', 0, {}, 'the support module did not load');
    });
  return loading;
}

/** One call; refused for want of a session or role, the store asks again who is signed in. */
export async function callSupport<T>(call: (api: SupportApi) => Promise<T>): Promise<T> {
  try {
    return await call(await loadSupportApi());
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

/**
 * Data loaded again whenever `key` changes; an answer for an older key is dropped, so the
 * panel never shows one country's numbers under another's name.
 */
export function useSupportData<T>(key: string, load: (api: SupportApi) => Promise<T>) {
  const [loaded, setLoaded] = useState<{ key: string; state: Loaded<T> }>({
    key,
    state: { status: 'loading' },
  });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `load`; `attempt` asks again.
  useEffect(() => {
    let current = true;
    setLoaded({ key, state: { status: 'loading' } });
    callSupport(load).then(
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
  return { state, reload };
}

/** A country's resources (null: the general list). */
export function useResources(country: string | null) {
  return useSupportData<SupportResources>(`resources:${country ?? '*'}`, (api) =>
    api.resources(country),
  );
}
