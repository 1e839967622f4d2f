import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import type { AdminFeedback } from '../../../../../shared/api/community.ts';
import { ListStatus, LoadFailed } from '../../../components/LoadStatus.tsx';
import { Page } from '../../../components/Page.tsx';
import { ShowMore } from '../../../components/ShowMore.tsx';
import { SubmitButton } from '../../../forms/buttons.tsx';
import { FormAlert, FormStatus, SelectField, TextAreaField } from '../../../forms/fields.tsx';
import { CommunityGate } from '../components/CommunityGate.tsx';
import { NotForYou } from '../components/NotForYou.tsx';
import { FEEDBACK_STATUSES, type FeedbackStatus, COMMUNITY_LIMITS as L } from '../constants.ts';
import { pageQuery, parseFeedbackStatus, toSearch } from '../filters.ts';
import { useCommunityForm, usePaged } from '../hooks.ts';
import { COMMUNITY_PATHS } from '../paths.ts';
import { canManageFeedback } from '../permissions.ts';
import { callCommunity } from '../store.ts';
import { validateResponse } from '../validation.ts';
import { FeedbackItem } from './FeedbackPage.tsx';

/** `/feedback/all` (admins): every piece of feedback, newest first; set its status and answer. */
export function AllFeedbackPage() {
  const { t } = useTranslation();
  const title = t('community.allFeedback.title');
  return (
    <CommunityGate title={title}>
      {(user) =>
        canManageFeedback(user.roles) ? (
          <AllFeedback />
        ) : (
          <Page title={title}>
            <NotForYou
              text={t('community.allFeedback.notAllowed')}
              back={COMMUNITY_PATHS.feedback}
              backLabel={t('community.allFeedback.back')}
            />
          </Page>
        )
      }
    </CommunityGate>
  );
}

function AllFeedback() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const status = parseFeedbackStatus(useSearch());
  const list = usePaged(`feedback:all:${status ?? ''}`, (api, cursor) =>
    api.allFeedback(pageQuery(cursor, { status })),
  );
  // A value, not a comparison, in the JSX (see docs/client.md).
  const shown = list.state.status === 'ready' ? list.state.data : null;
  return (
    <Page title={t('community.allFeedback.title')} intro={t('community.allFeedback.intro')}>
      <p className="cm-back">
        <Link href={COMMUNITY_PATHS.feedback}>{t('community.allFeedback.back')}</Link>
      </p>
      <div className="panel form cm-filters cm-filters-narrow">
        <SelectField
          label={t('community.allFeedback.statusFilter')}
          value={status ?? ''}
          onChange={(e) =>
            navigate(`${COMMUNITY_PATHS.allFeedback}${toSearch({ status: e.target.value })}`)
          }
        >
          <option value="">{t('community.any')}</option>
          {FEEDBACK_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`community.feedback.statuses.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <section aria-labelledby="cm-all-feedback" className="cm-results">
        <h2 id="cm-all-feedback" className="visually-hidden">
          {t('community.allFeedback.results')}
        </h2>
        <ListStatus
          className="cm-count"
          loading={list.loading}
          count={shown ? shown.items.length : null}
          shown={(count) => t('community.allFeedback.shown', { count })}
          empty={t('community.allFeedback.empty')}
          none={t('community.allFeedback.none')}
          filtered={Boolean(status)}
        />
        {list.error && <LoadFailed error={list.error} onRetry={list.reload} />}
        {shown && (
          <>
            <ul className="cm-cards cm-cards-wide">
              {shown.items.map((item) => (
                <FeedbackItem
                  key={item.id}
                  item={item}
                  from={
                    item.anonymous
                      ? t('community.allFeedback.anonymous')
                      : (item.from?.displayName ?? t('community.deletedMember'))
                  }
                >
                  <Answer
                    item={item}
                    onSaved={(saved) =>
                      list.setItems((items) => items.map((i) => (i.id === saved.id ? saved : i)))
                    }
                  />
                </FeedbackItem>
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

const FIELDS = ['status', 'response'] as const;

/** The admin's form under each item: a status, and optionally an answer the member will read. */
function Answer({
  item,
  onSaved,
}: {
  item: AdminFeedback;
  onSaved: (item: AdminFeedback) => void;
}) {
  const { t } = useTranslation();
  const form = useCommunityForm(FIELDS);
  const [status, setStatus] = useState<FeedbackStatus>(item.status);
  const [response, setResponse] = useState(item.response ?? '');
  const [saved, setSaved] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void form
      .submit({
        problems: validateResponse(response),
        action: async () => {
          const updated = await callCommunity((api) =>
            api.updateFeedback(item.id, {
              status,
              ...(response.trim() ? { response: response.trim() } : {}),
            }),
          );
          onSaved(updated);
        },
      })
      .then((ok) => setSaved(ok));
  };

  return (
    <form
      ref={form.formRef}
      className="form cm-form cm-answer"
      noValidate
      onSubmit={onSubmit}
      aria-label={t('community.allFeedback.formLabel')}
    >
      <FormAlert message={form.alert} />
      <SelectField
        label={t('community.allFeedback.status')}
        error={form.problemText('status')}
        name="status"
        value={status}
        onChange={(e) => {
          setSaved(false);
          setStatus(e.target.value as FeedbackStatus);
        }}
      >
        {FEEDBACK_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`community.feedback.statuses.${value}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('community.allFeedback.response')}
        hint={t(
          item.anonymous
            ? 'community.allFeedback.responseHintAnonymous'
            : 'community.allFeedback.responseHint',
        )}
        error={form.problemText('response')}
        name="response"
        rows={3}
        maxLength={L.feedbackResponse.max}
        value={response}
        onChange={(e) => {
          setSaved(false);
          setResponse(e.target.value);
        }}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy}>{t('community.allFeedback.save')}</SubmitButton>
        <FormStatus message={saved ? t('community.allFeedback.saved') : null} />
      </div>
    </form>
  );
}
