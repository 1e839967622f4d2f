import { useEffect } from 'react';

/**
 * While `active` (a form has unsaved changes), asks before the member leaves: the browser's
 * own prompt on reload, closing the tab or typing an address (`beforeunload`), and a
 * `window.confirm` with `message` when they click a link to another page of the app.
 *
 * wouter has no navigation blocker, so the click is caught on its way down (capture phase on
 * the document, before React's listener on the root sees it) and stopped when the member
 * says no. A native confirm rather than the app's dialog (ConfirmButton): it answers
 * synchronously inside the click, so the click can simply be cancelled or let through for
 * every link of the shell (header, menu, footer) without re-playing the navigation
 * afterwards; it is keyboard- and screen-reader-usable by itself and matches the
 * browser's own prompt used on reload. The browser's back button is not asked about
 * (wouter cannot stop it); the local draft covers that case.
 */
export function useLeaveGuard(active: boolean, message: string): void {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (!leavesThePage(event)) return;
      if (window.confirm(message)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [active, message]);
}

/** A plain click on a same-origin link to another address of this tab (not a new tab). */
function leavesThePage(event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const target = event.target instanceof Element ? event.target : null;
  const link = target?.closest('a[href]');
  if (!(link instanceof HTMLAnchorElement)) return false;
  if (link.target && link.target !== '_self') return false;
  if (link.hasAttribute('download')) return false;
  const to = new URL(link.href, window.location.href);
  if (to.origin !== window.location.origin) return true;
  // Only the fragment changes (a skip link, "back to top"): the page stays.
  return to.pathname !== window.location.pathname || to.search !== window.location.search;
}
