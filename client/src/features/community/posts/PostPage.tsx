import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Post } from '../../../../../shared/api/community.ts';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { PointBadge } from '../../../components/PointBadge.tsx';
import { personName } from '../components/bits.tsx';
import { CommunityGate } from '../components/CommunityGate.tsx';
import { Notice } from '../components/Notice.tsx';
import { ReportButton } from '../components/ReportButton.tsx';
import { useLoad, useLocale, useViewerZone } from '../hooks.ts';
import { COMMUNITY_PATHS } from '../paths.ts';
import { callCommunity, useCommunityStore } from '../store.ts';
import { formatDateTime } from '../time.ts';
import { Comments } from './Comments.tsx';

/** `/posts/:id`: one post and its comments; report, or delete one's own. */
export function PostPage({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <CommunityGate title={t('community.posts.detailTitle')}>
      {() => <PostView id={id} />}
    </CommunityGate>
  );
}

function PostView({ id }: { id: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(`post:${id}`, (api) => api.getPost(id));

  if (loaded.state.status !== 'ready') {
    return (
      <Page title={t('community.posts.detailTitle')}>
        {loaded.loading && <Loading />}
        {loaded.error && (
          <LoadFailed
            error={loaded.error}
            onRetry={loaded.reload}
            notFound={t('community.posts.notFound')}
          />
        )}
        <p className="cm-back">
          <Link href={COMMUNITY_PATHS.posts}>{t('community.posts.back')}</Link>
        </p>
      </Page>
    );
  }
  const { post, comments } = loaded.state.data;
  return (
    <Page title={post.title}>
      <Notice />
      <p className="cm-back">
        <Link href={COMMUNITY_PATHS.posts}>{t('community.posts.back')}</Link>
      </p>
      <PostBody post={post} />
      <Comments
        post={post}
        comments={comments}
        onChange={(update) =>
          loaded.setData((data) => ({ ...data, comments: update(data.comments) }))
        }
      />
    </Page>
  );
}

/** Video and article links are links, never embeds: nothing loads from elsewhere unasked. */
function PostBody({ post }: { post: Post }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const locale = useLocale();
  const zone = useViewerZone();
  const showNotice = useCommunityStore((s) => s.showNotice);
  const hidden = post.status === 'hidden';

  const remove = async () => {
    await callCommunity((api) => api.deletePost(post.id));
    return () => {
      showNotice({ key: 'postDeleted', path: COMMUNITY_PATHS.posts });
      navigate(COMMUNITY_PATHS.posts);
    };
  };

  return (
    <article className="panel cm-post" aria-labelledby="cm-post-byline">
      <p className="cm-meta">
        <PointBadge point={post.point} />
        <span className="cm-badge">{t(`community.posts.kinds.${post.kind}`)}</span>
        {hidden && <span className="cm-badge cm-badge-warn">{t('community.posts.hidden')}</span>}
      </p>
      {hidden && <p className="cm-muted">{t('community.posts.hiddenText')}</p>}
      <p id="cm-post-byline" className="cm-muted">
        {t('community.posts.byline', {
          name: personName(t, post.author),
          date: formatDateTime(post.createdAt, zone, locale),
        })}
      </p>
      {post.url && (
        <p className="cm-link">
          <a href={post.url} target="_blank" rel="noopener noreferrer">
            {t(post.kind === 'video' ? 'community.posts.watch' : 'community.posts.read')}
            <span className="visually-hidden">{` ${t('community.opensNewTab')}`}</span>
          </a>
          <br />
          <span className="cm-url">{post.url}</span>
        </p>
      )}
      <p className="cm-text">{post.body}</p>
      <div className="cm-item-actions">
        {post.mine ? (
          <ConfirmButton
            className="secondary small"
            label={t('community.posts.delete')}
            title={t('community.posts.deleteTitle')}
            text={t('community.posts.deleteText')}
            confirmLabel={t('community.posts.deleteConfirm')}
            cancelLabel={t('community.keep')}
            onConfirm={remove}
          />
        ) : (
          <ReportButton postId={post.id} what={t('community.report.thisPost')} />
        )}
      </div>
    </article>
  );
}
