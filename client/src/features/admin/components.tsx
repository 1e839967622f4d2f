import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import type { OwnUser } from '../../../../shared/api/accounts.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
import { EnrolTwoFactorLink } from '../../components/EnrolTwoFactorLink.tsx';
import { errorMessageKey } from '../../i18n/index.ts';
import { signInPath } from '../../routes.ts';
import { useHavenStore } from '../../store/index.ts';

/** "Loading…", announced politely. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="admin-loading">
      {t('admin.common.loading')}
    </p>
  );
}

/** Why something could not be loaded, and a way to try again. */
export function LoadFailed({
  error,
  message,
  onRetry,
}: {
  error: ErrorCode;
  /** Says what could not load, instead of the error code's generic message. */
  message?: string;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  // Retrying cannot help until the admin enrols: the link to enrol stands in its place.
  const enrol = error === 'TWO_FACTOR_REQUIRED';
  return (
    <div className="panel admin-problem" role="alert">
      <p>{message ?? t(errorMessageKey(error))}</p>
      {enrol && <EnrolTwoFactorLink />}
      {onRetry && !enrol && (
        <button type="button" className="secondary" onClick={onRetry}>
          {t('admin.common.retry')}
        </button>
      )}
    </div>
  );
}

/** The message for anyone signed in without the admin role: no data, no request for it. */
export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <div className="panel admin-not-allowed">
      <p>{t('admin.access.notAllowed')}</p>
    </div>
  );
}

/**
 * An admin page's gate. The server refuses anyone else regardless; this only spares them
 * a request and says why there is nothing here: loading, a failure to reach the server,
 * an invitation to sign in (coming back here), or the not-allowed message.
 */
export function AdminOnly({ children }: { children: (user: OwnUser) => ReactNode }): ReactNode {
  const { t } = useTranslation();
  const [location] = useLocation();
  const search = useSearch();
  const status = useHavenStore((s) => s.sessionStatus);
  const user = useHavenStore((s) => s.user);
  const sessionError = useHavenStore((s) => s.sessionError);
  const loadSession = useHavenStore((s) => s.loadSession);
  if (user && !user.roles.includes('admin')) return <NotAllowed />;
  if (user) return children(user);
  const failed = status === 'failed';
  const signedOut = status === 'signedOut';
  if (failed) {
    return <LoadFailed error={sessionError ?? 'UNAVAILABLE'} onRetry={() => void loadSession()} />;
  }
  if (!signedOut) return <Loading />;
  return (
    <div className="panel">
      <p>{t('admin.access.signedOut')}</p>
      <p className="link-row">
        <Link href={signInPath(search ? `${location}?${search}` : location)}>
          {t('header.signIn')}
        </Link>
      </p>
    </div>
  );
}
