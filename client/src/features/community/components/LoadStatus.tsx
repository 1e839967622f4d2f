import { useTranslation } from 'react-i18next';
import type { Page } from '../../../../../shared/api/common.ts';
import type { ErrorCode } from '../../../../../shared/errors.ts';
import { FormAlert } from '../../../forms/fields.tsx';
import { errorMessageKey } from '../../../i18n/index.ts';
import type { LoadState } from '../hooks.ts';

/**
 * "Loading…" while a page's data is on its way, and what went wrong (with "Try again")
 * when it could not come. `notFound` words a 404 for the thing the page shows.
 */
export function LoadStatus<T>({
  state,
  onRetry,
  notFound,
  quiet = false,
}: {
  state: LoadState<T>;
  onRetry: () => void;
  notFound?: string;
  /** A list says "Loading…" in its own status line (see ListStatus). */
  quiet?: boolean;
}) {
  const { t } = useTranslation();
  if (state.status === 'loading')
    return quiet ? null : <p role="status">{t('community.loading')}</p>;
  if (state.status !== 'failed') return null;
  const missing = state.code === 'NOT_FOUND' && notFound;
  return (
    <div className="panel" role="alert">
      <p>{missing ? notFound : t(errorMessageKey(state.code))}</p>
      {!missing && (
        <button type="button" onClick={onRetry}>
          {t('community.retry')}
        </button>
      )}
    </div>
  );
}

/** "Show more" under a list, while the server says there is more. */
export function ShowMore({
  hasMore,
  busy,
  code,
  onMore,
}: {
  hasMore: boolean;
  busy: boolean;
  code: ErrorCode | null;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <div className="cm-more">
      <FormAlert message={code && t(errorMessageKey(code))} />
      <button
        type="button"
        className="secondary"
        aria-disabled={busy || undefined}
        onClick={onMore}
      >
        {busy ? t('community.loadingMore') : t('community.showMore')}
      </button>
    </div>
  );
}

/**
 * A list's status line, always in the page so each change is announced: "Loading…", then
 * how many are shown, or why there are none (nothing yet, or nothing for these filters).
 */
export function ListStatus<T>({
  state,
  shown,
  empty,
  none,
  filtered,
}: {
  state: LoadState<Page<T>>;
  shown: (count: number) => string;
  /** Nothing at all yet. */
  empty: string;
  /** Nothing for these filters. */
  none: string;
  filtered: boolean;
}) {
  const { t } = useTranslation();
  let text = '';
  if (state.status === 'loading') text = t('community.loading');
  else if (state.status === 'ready') {
    const count = state.data.items.length;
    if (count > 0) text = shown(count);
    else text = filtered ? `${none} ${t('community.tryOtherFilters')}` : empty;
  }
  return (
    <p role="status" className="cm-count">
      {text}
    </p>
  );
}
