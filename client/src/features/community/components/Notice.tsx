import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { type CommunityNotice, useCommunityStore } from '../store.ts';

/**
 * The one-off message an action leaves on the page it led to ("Your post has been
 * deleted."), right under the page's heading where focus lands after navigating. The page
 * takes the notice out of the store as it shows it, so it is gone once the page is left.
 */
export function Notice() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const pending = useCommunityStore((s) => s.notice);
  const showNotice = useCommunityStore((s) => s.showNotice);
  const [shown, setShown] = useState<CommunityNotice | null>(() =>
    pending && pending.path === location ? pending : null,
  );

  useEffect(() => {
    if (!pending || pending.path !== location) return;
    setShown(pending);
    showNotice(null);
  }, [pending, location, showNotice]);

  return (
    <div role="status" className="cm-notice-region">
      {shown && (
        <div className="flash cm-notice">
          <p>{t(`community.notices.${shown.key}`)}</p>
          <button type="button" className="link-button" onClick={() => setShown(null)}>
            {t('community.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
