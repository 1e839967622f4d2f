import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import type { OwnUser } from '../../../../../shared/api/accounts.ts';
import type { Post } from '../../../../../shared/api/community.ts';
import { ListStatus, LoadFailed } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { PointBadge, pointName } from '../../../components/PointBadge.tsx';
import { ShowMore } from '../../../components/ShowMore.tsx';
import { SelectField } from '../../../forms/fields.tsx';
import { personName } from '../components/bits.tsx';
import { CommunityGate } from '../components/CommunityGate.tsx';
import { Notice } from '../components/Notice.tsx';
import { POINTS, POST_KINDS, type Point, type PostKind } from '../constants.ts';
import {
  type PostFilters,
  parsePostFilters,
  postFiltersSearch,
  postListQuery,
} from '../filters.ts';
import { useLocale, usePaged, useViewerZone } from '../hooks.ts';
import { COMMUNITY_PATHS } from '../paths.ts';
import { canModerateContent } from '../permissions.ts';
import { formatDateTime } from '../time.ts';

/** `/posts`: ideas, videos and articles members found helpful, by point of the programme. */
export function PostsPage() {
  const { t } = useTranslation();
  return (
    <CommunityGate title={t('community.posts.title')}>
      {(user) => <Feed user={user} />}
    </CommunityGate>
  );
}

function Feed({ user }: { user: OwnUser }) {
  const { t } = useTranslation();
  const search = useSearch();
  const filters = useMemo(() => parsePostFilters(search), [search]);
  const list = usePaged(`posts${postListQuery(filters)}`, (api, cursor) =>
    api.listPosts(postListQuery(filters, cursor)),
  );

  // A value, not a comparison, in the JSX (see docs/client.md).
  const shown = list.state.status === 'ready' ? list.state.data : null;
  return (
    <Page title={t('community.posts.title')} intro={t('community.posts.intro')}>
      <Notice />
      <p className="cm-actions">
        <Link className="button-link" href={COMMUNITY_PATHS.newPost}>
          {t('community.posts.share')}
        </Link>
        {/* The header is the shell's; moderators reach their queue from here. */}
        {canModerateContent(user.roles) && (
          <Link href={COMMUNITY_PATHS.moderation}>{t('community.moderation.link')}</Link>
        )}
      </p>
      <PostFilterForm key={search} filters={filters} />
      <section aria-labelledby="cm-posts-results" className="cm-results">
        <h2 id="cm-posts-results" className="visually-hidden">
          {t('community.posts.results')}
        </h2>
        <ListStatus
          className="cm-count"
          loading={list.loading}
          count={shown ? shown.items.length : null}
          shown={(count) => t('community.posts.shown', { count })}
          empty={t('community.posts.empty')}
          none={t('community.posts.none')}
          filtered={Object.values(filters).some(Boolean)}
        />
        {list.error && <LoadFailed error={list.error} onRetry={list.reload} />}
        {shown && (
          <>
            <ul className="cm-cards cm-cards-wide">
              {shown.items.map((post) => (
                <PostCard key={post.id} post={post} />
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
    </Page>
  );
}

function PostFilterForm({ filters }: { filters: PostFilters }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [values, setValues] = useState(filters);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`${COMMUNITY_PATHS.posts}${postFiltersSearch(values)}`);
  };
  return (
    <form
      className="panel form cm-filters"
      noValidate
      onSubmit={onSubmit}
      aria-label={t('community.filters')}
    >
      <div className="field-row">
        <SelectField
          label={t('community.posts.point')}
          value={values.point ?? ''}
          onChange={(e) =>
            setValues((v) => ({
              ...v,
              point: (Number(e.target.value) || undefined) as Point | undefined,
            }))
          }
        >
          <option value="">{t('community.posts.anyPoint')}</option>
          {POINTS.map((point) => (
            <option key={point} value={point}>
              {pointName(t, point)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('community.posts.kind')}
          value={values.kind ?? ''}
          onChange={(e) =>
            setValues((v) => ({
              ...v,
              kind: (e.target.value || undefined) as PostKind | undefined,
            }))
          }
        >
          <option value="">{t('community.any')}</option>
          {POST_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`community.posts.kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-actions">
        <button type="submit">{t('community.posts.apply')}</button>
        <Link href={COMMUNITY_PATHS.posts}>{t('community.clearFilters')}</Link>
      </div>
    </form>
  );
}

const EXCERPT = 220;

function PostCard({ post }: { post: Post }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useViewerZone();
  const excerpt =
    post.body.length > EXCERPT ? `${post.body.slice(0, EXCERPT).trimEnd()}…` : post.body;
  return (
    <li className="cm-card">
      <p className="cm-meta">
        <PointBadge point={post.point} />
        <span className="cm-badge">{t(`community.posts.kinds.${post.kind}`)}</span>
      </p>
      <h3>
        <Link href={COMMUNITY_PATHS.post(post.id)}>{post.title}</Link>
      </h3>
      <p className="cm-excerpt">{excerpt}</p>
      <p className="cm-line cm-muted">
        {t('community.posts.byline', {
          name: personName(t, post.author),
          date: formatDateTime(post.createdAt, zone, locale),
        })}
        {' · '}
        {t('community.posts.comments', { count: post.commentCount })}
      </p>
    </li>
  );
}
