import { type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import type { OwnUser } from '../../../../shared/api/accounts.ts';
import type { ProposalState } from '../../../../shared/api/programme/proposals.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { FormAlert } from '../../forms/fields.tsx';
import { asApiError } from '../../forms/problems.ts';
import { errorMessageKey } from '../../i18n/index.ts';
import { PATHS, signInPath } from '../../routes.ts';
import { useHavenStore } from '../../store/index.ts';
import { isPoint } from './library/filters.ts';

/** "Loading…", announced politely. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="programme-loading">
      {t('programme.common.loading')}
    </p>
  );
}

/** Why something could not be loaded, and a way to try again. */
export function LoadFailed({ error, onRetry }: { error: ErrorCode; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="panel programme-problem" role="alert">
      <p>{t(errorMessageKey(error))}</p>
      {onRetry && (
        <button type="button" className="secondary" onClick={onRetry}>
          {t('programme.common.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * What a page for members shows until the member is known: loading, a failure to reach
 * the server, or an invitation to sign in that returns here afterwards (`?next=`).
 */
export function MemberOnly({
  signedOutText,
  children,
}: {
  signedOutText: string;
  children: (user: OwnUser) => ReactNode;
}) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const search = useSearch();
  const status = useHavenStore((s) => s.sessionStatus);
  const user = useHavenStore((s) => s.user);
  const sessionError = useHavenStore((s) => s.sessionError);
  const loadSession = useHavenStore((s) => s.loadSession);
  if (user) return <>{children(user)}</>;
  const failed = status === 'failed';
  const signedOut = status === 'signedOut';
  if (failed) {
    return <LoadFailed error={sessionError ?? 'UNAVAILABLE'} onRetry={() => void loadSession()} />;
  }
  if (!signedOut) return <Loading />;
  return (
    <div className="panel programme-sign-in">
      <p>{signedOutText}</p>
      <p className="link-row">
        <Link href={signInPath(search ? `${location}?${search}` : location)}>
          {t('header.signIn')}
        </Link>
        <Link href={PATHS.signUp}>{t('header.join')}</Link>
      </p>
    </div>
  );
}

/** The point of the 4-Point Program a thing belongs to, or "the whole programme". */
export function PointLabel({ point }: { point: number | null }) {
  const { t } = useTranslation();
  return (
    <span className="point-label" data-point={point ?? 'general'}>
      {isPoint(point)
        ? t('programme.points.numbered', { number: point, name: t(`programme.points.${point}`) })
        : t('programme.points.general')}
    </span>
  );
}

/** A proposal's state in words (never colour alone). */
export function StateBadge({ state }: { state: ProposalState }) {
  const { t } = useTranslation();
  return (
    <span className="badge state-badge" data-state={state}>
      {t(`programme.proposals.states.${state}`)}
    </span>
  );
}

/** "Show more" under a paged list, with its own loading state and error. */
export function ShowMore({
  hasMore,
  loading,
  error,
  onMore,
}: {
  hasMore: boolean;
  loading: boolean;
  error: ErrorCode | null;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <div className="show-more">
      <FormAlert message={error && t(errorMessageKey(error))} />
      <button
        type="button"
        className="secondary"
        aria-disabled={loading || undefined}
        onClick={() => !loading && onMore()}
      >
        {loading ? t('programme.common.loading') : t('programme.common.showMore')}
      </button>
    </div>
  );
}

/** Prints the page; the print stylesheet keeps only what is worth having on paper. */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="secondary no-print" onClick={() => window.print()}>
      {t('programme.common.print')}
    </button>
  );
}

/**
 * A confirmation in a native modal <dialog> (focus kept inside, Escape closes). The safe
 * choice is focused on opening; focus returns to the opener on closing.
 */
export function ConfirmButton({
  label,
  title,
  text,
  confirm,
  cancel,
  onConfirm,
}: {
  label: string;
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  /** Throws an ApiError to keep the dialog open with a message. */
  onConfirm: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorCode | null>(null);

  const open = () => {
    setFailure(null);
    dialogRef.current?.showModal();
    cancelRef.current?.focus();
  };
  const close = () => dialogRef.current?.close();
  const onYes = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm();
      close();
    } catch (error) {
      setFailure(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="danger no-print" ref={openerRef} onClick={open}>
        {label}
      </button>
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby={titleId}
        aria-describedby={textId}
        onClose={() => openerRef.current?.isConnected && openerRef.current.focus()}
      >
        <div className="form">
          <h2 id={titleId}>{title}</h2>
          <p id={textId}>{text}</p>
          <FormAlert message={failure && t(errorMessageKey(failure))} />
          <div className="form-actions">
            <button
              type="button"
              className="danger"
              aria-disabled={busy || undefined}
              onClick={() => void onYes()}
            >
              {busy ? t('forms.busy') : confirm}
            </button>
            <button type="button" className="secondary" ref={cancelRef} onClick={close}>
              {cancel}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
