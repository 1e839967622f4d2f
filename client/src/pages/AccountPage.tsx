import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DataSection } from '../account/DataSection.tsx';
import { DeleteAccount } from '../account/DeleteAccount.tsx';
import { PrivacyForm } from '../account/PrivacyForm.tsx';
import { ProfileForm } from '../account/ProfileForm.tsx';
import { Page } from '../components/Page.tsx';
import { errorMessageKey } from '../i18n/index.ts';
import { PATHS, signInPath } from '../routes.ts';
import { useHavenStore } from '../store/index.ts';

/** Profile, privacy, a copy of one's data, and deleting the account. */
export function AccountPage() {
  const { t } = useTranslation();
  const status = useHavenStore((s) => s.sessionStatus);
  const user = useHavenStore((s) => s.user);
  const sessionError = useHavenStore((s) => s.sessionError);
  const loadSession = useHavenStore((s) => s.loadSession);

  if (!user) {
    const loading = status === 'loading';
    const failed = status === 'failed';
    const signedOut = status === 'signedOut';
    return (
      <Page title={t('account.title')}>
        {loading && <p role="status">{t('account.loading')}</p>}
        {failed && (
          <div className="panel" role="alert">
            <p>{t(errorMessageKey(sessionError ?? 'UNAVAILABLE'))}</p>
            <button type="button" onClick={() => void loadSession()}>
              {t('account.retry')}
            </button>
          </div>
        )}
        {signedOut && (
          <div className="panel">
            <p>{t('account.signedOut')}</p>
            <p className="link-row">
              <Link href={signInPath(PATHS.account)}>{t('header.signIn')}</Link>
              <Link href={PATHS.signUp}>{t('header.join')}</Link>
            </p>
          </div>
        )}
      </Page>
    );
  }

  return (
    <Page title={t('account.title')} intro={t('account.intro', { email: user.email })}>
      <div className="account-sections">
        {/* Keyed by member: a different sign-in starts the forms afresh. */}
        <ProfileForm key={`profile-${user.id}`} user={user} />
        <PrivacyForm key={`privacy-${user.id}`} user={user} />
        <DataSection />
        <DeleteAccount />
      </div>
    </Page>
  );
}
