import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors.ts';
import { FormAlert } from '../forms/fields.tsx';
import { errorMessageKey } from '../i18n/index.ts';

/**
 * "Show more" under a paged list while the server says there is more, with its own busy
 * state (the button keeps focus: `aria-disabled`, a second press is ignored) and error.
 * The page may move focus to the first new item once they have come.
 */
export function ShowMore({
  hasMore,
  busy,
  error,
  onMore,
  label,
  busyLabel,
  className = 'show-more',
}: {
  hasMore: boolean;
  busy: boolean;
  error: ErrorCode | null;
  onMore: () => void;
  /** "Show more" unless told what more ("Show more meetings"). */
  label?: string;
  busyLabel?: string;
  /** The block's classes: its spacing belongs to the list it sits under. */
  className?: string;
}) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <div className={className}>
      <FormAlert message={error && t(errorMessageKey(error))} />
      <button
        type="button"
        className="secondary"
        aria-disabled={busy || undefined}
        onClick={() => {
          if (!busy) onMore();
        }}
      >
        {busy ? (busyLabel ?? t('loadStatus.loadingMore')) : (label ?? t('loadStatus.showMore'))}
      </button>
    </div>
  );
}
