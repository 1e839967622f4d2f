import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { DataSection } from '../account/DataSection.tsx';
import { PrivacyForm } from '../account/PrivacyForm.tsx';
import { ProfileForm } from '../account/ProfileForm.tsx';
import { DangerZone } from '../components/DangerZone.tsx';
import { Page } from '../components/Page.tsx';
import { PasswordChangeSection } from '../features/account-recovery/PasswordChangeSection.tsx';
import { EmailChangeSection } from '../features/email-address/EmailChangeSection.tsx';
import { SessionsSection } from '../features/sign-in-security/SessionsSection.tsx';
import { TwoFactorSection } from '../features/sign-in-security/TwoFactorSection.tsx';
import { asApiError } from '../forms/problems.ts';
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
        <EmailChangeSection key={`email-${user.id}`} currentEmail={user.email} />
        <PasswordChangeSection key={`password-${user.id}`} />
        <TwoFactorSection key={`two-factor-${user.id}`} />
        <SessionsSection key={`sessions-${user.id}`} />
        <DataSection />
        <DeleteAccount />
      </div>
    </Page>
  );
}

/** "Delete my account", asked again in a dialog where the word (DELETE) must be typed. */
function DeleteAccount() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const deleteAccount = useHavenStore((s) => s.deleteAccount);
  const showFlash = useHavenStore((s) => s.showFlash);
  const word = t('account.delete.word');

  const remove = async () => {
    try {
      await deleteAccount();
    } catch (error) {
      // Signed out meanwhile (another tab): nothing more can be done here.
      if (asApiError(error).code === 'UNAUTHENTICATED') return undefined;
      throw error;
    }
    return () => {
      showFlash({ key: 'deleted', path: PATHS.home });
      navigate(PATHS.home);
    };
  };

  return (
    <DangerZone
      className="account-section"
      heading={t('account.delete.title')}
      intro={t('account.delete.text')}
      label={t('account.delete.open')}
      title={t('account.delete.dialogTitle')}
      text={t('account.delete.dialogText')}
      typeToConfirm={{
        word,
        label: t('account.delete.confirmLabel', { word }),
        mismatch: t('account.delete.mismatch', { word }),
      }}
      confirmLabel={t('account.delete.confirm')}
      busyLabel={t('account.delete.deleting')}
      cancelLabel={t('account.delete.cancel')}
      onConfirm={remove}
    />
  );
}
