import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { Page } from '../../../components/Page.tsx';
import { pointName } from '../../../components/PointBadge.tsx';
import { SubmitButton } from '../../../forms/buttons.tsx';
import { FormAlert, RadioGroup, TextAreaField, TextField } from '../../../forms/fields.tsx';
import { CommunityGate } from '../components/CommunityGate.tsx';
import { COMMUNITY_LIMITS as L, POINTS, POST_KINDS, type Point } from '../constants.ts';
import { useCommunityForm } from '../hooks.ts';
import { COMMUNITY_PATHS } from '../paths.ts';
import { callCommunity, useCommunityStore } from '../store.ts';
import { needsUrl, POST_FIELDS, type PostValues, postBody, validatePost } from '../validation.ts';

/** `/posts/new`: "Share something": an idea, or a link to a video or an article. */
export function NewPostPage() {
  const { t } = useTranslation();
  return <CommunityGate title={t('community.newPost.title')}>{() => <ShareForm />}</CommunityGate>;
}

function ShareForm() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const showNotice = useCommunityStore((s) => s.showNotice);
  const form = useCommunityForm(POST_FIELDS);
  const [values, setValues] = useState<PostValues>({
    kind: 'idea',
    title: '',
    body: '',
    url: '',
    point: '',
  });
  const set = <K extends keyof PostValues>(key: K, value: PostValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const withLink = needsUrl(values.kind);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const shown = withLink ? values : { ...values, url: '' };
    void form.submit({
      problems: validatePost(shown),
      action: async () => {
        const post = await callCommunity((api) => api.createPost(postBody(shown)));
        const path = COMMUNITY_PATHS.post(post.id);
        showNotice({ key: 'postShared', path });
        navigate(path);
      },
    });
  };

  return (
    <Page title={t('community.newPost.title')} intro={t('community.newPost.intro')}>
      <p className="cm-back">
        <Link href={COMMUNITY_PATHS.posts}>{t('community.posts.back')}</Link>
      </p>
      <form ref={form.formRef} className="panel form cm-form" noValidate onSubmit={onSubmit}>
        <FormAlert message={form.alert} />
        <RadioGroup
          legend={t('community.newPost.kind')}
          name="kind"
          value={values.kind}
          onChange={(kind) => set('kind', kind)}
          choices={POST_KINDS.map((kind) => ({
            value: kind,
            label: t(`community.posts.kinds.${kind}`),
            hint: t(`community.newPost.kindHints.${kind}`),
          }))}
        />
        <TextField
          label={t('community.newPost.titleLabel')}
          error={form.problemText('title')}
          name="title"
          maxLength={L.postTitle.max}
          value={values.title}
          onChange={(e) => set('title', e.target.value)}
        />
        {withLink && (
          <TextField
            label={t(
              values.kind === 'video'
                ? 'community.newPost.videoUrl'
                : 'community.newPost.articleUrl',
            )}
            hint={t('community.newPost.urlHint')}
            error={form.problemText('url')}
            name="url"
            type="url"
            inputMode="url"
            maxLength={L.url.max}
            value={values.url}
            onChange={(e) => set('url', e.target.value)}
          />
        )}
        <TextAreaField
          label={t(withLink ? 'community.newPost.bodyWithLink' : 'community.newPost.body')}
          hint={t('community.newPost.bodyHint')}
          error={form.problemText('body')}
          name="body"
          rows={7}
          maxLength={L.postBody.max}
          value={values.body}
          onChange={(e) => set('body', e.target.value)}
        />
        <RadioGroup
          legend={t('community.newPost.point')}
          hint={t('community.newPost.pointHint')}
          name="point"
          value={values.point === '' ? '' : String(values.point)}
          onChange={(point) => set('point', Number(point) as Point)}
          error={form.problemText('point')}
          choices={POINTS.map((point) => ({ value: String(point), label: pointName(t, point) }))}
        />
        <p className="field-hint">{t('community.newPost.visibility')}</p>
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('community.newPost.submit')}</SubmitButton>
        </div>
      </form>
    </Page>
  );
}
