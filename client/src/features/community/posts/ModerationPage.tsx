import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import type { Report } from '../../../../../shared/api/community.ts';
import type { ErrorCode } from '../../../../../shared/errors.ts';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { ShowMore } from '../../../components/ShowMore.tsx';
import { FormAlert, FormStatus } from '../../../forms/fields.tsx';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { ChatReportQueue } from '../../chat/components/ChatReportQueue.tsx';
import { personName } from '../components/bits.tsx';
import { CommunityGate } from '../components/CommunityGate.tsx';
import { NotForYou } from '../components/NotForYou.tsx';
import { pageQuery } from '../filters.ts';
import { useLoad, useLocale, usePaged, useViewerZone } from '../hooks.ts';
import { COMMUNITY_PATHS } from '../paths.ts';
import { canModerateContent } from '../permissions.ts';
import { callCommunity } from '../store.ts';
import { formatDateTime } from '../time.ts';

/**
 * `/moderation`: open reports, oldest first, with the reported words and their author,
 * never the reporter. Site moderators and admins see posts and comments (hide or dismiss)
 * and every group's chat lines; a group's moderators see only their groups' chat lines.
 */
export function ModerationPage() {
  const { t } = useTranslation();
  const title = t('community.moderation.title');
  return (
    <CommunityGate title={title}>
      {(user) => (canModerateContent(user.roles) ? <Queue /> : <ChatOnly title={title} />)}
    </CommunityGate>
  );
}

function useResolvedView() {
  return new URLSearchParams(useSearch()).get('status') === 'resolved';
}

function Views({ resolved }: { resolved: boolean }) {
  const { t } = useTranslation();
  return (
    <nav className="cm-tabs" aria-label={t('community.moderation.views')}>
      <Link href={COMMUNITY_PATHS.moderation} aria-current={resolved ? undefined : 'page'}>
        {t('community.moderation.open')}
      </Link>
      <Link
        href={`${COMMUNITY_PATHS.moderation}?status=resolved`}
        aria-current={resolved ? 'page' : undefined}
      >
        {t('community.moderation.resolved')}
      </Link>
    </nav>
  );
}

/** A group's moderator who is not site staff: their groups' chat reports, nothing else. */
function ChatOnly({ title }: { title: string }) {
  const { t } = useTranslation();
  const resolved = useResolvedView();
  const scope = useLoad('chat-report-scope', (api) => api.chatReportScope());
  const ready = scope.state.status === 'ready' ? scope.state.data : null;
  const moderates = Boolean(ready && ready.groups.length > 0);
  return (
    <Page title={title} intro={moderates ? t('chat.moderation.onlyChat') : undefined}>
      {scope.loading && <Loading />}
      {scope.error && <LoadFailed error={scope.error} onRetry={scope.reload} />}
      {ready && !moderates && (
        <NotForYou
          text={t('community.moderation.notAllowed')}
          back={COMMUNITY_PATHS.posts}
          backLabel={t('community.posts.back')}
        />
      )}
      {moderates && <Views resolved={resolved} />}
      {moderates && <ChatReportQueue resolved={resolved} />}
    </Page>
  );
}

type Outcome = { action: 'hide' | 'dismiss' } | { code: ErrorCode };

