import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import type { OwnUser } from '../../../../../shared/api/accounts.ts';
import { Page } from '../../../components/Page.tsx';
import { errorMessageKey } from '../../../i18n/index.ts';
import { PATHS, signInPath } from '../../../routes.ts';
import { useHavenStore } from '../../../store/index.ts';

/**
 * The community is for members only: a page renders its content for the signed-in member,
 * and anyone else gets a friendly way in that brings them back here afterwards.
 */
export function MembersOnly({
  title,
  children,
}: {
  title: string;
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

  const here = search ? `${location}?${search}` : location;
  const loading = status === 'loading';
  const failed = status === 'failed';
  return (
    <Page title={title}>
      {loading && <p role="status">{t('community.session.loading')}</p>}
      {failed && (
        <div className="panel" role="alert">
          <p>{t(errorMessageKey(sessionError ?? 'UNAVAILABLE'))}</p>
          <button type="button" onClick={() => void loadSession()}>
            {t('community.retry')}
          </button>
        </div>
      )}
      {!loading && !failed && (
        <div className="panel cm-sign-in">
          <p>{t('community.session.signedOut')}</p>
          <p className="cm-muted">{t('community.session.why')}</p>
          <p className="link-row">
            <Link href={signInPath(here)}>{t('community.session.signIn')}</Link>
            <Link href={PATHS.signUp}>{t('community.session.join')}</Link>
          </p>
        </div>
      )}
    </Page>
  );
}

/** What a member without the role sees on a staff page: said plainly, with a way back. */
export function NotForYou({
  text,
  back,
  backLabel,
}: {
  text: string;
  back: string;
  backLabel: string;
}) {
  return (
    <div className="panel">
      <p>{text}</p>
      <p>
        <Link href={back}>{backLabel}</Link>
      </p>
    </div>
  );
}
