import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { PATHS, signInPath } from '../routes.ts';
import { useHavenStore } from '../store/index.ts';
import { NavLink } from './NavLink.tsx';

/** The header's account corner: "Sign in" and "Join", or the member's name and "Sign out". */
export function AccountMenu() {
  const { t } = useTranslation();
  const [location, navigate] = useLocation();
  const status = useHavenStore((s) => s.sessionStatus);
  const user = useHavenStore((s) => s.user);
  const signOut = useHavenStore((s) => s.signOut);
  const showFlash = useHavenStore((s) => s.showFlash);

  // While /api/me is on its way, keep the space without guessing.
  if (status === 'loading') return <div className="account-menu" />;

  if (user) {
    const onSignOut = async () => {
      try {
        await signOut();
        showFlash({ key: 'signedOut', path: PATHS.home });
        navigate(PATHS.home);
      } catch {
        showFlash({ key: 'signOutFailed', path: location });
      }
    };
    return (
      <div className="account-menu">
        <p className="account-name">{t('header.signedInAs', { name: user.displayName })}</p>
        <NavLink href={PATHS.account}>{t('header.account')}</NavLink>
        <button type="button" className="secondary small" onClick={() => void onSignOut()}>
          {t('header.signOut')}
        </button>
      </div>
    );
  }

  return (
    <div className="account-menu">
      <NavLink href={signInPath(location)}>{t('header.signIn')}</NavLink>
      <NavLink href={PATHS.signUp} className="button-link small">
        {t('header.join')}
      </NavLink>
    </div>
  );
}
