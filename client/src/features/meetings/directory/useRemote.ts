import { useCallback, useEffect, useState } from 'react';
import type { ErrorCode } from '../../../../../shared/errors.ts';
import { errorCodeOf, type LoadStatus } from './store.ts';

export interface Remote<T> {
  status: LoadStatus;
  data: T | null;
  error: ErrorCode | null;
  reload: () => void;
}

/**
 * What one page shows and nobody else needs (a meeting, its dates): loaded when `key` is
 * set or changes, with answers to an older key ignored. `key` null means "not yet" (waiting
 * for the session to say which zone to show times in, say).
 */
export function useRemote<T>(key: string | null, load: () => Promise<T>): Remote<T> {
  const [state, setState] = useState<{
    key: string | null;
    data: T | null;
    error: ErrorCode | null;
  }>({ key: null, data: null, error: null });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` changes every render; `key` says when it means something else.
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((previous) => ({
      key,
      data: previous.key === key ? previous.data : null,
      error: null,
    }));
    load().then(
      (data) => {
        if (current) setState({ key, data, error: null });
      },
      (error: unknown) => {
        if (current) setState({ key, data: null, error: errorCodeOf(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const matches = state.key === key && key !== null;
  const data = matches ? state.data : null;
  const error = matches ? state.error : null;
  const status: LoadStatus =
    key === null ? 'idle' : error ? 'failed' : data !== null ? 'ready' : 'loading';
  return { status, data, error, reload };
}
