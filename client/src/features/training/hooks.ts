import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { asApiError } from '../../forms/problems.ts';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; code: ErrorCode; fields: Readonly<Record<string, readonly string[]>> };

/**
 * Loads what a page shows, again whenever `key` changes; an answer for an older key is
 * dropped. `refresh` asks again while keeping what is shown.
 */
export function useLoad<T>(key: string, load: () => Promise<T>) {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const loader = useRef(load);
  loader.current = load;
  const latest = useRef(0);

  const fetchNow = useCallback(async (quiet: boolean) => {
    const mine = ++latest.current;
    if (!quiet) setState({ status: 'loading' });
    try {
      const data = await loader.current();
      if (mine === latest.current) setState({ status: 'ready', data });
    } catch (error) {
      const apiError = asApiError(error);
      if (mine === latest.current)
        setState({ status: 'failed', code: apiError.code, fields: apiError.fields });
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key is the trigger
  useEffect(() => {
    void fetchNow(false);
  }, [key, fetchNow]);

  return {
    state,
    reload: () => void fetchNow(false),
    refresh: () => fetchNow(true),
  };
}
