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
    const heading = document.querySelector<HTMLElement>('main h1');
    window.scrollTo({ top: 0 });
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [location]);
}
