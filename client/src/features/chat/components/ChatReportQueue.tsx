import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatReport, ChatReportAction } from '../../../../../shared/api/chat-reports.ts';
import type { ErrorCode } from '../../../../../shared/errors.ts';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { ShowMore } from '../../../components/ShowMore.tsx';
import { FormAlert, FormStatus } from '../../../forms/fields.tsx';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { pageQuery } from '../../community/filters.ts';
import { useLocale, usePaged, useViewerZone } from '../../community/hooks.ts';
import { callCommunity } from '../../community/store.ts';
import { formatDateTime } from '../../community/time.ts';

/** How long a mute from the queue lasts: the moderator picks one. */
const MUTE_CHOICES = [10, 60, 1440, 10080] as const;
type Outcome = { action: ChatReportAction } | { code: ErrorCode };

/**
 * The moderation page's reported chat lines (site staff: every group's; a group's
 * moderators: their groups'). Each shows the line as it is now (or that it was deleted),
 * its sender and group, the reason; delete the line, mute or ban its sender, or dismiss.
 * Acting resolves every open report on the line, so they all leave the list.
 */
export function ChatReportQueue({ resolved }: { resolved: boolean }) {
  const { t } = useTranslation();
  const status = resolved ? 'resolved' : 'open';
  const list = usePaged(`chat-reports:${status}`, (api, cursor) =>
    api.listChatReports(pageQuery(cursor, { status })),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const act = async (report: ChatReport, action: ChatReportAction, minutes?: number) => {
    if (busyId) return;
    setBusyId(report.id);
    setOutcome(null);
    try {
      const input = minutes ? { action, minutes } : { action };
      const done = await callCommunity((api) => api.resolveChatReport(report.id, input));
      list.setItems((items) => items.filter((r) => r.line.id !== done.line.id));
      setOutcome({ action });
      headingRef.current?.focus();
    } catch (error) {
      const code = asApiError(error).code;
      setOutcome({ code });
      if (code === 'INVALID_TRANSITION') void list.refresh();
    } finally {
      setBusyId(null);
    }
  };

  const failure = outcome && 'code' in outcome ? outcome.code : null;
  const done = outcome && 'action' in outcome ? outcome.action : null;
  const alreadyResolved = failure === 'INVALID_TRANSITION';
  const shown = list.state.status === 'ready' ? list.state.data : null;
  const none = shown !== null && shown.items.length === 0;
  return (
    <section aria-labelledby="chat-reports-title" className="cm-results">
      <h2 id="chat-reports-title" ref={headingRef} tabIndex={-1}>
        {t(resolved ? 'chat.moderation.resolvedTitle' : 'chat.moderation.openTitle')}
      </h2>
      <FormAlert
        message={
          failure &&
          (alreadyResolved ? t('chat.moderation.alreadyResolved') : t(errorMessageKey(failure)))
        }
      />
      <FormStatus message={done && t(`chat.moderation.done.${done}`)} />
      {list.loading && <Loading />}
      {list.error && <LoadFailed error={list.error} onRetry={list.reload} />}
      {shown && (
        <>
          {none && <p>{t('chat.moderation.none')}</p>}
          <ul className="cm-cards cm-cards-wide">
            {shown.items.map((report) => (
              <ChatReportCard
                key={report.id}
                report={report}
                busy={busyId === report.id}
                onAct={(action, minutes) => void act(report, action, minutes)}
              />
            ))}
          </ul>
          <ShowMore
            className="cm-more"
            hasMore={Boolean(shown.nextCursor)}
            busy={list.more.busy}
            error={list.more.code}
            onMore={() => void list.loadMore()}
          />
        </>
      )}
    </section>
  );
}

function ChatReportCard({
  report,
  busy,
  onAct,
}: {
  report: ChatReport;
  busy: boolean;
  onAct: (action: ChatReportAction, minutes?: number) => void;
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
  const severalOpen = report.openReportsOnLine > 1;
  // A deleted member cannot be muted or banned, nor anyone in a private conversation (no
  // group to be muted in); a deleted line cannot be deleted again.
  const hasSender = line.senderId !== null && !isPrivate;
  return (
    <li className="cm-card cm-report-card">
      <p className="cm-meta">
        <span className="cm-badge">{t('chat.moderation.chatLine')}</span>
        <span className="cm-badge cm-badge-warn">
          {t(`community.report.reasons.${report.reason}`)}
        </span>
        {severalOpen && (
          <span className="cm-badge">
            {t('chat.moderation.others', { count: report.openReportsOnLine })}
          </span>
        )}
      </p>
      <p className="cm-muted">
        {isPrivate ? group : t('chat.moderation.inGroup', { group })} ·{' '}
        {t('chat.moderation.reportedAt', { date: formatDateTime(report.createdAt, zone, locale) })}
      </p>
      {report.note && <p>{t('chat.moderation.note', { note: report.note })}</p>}
      <blockquote className="cm-quote">
        {line.deleted ? (
          <p className="cm-muted">{t('chat.deleted')}</p>
        ) : (
          <p className="cm-text">{line.text}</p>
        )}
        <p className="cm-muted">{t('chat.moderation.sender', { name: sender })}</p>
      </blockquote>
      {open ? (
        <div className="form-actions chat-report-actions">
          {!line.deleted && (
            <button
              type="button"
              className="danger"
              aria-disabled={busy || undefined}
              onClick={() => onAct('delete')}
            >
              {t('chat.moderation.delete')}
            </button>
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
            <button
              type="button"
              className="danger"
              aria-disabled={busy || undefined}
              aria-label={t('chat.moderation.banLabel', { name: sender, group })}
              onClick={() => onAct('ban')}
            >
              {t('chat.moderation.ban')}
            </button>
          )}
          <button
            type="button"
            className="secondary"
            aria-disabled={busy || undefined}
            onClick={() => onAct('dismiss')}
          >
            {t('chat.moderation.dismiss')}
          </button>
        </div>
      ) : (
        <p className="cm-strong">{t(`chat.moderation.actions.${report.action ?? 'dismiss'}`)}</p>
      )}
    </li>
  );
}
