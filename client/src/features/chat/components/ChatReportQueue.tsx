import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatReport, ChatReportAction } from '../../../../../shared/api/chat-reports.ts';
import type { ErrorCode } from '../../../../../shared/errors.ts';
import type { AfterConfirm } from '../../../components/ConfirmButton.tsx';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { ShowMore } from '../../../components/ShowMore.tsx';
import { FormAlert, FormStatus } from '../../../forms/fields.tsx';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { pageQuery } from '../../community/filters.ts';
import { usePaged } from '../../community/hooks.ts';
import { callCommunity } from '../../community/store.ts';
import { ChatReportCard } from './ChatReportCard.tsx';

type Outcome = { action: ChatReportAction } | { code: ErrorCode };

/**
 * The moderation page's reported chat lines (site staff: every group's; a group's
 * moderators: their groups'), one card per reported line however many reported it (issue
 * 18). Each shows the line as it is now (or that it was deleted), its sender and group, and
 * every open report's reason; delete the line, mute or ban its sender, or dismiss. Acting
 * resolves every open report on the line at once.
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

  /** Resolves the line; what to show after is returned, for a dialog to close first. */
  const resolveLine = async (
    report: ChatReport,
    action: ChatReportAction,
    minutes?: number,
  ): Promise<AfterConfirm> => {
    const input = minutes ? { action, minutes } : { action };
    const done = await callCommunity((api) => api.resolveChatReport(report.id, input));
    return () => {
      list.setItems((items) => items.filter((r) => r.line.id !== done.line.id));
      setOutcome({ action });
      headingRef.current?.focus();
    };
  };

  const act = async (report: ChatReport, action: ChatReportAction, minutes?: number) => {
    if (busyId) return;
    setBusyId(report.id);
    setOutcome(null);
    try {
      (await resolveLine(report, action, minutes))();
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
                onConfirmed={(action) => {
                  setOutcome(null);
                  return resolveLine(report, action);
                }}
                focusAfter={() => headingRef.current}
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
