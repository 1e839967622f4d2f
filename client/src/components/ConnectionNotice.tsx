import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../i18n/index.ts';
import { useHavenStore } from '../store/index.ts';

/**
 * Explains, in the person's language, why Haven refused a connection, or that this
 * page is older than the server (then only a reload helps).
 */
export function ConnectionNotice() {
  const { t } = useTranslation();
  const refusal = useHavenStore((s) => s.refusal);
  const outdated = useHavenStore((s) => s.clientOutdated);
  const setRefusal = useHavenStore((s) => s.setRefusal);

  const code = refusal?.code ?? (outdated ? 'VERSION_MISMATCH' : null);
  if (!code) return null;
  const needsReload = code === 'VERSION_MISMATCH' || code === 'CSRF' || code === 'INVALID_PAYLOAD';

  return (
    <div className="notice" role="alert">
      <p className="notice-title">{t('notice.title')}</p>
      <p>{t(errorMessageKey(code))}</p>
      <div className="notice-actions">
        {needsReload && (
          <button type="button" onClick={() => window.location.reload()}>
            {t('notice.reload')}
          </button>
        )}
        {refusal && (
          <button type="button" className="secondary" onClick={() => setRefusal(null)}>
            {t('notice.dismiss')}
          </button>
        )}
      </div>
    </div>
  );
}
