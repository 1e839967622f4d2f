import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { SubmitButton } from '../../../forms/buttons.tsx';
import { FormAlert, FormStatus, RadioGroup, TextAreaField } from '../../../forms/fields.tsx';
import { useForm } from '../../../forms/useForm.ts';
import { RECOMMENDATIONS } from '../constants.ts';
import { callProgramme, submitChecked } from '../data.ts';
import type { Proposal, Recommendation } from '../types.ts';
import { actionsFor, type Viewer } from './logic.ts';

const DECISIONS = ['approved', 'declined'] as const;
type Decision = (typeof DECISIONS)[number];

/**
 * What this member may do with the proposal, by role: advisors review, admins decide for
 * the board, the proposer may withdraw. The server decides; refusals are shown translated.
 */
export function ProposalActions({
  proposal,
  viewer,
  onChange,
}: {
  proposal: Proposal;
  viewer: Viewer;
  onChange: (proposal: Proposal) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const actions = actionsFor(proposal, viewer);
  if (!actions.review && !actions.decide && !actions.withdraw) return null;
  return (
    <section className="proposal-section proposal-actions" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('programme.proposal.actions')}</h2>
      {actions.review && (
        <ReviewForm
          key={`review-${proposal.id}`}
          proposal={proposal}
          mine={actions.myReview}
          onChange={onChange}
        />
      )}
      {actions.decide && (
        <DecisionForm
          key={`decision-${proposal.id}`}
          proposal={proposal}
          awaitingReview={actions.awaitingReview}
          onChange={onChange}
        />
      )}
      {actions.withdraw && (
        <div className="panel">
          <h3>{t('programme.proposal.withdrawTitle')}</h3>
          <p>{t('programme.proposal.withdrawText')}</p>
          <ConfirmButton
            className="danger no-print"
            label={t('programme.proposal.withdraw')}
            title={t('programme.proposal.withdrawDialogTitle')}
            text={t('programme.proposal.withdrawDialogText')}
            confirmLabel={t('programme.proposal.withdrawConfirm')}
            cancelLabel={t('programme.proposal.withdrawCancel')}
            onConfirm={async () => {
              const withdrawn = await callProgramme((api) => api.withdraw(proposal.id));
              return () => onChange(withdrawn);
            }}
            // The actions go with the withdrawal: focus the page's heading instead.
            focusAfter={() => document.querySelector<HTMLElement>('main h1')}
          />
        </div>
      )}
    </section>
  );
}

const REVIEW_FIELDS = ['recommendation', 'comments'] as const;

function ReviewForm({
  proposal,
  mine,
  onChange,
}: {
  proposal: Proposal;
  mine: Proposal['reviews'][number] | null;
  onChange: (proposal: Proposal) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const form = useForm(REVIEW_FIELDS);
  const [recommendation, setRecommendation] = useState<Recommendation | ''>(
    mine?.recommendation ?? '',
  );
  const [comments, setComments] = useState(mine?.comments ?? '');
  const [done, setDone] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    void submitChecked(
      form,
      'review',
      { recommendation: recommendation || undefined, comments },
      async (api, body) => {
        onChange(await api.review(proposal.id, body));
        setDone(true);
      },
    );
  };

  return (
    <form
      ref={form.formRef}
      className="panel form"
      noValidate
      aria-labelledby={headingId}
      onSubmit={onSubmit}
    >
      <h3 id={headingId}>
        {mine ? t('programme.proposal.reviewUpdateTitle') : t('programme.proposal.reviewTitle')}
      </h3>
      <p className="field-hint">{t('programme.proposal.reviewIntro')}</p>
      <FormAlert message={form.alert} />
      <RadioGroup
        legend={t('programme.proposal.recommendation')}
        error={form.problemText('recommendation')}
        name="recommendation"
        value={recommendation}
        choices={RECOMMENDATIONS.map((value) => ({
          value,
          label: t(`programme.proposal.recommendOptions.${value}`),
        }))}
        onChange={(value) => {
          setDone(false);
          setRecommendation(value);
        }}
      />
      <TextAreaField
        label={t('programme.proposal.comments')}
        hint={t('programme.proposal.commentsHint')}
        error={form.problemText('comments')}
        name="comments"
        rows={5}
        maxLength={5000}
        value={comments}
        onChange={(event) => {
          setDone(false);
          setComments(event.target.value);
        }}
      />
      <div className="form-actions">
        <button type="submit" aria-disabled={form.busy || undefined}>
          {form.busy
            ? t('forms.busy')
            : mine
              ? t('programme.proposal.reviewUpdate')
              : t('programme.proposal.reviewSend')}
        </button>
        <FormStatus message={done ? t('programme.proposal.reviewDone') : null} />
      </div>
    </form>
  );
}

const DECISION_FIELDS = ['decision', 'reason'] as const;

function DecisionForm({
  proposal,
  awaitingReview,
  onChange,
}: {
  proposal: Proposal;
  awaitingReview: boolean;
  onChange: (proposal: Proposal) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const form = useForm(DECISION_FIELDS);
  const [decision, setDecision] = useState<Decision | ''>('');
  const [reason, setReason] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submitChecked(
      form,
      'decision',
      { decision: decision || undefined, reason },
      async (api, body) => onChange(await api.decide(proposal.id, body)),
    );
  };

  return (
    <form
      ref={form.formRef}
      className="panel form"
      noValidate
      aria-labelledby={headingId}
      onSubmit={onSubmit}
    >
      <h3 id={headingId}>{t('programme.proposal.decideTitle')}</h3>
      <p className="field-hint">
        {awaitingReview
          ? t('programme.proposal.decideAwaiting')
          : t('programme.proposal.decideIntro')}
      </p>
      <FormAlert message={form.alert} />
      <RadioGroup
        legend={t('programme.proposal.decisionLabel')}
        error={form.problemText('decision')}
        name="decision"
        value={decision}
        choices={DECISIONS.map((value) => ({
          value,
          label: t(`programme.proposal.decisions.${value}`),
        }))}
        onChange={setDecision}
      />
      <TextAreaField
        label={t('programme.proposal.reason')}
        hint={t('programme.proposal.reasonHint')}
        error={form.problemText('reason')}
        name="reason"
        rows={5}
        maxLength={5000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy}>{t('programme.proposal.decideSend')}</SubmitButton>
      </div>
    </form>
  );
}
