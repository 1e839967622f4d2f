import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { OwnUser } from '../../../../../shared/api/accounts.ts';
import type { Feedback } from '../../../../../shared/api/community.ts';
import { LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { ShowMore } from '../../../components/ShowMore.tsx';
import { SubmitButton } from '../../../forms/buttons.tsx';
import {
  CheckField,
  FormAlert,
  FormStatus,
  SelectField,
  TextAreaField,
} from '../../../forms/fields.tsx';
import { CommunityGate } from '../components/CommunityGate.tsx';
import { FEEDBACK_TOPICS, type FeedbackTopic, COMMUNITY_LIMITS as L } from '../constants.ts';
import { pageQuery } from '../filters.ts';
import { useCommunityForm, useLocale, usePaged, useViewerZone } from '../hooks.ts';
import { COMMUNITY_PATHS } from '../paths.ts';
import { canManageFeedback } from '../permissions.ts';
import { callCommunity } from '../store.ts';
import { formatDateTime } from '../time.ts';
import { validateFeedback } from '../validation.ts';

const FIELDS = ['topic', 'message'] as const;

/** `/feedback`: tell the organisation what works and what could be better; follow the answers. */
export function FeedbackPage() {
  const { t } = useTranslation();
  return (
    <CommunityGate title={t('community.feedback.title')}>
      {(user) => <FeedbackView user={user} />}
    </CommunityGate>
  );
}

function FeedbackView({ user }: { user: OwnUser }) {
  const { t } = useTranslation();
  const mine = usePaged('feedback:mine', (api, cursor) => api.myFeedback(pageQuery(cursor)));
  // A value, not a comparison, in the JSX (see docs/client.md).
  const shown = mine.state.status === 'ready' ? mine.state.data : null;
  return (
    <Page title={t('community.feedback.title')} intro={t('community.feedback.intro')}>
      {canManageFeedback(user.roles) && (
        <p className="cm-actions">
          <Link href={COMMUNITY_PATHS.allFeedback}>{t('community.allFeedback.link')}</Link>
        </p>
      )}
      <div className="cm-columns">
        <FeedbackForm onSent={() => void mine.refresh()} />
        <section className="cm-stack" aria-labelledby="cm-my-feedback">
          <h2 id="cm-my-feedback">{t('community.feedback.mine')}</h2>
          <p className="cm-muted">{t('community.feedback.mineHint')}</p>
          {mine.loading && <Loading />}
          {mine.error && <LoadFailed error={mine.error} onRetry={mine.reload} />}
          {shown && (
            <>
              {shown.items.length === 0 && <p>{t('community.feedback.noneYet')}</p>}
              <ul className="cm-cards cm-cards-wide">
                {shown.items.map((item) => (
                  <FeedbackItem key={item.id} item={item} />
                ))}
              </ul>
              <ShowMore
                className="cm-more"
                hasMore={Boolean(shown.nextCursor)}
                busy={mine.more.busy}
                error={mine.more.code}
                onMore={() => void mine.loadMore()}
              />
            </>
          )}
        </section>
      </div>
    </Page>
  );
}

function FeedbackForm({ onSent }: { onSent: () => void }) {
  const { t } = useTranslation();
  const form = useCommunityForm(FIELDS);
  const [topic, setTopic] = useState<FeedbackTopic | ''>('');
  const [message, setMessage] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [sent, setSent] = useState<'named' | 'anonymous' | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    void form.submit({
      problems: validateFeedback(topic, message),
      action: async () => {
        await callCommunity((api) =>
          api.sendFeedback({ topic: topic as FeedbackTopic, message: message.trim(), anonymous }),
        );
        setSent(anonymous ? 'anonymous' : 'named');
        setTopic('');
        setMessage('');
        setAnonymous(false);
        onSent();
      },
    });
  };

  return (
    <section className="panel" aria-labelledby="cm-feedback-form">
      <h2 id="cm-feedback-form">{t('community.feedback.formTitle')}</h2>
      <form ref={form.formRef} className="form cm-form" noValidate onSubmit={onSubmit}>
        <FormAlert message={form.alert} />
        <SelectField
          label={t('community.feedback.topic')}
          error={form.problemText('topic')}
          name="topic"
          value={topic}
          onChange={(e) => setTopic(e.target.value as FeedbackTopic | '')}
        >
          <option value="">{t('community.feedback.chooseTopic')}</option>
          {FEEDBACK_TOPICS.map((value) => (
            <option key={value} value={value}>
              {t(`community.feedback.topics.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('community.feedback.message')}
          hint={t('community.feedback.messageHint')}
          error={form.problemText('message')}
          name="message"
          rows={6}
          maxLength={L.feedbackMessage.max}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
        <CheckField
          name="anonymous"
          label={t('community.feedback.anonymous')}
          hint={t('community.feedback.anonymousHint')}
          checked={anonymous}
          onChange={setAnonymous}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('community.feedback.send')}</SubmitButton>
          <FormStatus
            message={
              sent &&
              t(
                sent === 'anonymous'
                  ? 'community.feedback.sentAnonymously'
                  : 'community.feedback.sent',
              )
            }
          />
        </div>
      </form>
    </section>
  );
}

/** One piece of feedback, its status, and the organisation's answer when there is one. */
export function FeedbackItem({
  item,
  from,
  children,
}: {
  item: Feedback;
  /** Who sent it, for admins. */
  from?: string;
  /** More inside the card (the admin's answer form). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useViewerZone();
  return (
    <li className="cm-card">
      <p className="cm-meta">
        <span className="cm-badge">{t(`community.feedback.topics.${item.topic}`)}</span>
        <span className="cm-badge cm-badge-strong" data-status={item.status}>
          {t(`community.feedback.statuses.${item.status}`)}
        </span>
      </p>
      <p className="cm-muted">
        {from
          ? t('community.allFeedback.sentBy', {
              name: from,
              date: formatDateTime(item.createdAt, zone, locale),
            })
          : t('community.feedback.sentOn', { date: formatDateTime(item.createdAt, zone, locale) })}
      </p>
      <p className="cm-text">{item.message}</p>
      {item.response && (
        <div className="cm-response">
          <p className="cm-strong">
            {item.respondedAt
              ? t('community.feedback.response', {
                  date: formatDateTime(item.respondedAt, zone, locale),
                })
              : t('community.feedback.responseTitle')}
          </p>
          <p className="cm-text">{item.response}</p>
        </div>
      )}
      {children}
    </li>
  );
}
