import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ReportedItem } from '../../../../../shared/api/community.ts';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { personName } from '../components/bits.tsx';
import { useLocale, useViewerZone } from '../hooks.ts';
import { COMMUNITY_PATHS } from '../paths.ts';
import { formatDateTime } from '../time.ts';

/**
 * One reported post or comment: its words and author, then every report on it newest
 * first (reason, when, the reporter's note; never who). Hiding asks first, in a dialog;
 * dismissing does not, as it changes nothing members see.
 */
export function ReportedItemCard({
  item,
  resolved,
  busy,
  onHide,
  onDismiss,
  focusAfter,
}: {
  item: ReportedItem;
  resolved: boolean;
  busy: boolean;
  /** Throws to keep the dialog open with the reason shown. */
  onHide: () => Promise<void>;
  onDismiss: () => void;
  focusAfter: () => HTMLElement | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useViewerZone();
  const { target } = item;
  const isComment = target.type === 'comment';
  const deleted = target.status === 'deleted';
  const hidden = target.status === 'hidden';
  const kind = isComment ? 'comment' : 'post';
  return (
    <li className="cm-card cm-report-card">
      <p className="cm-meta">
        <span className="cm-badge">{t(`community.moderation.${kind}`)}</span>
        <span className="cm-badge cm-badge-warn">
          {t(resolved ? 'community.moderation.reports' : 'community.moderation.openReports', {
            count: item.count,
          })}
        </span>
      </p>
      <blockquote className="cm-quote">
        {deleted ? (
          <p className="cm-muted">{t('community.moderation.deleted')}</p>
        ) : (
          <>
            {target.title && <p className="cm-strong">{target.title}</p>}
            <p className="cm-text">{target.body}</p>
            <p className="cm-muted">
              {t('community.moderation.author', { name: personName(t, target.author) })}
              {hidden && ` · ${t('community.posts.hidden')}`}
            </p>
          </>
        )}
      </blockquote>
      <ul className="cm-item-reports" aria-label={t('community.moderation.reportsOnIt')}>
        {item.reports.map((report) => {
          // A value, not a comparison, in the JSX (see docs/client.md).
          const decided = report.status === 'resolved' ? (report.action ?? 'dismiss') : null;
          return (
            <li key={report.id}>
              <span className="cm-strong">{t(`community.report.reasons.${report.reason}`)}</span>
              {' · '}
              <span className="cm-muted">
                {t('community.moderation.reportedAt', {
                  date: formatDateTime(report.createdAt, zone, locale),
                })}
              </span>
              {report.note && <p>{t('community.moderation.note', { note: report.note })}</p>}
              {decided && (
                <p className="cm-muted">{t(`community.moderation.actions.${decided}`)}</p>
              )}
            </li>
          );
        })}
      </ul>
      {!deleted && (
        <p>
          <Link href={COMMUNITY_PATHS.post(target.postId)}>
            {t('community.moderation.openPost')}
          </Link>
        </p>
      )}
      {!resolved && (
        <div className="form-actions">
          {!deleted && !hidden && (
            <ConfirmButton
              label={t(`community.moderation.hide.${kind}`)}
              title={t(`community.moderation.hide.${kind}Title`)}
              text={t('community.moderation.hide.text', { count: item.count })}
              confirmLabel={t(`community.moderation.hide.${kind}`)}
              cancelLabel={t('community.moderation.hide.cancel')}
              onConfirm={onHide}
              focusAfter={focusAfter}
              messageFor={(code) =>
                code === 'INVALID_TRANSITION' ? t('community.moderation.alreadyResolved') : null
              }
            />
          )}
          <button
            type="button"
            className="secondary"
            aria-disabled={busy || undefined}
            onClick={onDismiss}
          >
            {t('community.moderation.dismissAll', { count: item.count })}
          </button>
        </div>
      )}
    </li>
  );
}
