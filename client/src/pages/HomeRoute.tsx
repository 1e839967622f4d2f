import { useTranslation } from 'react-i18next';
import { Loading } from '../components/LoadStatus.tsx';
import { lazyPage } from '../routing/lazy-page.ts';
import { useHavenStore } from '../store/index.ts';
import { LandingPage } from './LandingPage.tsx';

const HomePage = lazyPage(() => import('../features/home/HomePage.tsx'), 'HomePage');

/**
 * "/": a signed-in member's home, anyone else's introduction to Haven. Until the session
 * is known neither is guessed, so a member does not see the landing page flash by.
 */
export function HomeRoute() {
  const { t } = useTranslation();
  const status = useHavenStore((s) => s.sessionStatus);
  const user = useHavenStore((s) => s.user);
  if (user) return <HomePage user={user} />;
  if (status === 'loading') return <Loading text={t('app.loadingPage')} className="container" />;
  return <LandingPage />;
}
