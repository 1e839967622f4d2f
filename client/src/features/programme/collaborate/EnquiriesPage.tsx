import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { EmptyPanel, ListStatus, LoadFailed, Loading } from '../../../components/LoadStatus.tsx';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { ShowMore } from '../../../components/ShowMore.tsx';
import { SubmitButton } from '../../../forms/buttons.tsx';
import { FormAlert, FormStatus, SelectField, TextAreaField } from '../../../forms/fields.tsx';
import { useForm } from '../../../forms/useForm.ts';
import { useViewerTime } from '../../../i18n/dates.ts';
import { ENQUIRY_STATUSES } from '../constants.ts';
import { submitChecked, usePagedData } from '../data.ts';
import { paragraphsOf } from '../library/blocks.ts';
import { PROGRAMME_PATHS, queryString } from '../paths.ts';
import type { Enquiry, EnquiryStatusValue } from '../types.ts';

/** Collaboration enquiries, for admins: read them, and record the reply sent by mail. */
export function EnquiriesPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('programme.enquiries.title')} intro={t('programme.enquiries.intro')}>
      <MembersOnly text={t('programme.enquiries.signedOut')}>
        {(user) =>
          user.roles.includes('admin') ? (
            <Enquiries key={user.id} />
          ) : (
            <p className="panel">{t('programme.enquiries.adminsOnly')}</p>
          )
        }
      </MembersOnly>
    </Page>
  );
}

function readStatus(search: string): EnquiryStatusValue | '' {
  const status = new URLSearchParams(search).get('status') ?? '';
  return (ENQUIRY_STATUSES as readonly string[]).includes(status)
    ? (status as EnquiryStatusValue)
    : '';
}

function Enquiries() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const status = readStatus(useSearch());
  const list = usePagedData(`enquiries:${status}`, (api, cursor) =>
    api.enquiries({ ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }),
  );
  const ready = list.status === 'ready';
  const empty = ready && list.items.length === 0;

  return (
    <>
      <form
        className="programme-filters"
        aria-label={t('programme.enquiries.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label={t('programme.enquiries.status')}
          name="status"
          value={status}
          onChange={(event) =>
            navigate(`${PROGRAMME_PATHS.enquiries}${queryString({ status: event.target.value })}`, {
              replace: true,
            })
          }
        >
          <option value="">{t('programme.enquiries.allStatuses')}</option>
          {ENQUIRY_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`programme.enquiries.statuses.${value}`)}
            </option>
          ))}
        </SelectField>
      </form>
      <ListStatus
        className="programme-count"
        count={ready ? list.items.length : null}
        shown={(count) => t('programme.enquiries.count', { count })}
      />
      {list.loading && <Loading />}
      {list.error && <LoadFailed error={list.error} onRetry={list.reload} />}
      {empty && <EmptyPanel text={t('programme.enquiries.empty')} />}
      <ul className="enquiry-list">
        {list.items.map((enquiry) => (
          <li key={enquiry.id}>
            <EnquiryCard
              enquiry={enquiry}
              onChange={(next) => list.update((item) => item.id === next.id, next)}
            />
          </li>
        ))}
      </ul>
      <ShowMore
        hasMore={list.hasMore}
        busy={list.loadingMore}
        error={list.moreError}
        onMore={() => void list.loadMore()}
      />
    </>
  );
}

function EnquiryCard({ enquiry, onChange }: { enquiry: Enquiry; onChange: (e: Enquiry) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const when = useViewerTime();
  return (
    <article className="card enquiry" aria-labelledby={headingId}>
      <p className="card-meta">
        <span className="badge" data-status={enquiry.status}>
          {t(`programme.enquiries.statuses.${enquiry.status}`)}
        </span>
        <span>{t(`programme.collaborate.kinds.${enquiry.kind}`)}</span>
      </p>
      <h2 id={headingId} className="card-title">
        {enquiry.organisation
          ? t('programme.enquiries.fromOrganisation', {
              name: enquiry.name,
              organisation: enquiry.organisation,
            })
          : enquiry.name}
      </h2>
      <p className="list-meta">
        <a href={`mailto:${enquiry.email}`}>{enquiry.email}</a>
        {' · '}
        {t('programme.enquiries.received', { date: when.dateTime(enquiry.createdAt) })}
      </p>
      {paragraphsOf(enquiry.message).map((paragraph, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text
        <p key={index} className="prose">
          {paragraph}
        </p>
      ))}
      {enquiry.reply && (
        <div className="enquiry-reply">
          <p className="decision-reason-label">
            {t('programme.enquiries.replied', {
              name: enquiry.answeredBy?.displayName ?? t('programme.common.deletedMember'),
              date: when.dateTime(enquiry.answeredAt ?? enquiry.createdAt),
            })}
          </p>
          {paragraphsOf(enquiry.reply).map((paragraph, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text
            <p key={index} className="prose">
              {paragraph}
            </p>
          ))}
        </div>
      )}
      <p className="field-hint">
        {t('programme.enquiries.expires', { date: when.date(enquiry.expiresAt) })}
      </p>
      <details className="enquiry-answer">
        <summary>{t('programme.enquiries.answer')}</summary>
        <AnswerForm enquiry={enquiry} onChange={onChange} />
      </details>
    </article>
  );
}

const ANSWER_FIELDS = ['status', 'reply'] as const;

function AnswerForm({ enquiry, onChange }: { enquiry: Enquiry; onChange: (e: Enquiry) => void }) {
  const { t } = useTranslation();
  const form = useForm(ANSWER_FIELDS);
  const [status, setStatus] = useState<EnquiryStatusValue>(
    enquiry.status === 'new' ? 'answered' : enquiry.status,
  );
  const [reply, setReply] = useState(enquiry.reply ?? '');
  const [done, setDone] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const body = { status, ...(reply.trim() ? { reply } : {}) };
    void submitChecked(form, 'enquiryAnswer', body, async (api, checked) => {
      onChange(await api.answerEnquiry(enquiry.id, checked));
      setDone(true);
    });
  };

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
      <FormAlert message={form.alert} />
      <TextAreaField
        label={t('programme.enquiries.reply')}
        hint={t('programme.enquiries.replyHint')}
        error={form.problemText('reply')}
        name="reply"
        rows={5}
        maxLength={5000}
        value={reply}
        onChange={(event) => setReply(event.target.value)}
      />
      <SelectField
        label={t('programme.enquiries.status')}
        hint={t('programme.enquiries.statusHint')}
        error={form.problemText('status')}
        name="status"
        value={status}
        onChange={(event) => setStatus(event.target.value as EnquiryStatusValue)}
      >
        {ENQUIRY_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`programme.enquiries.statuses.${value}`)}
          </option>
        ))}
      </SelectField>
      <div className="form-actions">
        <SubmitButton busy={form.busy}>{t('programme.enquiries.save')}</SubmitButton>
        <FormStatus message={done ? t('programme.enquiries.saved') : null} />
      </div>
    </form>
  );
}