function Queue() {
  const { t } = useTranslation();
  const resolved = useResolvedView();
  const status = resolved ? 'resolved' : 'open';
  const list = usePaged(`reports:${status}`, (api, cursor) =>
    api.listReports(pageQuery(cursor, { status })),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const act = async (report: Report, action: 'hide' | 'dismiss') => {
    if (busyId) return;
    setBusyId(report.id);
    setOutcome(null);
    try {
      const done = await callCommunity((api) => api.resolveReport(report.id, action));
      // Hiding resolves every open report on the same content: they leave the queue too.
      list.setItems((items) =>
        items.filter((r) =>
          action === 'hide'
            ? !(
                r.target.postId === done.target.postId &&
                r.target.commentId === done.target.commentId
              )
            : r.id !== done.id,
        ),
      );
      setOutcome({ action });
      headingRef.current?.focus();
    } catch (error) {
      setOutcome({ code: asApiError(error).code });
      if (asApiError(error).code === 'INVALID_TRANSITION') void list.refresh();
    } finally {
      setBusyId(null);
    }
  };

  const failure = outcome && 'code' in outcome ? outcome.code : null;
  const done = outcome && 'action' in outcome ? outcome.action : null;
  // A value, not a comparison, in the JSX (see docs/client.md).
  const shown = list.state.status === 'ready' ? list.state.data : null;
  return (
    <Page title={t('community.moderation.title')} intro={t('community.moderation.intro')}>
      <Views resolved={resolved} />
      <section aria-labelledby="cm-reports-title" className="cm-results">
        <h2 id="cm-reports-title" ref={headingRef} tabIndex={-1}>
          {t(resolved ? 'community.moderation.resolvedTitle' : 'community.moderation.openTitle')}
        </h2>
        <FormAlert
          message={
            failure &&
            (failure === 'INVALID_TRANSITION'
              ? t('community.moderation.alreadyResolved')
              : t(errorMessageKey(failure)))
          }
        />
        <FormStatus
          message={
            done &&
            t(done === 'hide' ? 'community.moderation.hidden' : 'community.moderation.dismissed')
          }
        />
        {list.loading && <Loading />}
        {list.error && <LoadFailed error={list.error} onRetry={list.reload} />}
        {shown && (
          <>
            {shown.items.length === 0 && <p>{t('community.moderation.none')}</p>}
            <ul className="cm-cards cm-cards-wide">
              {shown.items.map((report) => (
                <ReportCard
                  key={report.id}
                  report={report}
                  busy={busyId === report.id}
                  onAct={(action) => void act(report, action)}
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
      <ChatReportQueue resolved={resolved} />
    </Page>
  );
}

function ReportCard({
  report,
  busy,
  onAct,
}: {
  report: Report;
  busy: boolean;
  onAct: (action: 'hide' | 'dismiss') => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useViewerZone();
  const { target } = report;
  const isComment = target.type === 'comment';
  const deleted = target.status === 'deleted';
  const hidden = target.status === 'hidden';
  return (
    <li className="cm-card cm-report-card">
      <p className="cm-meta">
        <span className="cm-badge">
          {t(isComment ? 'community.moderation.comment' : 'community.moderation.post')}
        </span>
        <span className="cm-badge cm-badge-warn">
          {t(`community.report.reasons.${report.reason}`)}
        </span>
        {report.openReportsOnTarget > 1 && (
          <span className="cm-badge">
            {t('community.moderation.others', { count: report.openReportsOnTarget })}
          </span>
        )}
      </p>
      <p className="cm-muted">
        {t('community.moderation.reportedAt', {
          date: formatDateTime(report.createdAt, zone, locale),
        })}
      </p>
      {report.note && <p>{t('community.moderation.note', { note: report.note })}</p>}
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
      {!deleted && (
        <p>
          <Link href={COMMUNITY_PATHS.post(target.postId)}>
            {t('community.moderation.openPost')}
          </Link>
        </p>
      )}
      {report.status === 'open' ? (
        <div className="form-actions">
          <button
            type="button"
            className="danger"
            aria-disabled={busy || undefined}
            onClick={() => onAct('hide')}
          >
            {t(isComment ? 'community.moderation.hideComment' : 'community.moderation.hidePost')}
          </button>
          <button
            type="button"
            className="secondary"
            aria-disabled={busy || undefined}
            onClick={() => onAct('dismiss')}
          >
            {t('community.moderation.dismiss')}
          </button>
        </div>
      ) : (
        <p className="cm-strong">
          {t(`community.moderation.actions.${report.action ?? 'dismiss'}`)}
        </p>
      )}
    </li>
  );
}
