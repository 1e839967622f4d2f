import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatReport, ChatReportAction } from '../../../../../shared/api/chat-reports.ts';
import { type AfterConfirm, ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { useLocale, useViewerZone } from '../../community/hooks.ts';
import { formatDateTime } from '../../community/time.ts';

/** How long a mute from the queue lasts: the moderator picks one. */
const MUTE_CHOICES = [10, 60, 1440, 10080] as const;

/**
 * One reported chat line: the line, its sender and group, then every open report on it
 * newest first (reason, when, the reporter's note; never who). Deleting the line and
 * banning its sender ask first, in a dialog, as neither is undone from here; a mute ends by
 * itself and a dismissal changes nothing members see.
 */
export function ChatReportCard({
  report,
  busy,
  onAct,
  onConfirmed,
  focusAfter,
}: {
  report: ChatReport;
  busy: boolean;
  onAct: (action: 'mute' | 'dismiss', minutes?: number) => void;
  /** Throws to keep the dialog open with the reason shown. */
  onConfirmed: (action: Extract<ChatReportAction, 'delete' | 'ban'>) => Promise<AfterConfirm>;
  focusAfter: () => HTMLElement | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useViewerZone();
  const minutesId = useId();
  const [minutes, setMinutes] = useState<number>(MUTE_CHOICES[1]);
  const { line } = report;
  const sender = line.senderName ?? t('chat.deletedMember');
  const isPrivate = line.kind === 'private';
  const group = isPrivate
    ? t('chat.moderation.privateLine')
    : (line.groupName ?? t('chat.moderation.groupGone'));
  const open = report.status === 'open';
  const count = report.openReportsOnLine;
  // A deleted member cannot be muted or banned, nor anyone in a private conversation (no
  // group to be muted in); a deleted line cannot be deleted again.
  const hasSender = line.senderId !== null && !isPrivate;
  const alreadyDealt = (code: string) =>
    code === 'INVALID_TRANSITION' ? t('chat.moderation.alreadyDealt') : null;
  return (
    <li className="cm-card cm-report-card">
      <p className="cm-meta">
        <span className="cm-badge">{t('chat.moderation.chatLine')}</span>
        {open && (
          <span className="cm-badge cm-badge-warn">{t('chat.moderation.others', { count })}</span>
        )}
      </p>
      <p className="cm-muted">{isPrivate ? group : t('chat.moderation.inGroup', { group })}</p>
      <blockquote className="cm-quote">
        {line.deleted ? (
          <p className="cm-muted">{t('chat.deleted')}</p>
        ) : (
          <p className="cm-text">{line.text}</p>
        )}
        <p className="cm-muted">{t('chat.moderation.sender', { name: sender })}</p>
      </blockquote>
      <ul className="cm-item-reports" aria-label={t('chat.moderation.reportsOnIt')}>
        {report.reports.map((one) => (
          <li key={`${one.createdAt}:${one.reason}:${one.note ?? ''}`}>
            <span className="cm-strong">{t(`community.report.reasons.${one.reason}`)}</span>
            {' · '}
            <span className="cm-muted">
              {t('chat.moderation.reportedAt', {
                date: formatDateTime(one.createdAt, zone, locale),
              })}
            </span>
            {one.note && <p>{t('chat.moderation.note', { note: one.note })}</p>}
          </li>
        ))}
      </ul>
      {open ? (
        <div className="form-actions chat-report-actions">
          {!line.deleted && (
            <ConfirmButton
              label={t('chat.moderation.delete')}
              title={t('chat.moderation.deleteTitle')}
              text={t('chat.moderation.deleteText', { count })}
              confirmLabel={t('chat.moderation.delete')}
              cancelLabel={t('chat.moderation.cancel')}
              onConfirm={() => onConfirmed('delete')}
              focusAfter={focusAfter}
              messageFor={alreadyDealt}
            />
          )}
          {hasSender && (
            <span className="chat-mute">
              <label htmlFor={minutesId}>{t('chat.moderation.muteFor')}</label>{' '}
              <select
                id={minutesId}
                value={minutes}
                onChange={(e) => setMinutes(Number(e.target.value))}
              >
                {MUTE_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`chat.moderation.minutes.${choice}`)}
                  </option>
                ))}
              </select>{' '}
              <button
                type="button"
                className="secondary"
                aria-disabled={busy || undefined}
                aria-label={t('chat.moderation.muteLabel', { name: sender })}
                onClick={() => onAct('mute', minutes)}
              >
                {t('chat.moderation.mute')}
              </button>
            </span>
          )}
          {hasSender && (
            <ConfirmButton
              label={t('chat.moderation.ban')}
              title={t('chat.moderation.banTitle', { name: sender })}
              text={t('chat.moderation.banText', { count, name: sender, group })}
              confirmLabel={t('chat.moderation.ban')}
              cancelLabel={t('chat.moderation.cancel')}
              onConfirm={() => onConfirmed('ban')}
              focusAfter={focusAfter}
              messageFor={alreadyDealt}
            />
          )}
          <button
            type="button"
            className="secondary"
            aria-disabled={busy || undefined}
            onClick={() => onAct('dismiss')}
          >
            {t('chat.moderation.dismissAll', { count })}
          </button>
        </div>
      ) : (
        <p className="cm-strong">{t(`chat.moderation.actions.${report.action ?? 'dismiss'}`)}</p>
      )}
    </li>
  );
}
