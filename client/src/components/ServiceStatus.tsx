import { useTranslation } from 'react-i18next';
import { useHavenStore } from '../store/index.ts';

export function ServiceStatus() {
  const { t } = useTranslation();
  const status = useHavenStore((s) => s.serviceStatus);
  const check = useHavenStore((s) => s.checkServiceStatus);
  const troubled = status === 'degraded' || status === 'down' || status === 'unreachable';

  return (
    <div className="service-status" data-status={status}>
      <p role="status">
        <span className="status-dot" aria-hidden="true" />
        {t(`status.${status}`)}
      </p>
      {troubled && (
        <button type="button" className="link-button" onClick={() => void check()}>
          {t('status.retry')}
        </button>
      )}
    </div>
  );
}
