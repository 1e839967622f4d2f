import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment, Post } from '../../../../../shared/api/community.ts';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { SubmitButton } from '../../../forms/buttons.tsx';
import { FormAlert, FormStatus, TextAreaField } from '../../../forms/fields.tsx';
import { personName } from '../components/bits.tsx';
import { ReportButton } from '../components/ReportButton.tsx';
import { COMMUNITY_LIMITS as L } from '../constants.ts';
import { useCommunityForm, useLocale, useViewerZone } from '../hooks.ts';
import { callCommunity } from '../store.ts';
import { formatDateTime } from '../time.ts';
import { validateComment } from '../validation.ts';

const FIELDS = ['body'] as const;
const isHidden = (comment: Comment) => comment.status === 'hidden';

/** The thread under a post: read, add, delete one's own, report someone else's. */
export function Comments({
  post,
  comments,
  onChange,
}: {
  post: Post;
  comments: Comment[];
  onChange: (update: (comments: Comment[]) => Comment[]) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const locale = useLocale();
  const zone = useViewerZone();
  const form = useCommunityForm(FIELDS);
  const [body, setBody] = useState('');
  const [status, setStatus] = useState<'added' | 'deleted' | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    void form.submit({
      problems: validateComment(body),
      action: async () => {
        const comment = await callCommunity((api) => api.addComment(post.id, body.trim()));
        onChange((list) => [...list, comment]);
        setBody('');
        setStatus('added');
      },
    });
  };

  const remove = async (comment: Comment) => {
    await callCommunity((api) => api.deleteComment(post.id, comment.id));
    return () => {
      onChange((list) => list.filter((c) => c.id !== comment.id));
      setStatus('deleted');
    };
  };

  return (
    <section className="cm-comments" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('community.comments.title', { count: comments.length })}
      </h2>
      {comments.length === 0 && <p className="cm-muted">{t('community.comments.none')}</p>}
      <ol className="cm-comment-list">
        {comments.map((comment) => {
          const name = personName(t, comment.author);
          return (
            <li key={comment.id} className="cm-comment">
              <p className="cm-muted">
                {t('community.posts.byline', {
                  name,
                  date: formatDateTime(comment.createdAt, zone, locale),
                })}
                {isHidden(comment) && (
                  <>
                    {' '}
                    <span className="cm-badge cm-badge-warn">{t('community.posts.hidden')}</span>
                  </>
                )}
              </p>
              <p className="cm-text">{comment.body}</p>
              <div className="cm-item-actions">
                {comment.mine ? (
                  <ConfirmButton
                    className="secondary small"
                    label={t('community.comments.delete')}
                    title={t('community.comments.deleteTitle')}
                    text={t('community.comments.deleteText')}
                    confirmLabel={t('community.comments.deleteConfirm')}
                    cancelLabel={t('community.keep')}
                    onConfirm={() => remove(comment)}
                    focusAfter={() => headingRef.current}
                  />
                ) : (
                  <ReportButton
                    postId={post.id}
                    commentId={comment.id}
                    what={t('community.report.commentBy', { name })}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <FormStatus
        message={
          status &&
          t(status === 'added' ? 'community.comments.added' : 'community.comments.deleted')
        }
      />
      <form ref={form.formRef} className="panel form cm-form" noValidate onSubmit={onSubmit}>
        <FormAlert message={form.alert} />
        <TextAreaField
          label={t('community.comments.add')}
          hint={t('community.comments.addHint')}
          error={form.problemText('body')}
          name="comment"
          rows={3}
          maxLength={L.comment.max}
          value={body}
          onChange={(e) => {
            setStatus(null);
            setBody(e.target.value);
          }}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('community.comments.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
