import { useCallback, useEffect, useState } from 'react';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { isApiError } from '../../api/errors.ts';

export type Section<T> =
  | { status: 'loading' }
  | { status: 'failed'; error: ErrorCode; retry: () => void }
  | { status: 'ready'; items: T[] };

/**
 * One section of the home: loaded on its own, so a failing one (say, events) says so in
 * its place while the others show. Answers from an unmounted page are dropped.
 */
export function useSection<T>(load: () => Promise<T[]>): Section<T> {
  const [state, setState] = useState<Section<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is new every render; `attempt` says when to ask again.
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (items) => {
        if (current) setState({ status: 'ready', items });
      },
      (error: unknown) => {
        const code: ErrorCode = isApiError(error) ? error.code : 'INTERNAL';
        if (current) setState({ status: 'failed', error: code, retry });
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  return state;
}
