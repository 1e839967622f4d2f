import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors.ts';
import { errorMessageKey } from '../i18n/index.ts';
import { EnrolTwoFactorLink } from './EnrolTwoFactorLink.tsx';

/**
 * What a page shows about data on its way: "Loading…", why it could not come (with "Try
 * again"), that there is none, and a list's status line. Styles in styles/components.css.
 */

const classes = (base: string, extra: string | undefined) => (extra ? `${base} ${extra}` : base);

/** "Loading…" (or `text`), announced politely. */
export function Loading({ text, className }: { text?: string; className?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className={classes('loading-status', className)}>
      {text ?? t('loadStatus.loading')}
    </p>
  );
}

/**
 * Why something could not be loaded, in an alert, and "Try again" when `onRetry` is given.
 * `notFound` words a 404 for the thing the page shows (no retry then: it would not help);
 * `message` says what failed instead of the error code's generic message.
 */
export function LoadFailed({
  error,
  onRetry,
  notFound,
  message,
  className,
}: {
  error: ErrorCode;
  onRetry?: () => void;
  notFound?: string;
  message?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const missing = error === 'NOT_FOUND' && notFound;
  // Retrying cannot help until the admin enrols: the link to enrol stands in its place.
  const enrol = error === 'TWO_FACTOR_REQUIRED';
  return (
    <div className={classes('panel load-failed', className)} role="alert">
      <p>{missing ? notFound : (message ?? t(errorMessageKey(error)))}</p>
      {enrol && <EnrolTwoFactorLink />}
      {onRetry && !missing && !enrol && (
        <button type="button" onClick={onRetry}>
          {t('loadStatus.retry')}
        </button>
      )}
    </div>
  );
}

/** A list with nothing in it: why, and what may help (clearing the filters). */
export function EmptyPanel({
  text,
  children,
  className,
}: {
  text: string;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div className={classes('panel empty-panel', className)}>
      <p>{text}</p>
      {children}
    </div>
  );
}

/**
 * A list's status line, always in the page so each change is announced: "Loading…" while
 * `loading`, then how many are shown, or why there are none. Empty while `count` is null
 * (the list failed, or has not been asked for yet).
 */
export function ListStatus({
  loading = false,
  count,
  shown,
  empty,
  filtered = false,
  none,
  loadingText,
  className,
}: {
  loading?: boolean;
  count: number | null;
  shown: (count: number) => string;
  /** When there are none at all; `shown(0)` unless given. */
  empty?: string;
  /** Whether filters narrow the list: then `none` is said, and that other filters may help. */
  filtered?: boolean;
  none?: string;
  loadingText?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  let text = '';
  if (loading) text = loadingText ?? t('loadStatus.loading');
  else if (count !== null && count > 0) text = shown(count);
  else if (count !== null && filtered && none !== undefined)
    text = `${none} ${t('loadStatus.tryOtherFilters')}`;
  else if (count !== null) text = empty ?? shown(count);
  return (
    <p role="status" className={classes('list-status', className)}>
      {text}
    </p>
  );
}
