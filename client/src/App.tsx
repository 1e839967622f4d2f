import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { ConnectionNotice } from './components/ConnectionNotice.tsx';
import { FlashMessage } from './components/FlashMessage.tsx';
import { SiteFooter } from './components/SiteFooter.tsx';
import { SiteHeader } from './components/SiteHeader.tsx';
import { SkipLink } from './components/SkipLink.tsx';
import { recoveryRoutes } from './features/account-recovery/routes.tsx';
import { adminRoutes } from './features/admin/routes.tsx';
import { attendanceRoutes } from './features/attendance/routes.tsx';
import { ChatConnection } from './features/chat/ChatConnection.tsx';
import { chatRoutes } from './features/chat/routes.tsx';
import { communityRoutes } from './features/community/routes.tsx';
import { contactRoutes } from './features/contacts/routes.tsx';
import { emailAddressRoutes } from './features/email-address/routes.tsx';
import { directoryRoutes } from './features/meetings/directory/routes.tsx';
import { liveRoutes } from './features/meetings/live/routes.tsx';
import { programmeRoutes } from './features/programme/routes.tsx';
import { supportRoutes } from './features/support/routes.tsx';
import { trainingRoutes } from './features/training/routes.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { useFocusOnNavigation } from './routing/navigation.ts';
import { sectionRoutes, shellRoutes } from './shell-routes.tsx';
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

/** Shown while a page's chunk loads (first visit only); announced politely. */
function PageLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="page-loading">
      {t('app.loadingPage')}
    </p>
  );
}

export function App() {
  useServiceStatusPolling();
  useFocusOnNavigation();
  return (
    <ChatConnection>
      <SkipLink targetId={MAIN_ID} />
      <SiteHeader />
      <main id={MAIN_ID} tabIndex={-1}>
        <ConnectionNotice />
        <FlashMessage />
        <Suspense fallback={<PageLoading />}>
          <Switch>
            {shellRoutes()}
            {liveRoutes()}
            {directoryRoutes()}
            {chatRoutes()}
            {contactRoutes()}
            {communityRoutes()}
            {programmeRoutes()}
            {adminRoutes()}
            {attendanceRoutes()}
            {supportRoutes()}
            {trainingRoutes()}
            {recoveryRoutes()}
            {emailAddressRoutes()}
            {sectionRoutes()}
            <Route>
              <NotFoundPage />
            </Route>
          </Switch>
        </Suspense>
      </main>
      <SiteFooter />
    </ChatConnection>
  );
}
