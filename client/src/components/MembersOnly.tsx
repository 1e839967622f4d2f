import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import type { OwnUser } from '../../../shared/api/accounts.ts';
import { PATHS, signInPath } from '../routes.ts';
import { useHavenStore } from '../store/index.ts';
import { LoadFailed, Loading } from './LoadStatus.tsx';
import { Page } from './Page.tsx';

/**
 * A page (or part of one) for members: its content for the signed-in member; for anyone
 * else, while the session is asked for, "Checking…"; when the server cannot be reached, why
 * and "Try again"; signed out, `text` (and a quieter `note`) with "Sign in", which comes back
 * here afterwards (`?next=`, with the query), and "Join".
 *
 * With `title`, a visitor gets a whole `<Page title>` (for pages whose own frame needs the
 * member); without it, the gate sits where it is put, inside the page's frame.
 */
export function MembersOnly({
  title,
  text,
  note,
  children,
}: {
  title?: string;
  text: string;
  note?: string;
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
  let gate: ReactNode = <Loading text={t('membersOnly.checking')} />;
  if (failed) {
    gate = <LoadFailed error={sessionError ?? 'UNAVAILABLE'} onRetry={() => void loadSession()} />;
  } else if (signedOut) {
    gate = (
      <div className="panel members-only">
        <p>{text}</p>
        {note && <p className="members-only-note">{note}</p>}
        <p className="link-row">
          <Link href={signInPath(search ? `${location}?${search}` : location)}>
            {t('header.signIn')}
          </Link>
          <Link href={PATHS.signUp}>{t('header.join')}</Link>
        </p>
      </div>
    );
  }
  return title === undefined ? gate : <Page title={title}>{gate}</Page>;
}
