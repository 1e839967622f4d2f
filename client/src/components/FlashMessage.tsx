import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useHavenStore } from '../store/index.ts';

/**
 * A one-off message ("You've signed out.") on the page an action led to. The live region
 * stays mounted across pages so the message is announced; leaving the page clears it.
 */
export function FlashMessage() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const flash = useHavenStore((s) => s.flash);
  const showFlash = useHavenStore((s) => s.showFlash);

  useEffect(() => {
    const current = useHavenStore.getState().flash;
    if (current && current.path !== location) showFlash(null);
  }, [location, showFlash]);

  const shown = flash && flash.path === location ? flash : null;
  const isError = shown?.key === 'signOutFailed';
  return (
    <div className="container flash-region" role="status">
      {shown && (
        <div className={`flash${isError ? ' flash-error' : ''}`}>
          <p>{t(`flash.${shown.key}`, { name: shown.name ?? '' })}</p>
          <button type="button" className="link-button" onClick={() => showFlash(null)}>
            {t('flash.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
