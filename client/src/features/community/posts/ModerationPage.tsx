import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import type { ReportedItem } from '../../../../../shared/api/community.ts';
import type { ErrorCode } from '../../../../../shared/errors.ts';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { ShowMore } from '../../../components/ShowMore.tsx';
import { FormAlert } from '../../../forms/fields.tsx';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { ChatReportQueue } from '../../chat/components/ChatReportQueue.tsx';
import { CommunityGate } from '../components/CommunityGate.tsx';
import { NotForYou } from '../components/NotForYou.tsx';
import { pageQuery } from '../filters.ts';
import { useLoad, usePaged } from '../hooks.ts';
import { COMMUNITY_PATHS } from '../paths.ts';
import { canModerateContent } from '../permissions.ts';
import { callCommunity } from '../store.ts';
import { ReportedItemCard } from './ReportedItemCard.tsx';

/**
 * `/moderation`: open reports by reported item, oldest first, with the reported words and their author,
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

type Outcome =
  | { action: 'hide'; item: ReportedItem }
  | { action: 'dismiss' | 'unhide' }
  | { code: ErrorCode };

const sameItem = (a: ReportedItem, b: ReportedItem) =>
  a.target.postId === b.target.postId && a.target.commentId === b.target.commentId;

/**
 * One entry per reported post or comment, however many reported it (issue 18): a decision
 * covers all its open reports. Hiding asks first (ReportedItemCard), and offers Undo after.
 */
function Queue() {
  const { t } = useTranslation();
  const resolved = useResolvedView();
  const status = resolved ? 'resolved' : 'open';
  const list = usePaged(`report-items:${status}`, (api, cursor) =>
    api.listReportedItems(pageQuery(cursor, { status })),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  /** Throws for the hide dialog to show; a dismissal's refusal shows above the list. */
  const decide = async (item: ReportedItem, action: 'hide' | 'dismiss') => {
    setOutcome(null);
    try {
      const done = await callCommunity((api) => api.decideItem(item.target, action));
      list.setItems((items) => items.filter((i) => !sameItem(i, item)));
      setOutcome(action === 'hide' ? { action, item: done } : { action });
    } catch (error) {
      const code = asApiError(error).code;
      if (code === 'INVALID_TRANSITION') void list.refresh();
      throw error;
    }
  };

  const dismiss = async (item: ReportedItem) => {
    if (busy) return;
    setBusy(true);
    try {
      await decide(item, 'dismiss');
      headingRef.current?.focus();
    } catch (error) {
      setOutcome({ code: asApiError(error).code });
    } finally {
      setBusy(false);
    }
  };

  const undo = async (item: ReportedItem) => {
    if (busy) return;
    setBusy(true);
    try {
      await callCommunity((api) => api.unhideItem(item.target));
      setOutcome({ action: 'unhide' });
      // Its reports are open again: it takes its place in the queue.
      await list.refresh();
      headingRef.current?.focus();
    } catch (error) {
      setOutcome({ code: asApiError(error).code });
    } finally {
      setBusy(false);
    }
  };

  const failure = outcome && 'code' in outcome ? outcome.code : null;
  const done = outcome && 'action' in outcome ? outcome.action : null;
  const hiddenItem = outcome && 'item' in outcome ? outcome.item : null;
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
        <div role="status" className="cm-moderation-outcome">
          {done && <p>{t(`community.moderation.outcome.${done}`)}</p>}
          {hiddenItem && (
            <button
              type="button"
              className="secondary"
              aria-disabled={busy || undefined}
              onClick={() => void undo(hiddenItem)}
            >
              {t('community.moderation.undo')}
            </button>
          )}
        </div>
        {list.loading && <Loading />}
        {list.error && <LoadFailed error={list.error} onRetry={list.reload} />}
        {shown && (
          <>
            {shown.items.length === 0 && <p>{t('community.moderation.none')}</p>}
            <ul className="cm-cards cm-cards-wide">
              {shown.items.map((item) => (
                <ReportedItemCard
                  key={`${item.target.postId}:${item.target.commentId ?? ''}`}
                  item={item}
                  resolved={resolved}
                  busy={busy}
                  onHide={() => decide(item, 'hide')}
                  onDismiss={() => void dismiss(item)}
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
      <ChatReportQueue resolved={resolved} />
    </Page>
  );
}
