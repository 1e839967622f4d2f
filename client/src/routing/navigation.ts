import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';

/** Sets document.title to "<page> · Haven", or Haven's own title when `page` is null. */
export function useDocumentTitle(page: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = page ? t('app.pageTitle', { page }) : t('app.documentTitle');
  }, [page, t]);
}

/**
 * After an in-app navigation (not the first load), brings the new page to the top and
 * moves focus to its h1, so screen-reader and keyboard users start on the new page the
 * way a full page load would start them.
 */
export function useFocusOnNavigation(): void {
  const [location] = useLocation();
  const previous = useRef(location);
  useEffect(() => {
    if (previous.current === location) return;
    previous.current = location;
    window.scrollTo({ top: 0 });
    const main = document.querySelector('main');
    if (!main) return;
    const focusHeading = (): boolean => {
      // While a page loads, React keeps the previous one in the DOM, hidden: only a
      // rendered h1 is the new page's.
      const heading = [...main.querySelectorAll<HTMLElement>('h1')].find(
        (h1) => h1.getClientRects().length > 0,
      );
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
      return true;
    };
    if (focusHeading()) return;
    // A page loaded on first visit renders its h1 a moment later: wait for it (briefly).
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const giveUp = window.setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      window.clearTimeout(giveUp);
    };
  }, [location]);
}
