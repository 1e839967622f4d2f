import { useEffect } from 'react';
import { ConnectionNotice } from './components/ConnectionNotice.tsx';
import { SiteFooter } from './components/SiteFooter.tsx';
import { SiteHeader } from './components/SiteHeader.tsx';
import { SkipLink } from './components/SkipLink.tsx';
import { LandingPage } from './pages/LandingPage.tsx';
import { useHavenStore } from './store/index.ts';

const MAIN_ID = 'main';
const HEALTH_POLL_MS = 30_000;

/** Keeps the service status fresh while the page is visible, and right after coming back online. */
function useServiceStatusPolling(): void {
  const check = useHavenStore((s) => s.checkServiceStatus);
  useEffect(() => {
    const checkIfVisible = () => {
      if (document.visibilityState === 'visible') void check();
    };
    void check();
    const timer = window.setInterval(checkIfVisible, HEALTH_POLL_MS);
    window.addEventListener('online', checkIfVisible);
    document.addEventListener('visibilitychange', checkIfVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', checkIfVisible);
      document.removeEventListener('visibilitychange', checkIfVisible);
    };
  }, [check]);
}

export function App() {
  useServiceStatusPolling();
  return (
    <>
      <SkipLink targetId={MAIN_ID} />
      <SiteHeader />
      <main id={MAIN_ID} tabIndex={-1}>
        <ConnectionNotice />
        <LandingPage />
      </main>
      <SiteFooter />
    </>
  );
}
