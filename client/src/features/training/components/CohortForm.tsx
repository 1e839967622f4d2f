import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerSummary } from '../../../../../shared/api/programme/partners.ts';
import type { Cohort } from '../../../../../shared/training/reviews.ts';
import { FormAlert, FormStatus, SelectField, TextField } from '../../../forms/fields.tsx';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import {
  type Candidate,
  COHORT_NAME_MAX,
  cohortNameProblem,
  membersChange,
} from '../cohort-logic.ts';
import { useLoad } from '../hooks.ts';
import { trainers } from '../trainers-api.ts';
import { MemberPicker } from './MemberPicker.tsx';

/** Learners who sent a written exercise, whatever became of it: members a trainer can name. */
export async function learnerCandidates(): Promise<Candidate[]> {
  const lists = await Promise.all(
    (['submitted', 'changes-requested', 'approved'] as const).map((status) =>
      trainers.reviewsWith(status, '', 2),
    ),
  );
  return lists.flat().map((entry) => ({
    id: entry.learner.id,
    displayName: entry.learner.displayName,
    source: 'learner' as const,
  }));
}

/** A partner's staff as anyone may see them on its page: the only members its cohort takes. */
async function staffCandidates(partnerId: string): Promise<Candidate[]> {
  if (!partnerId) return [];
  const partner = await trainers.partner(partnerId);
  return partner.staff.map((m) => ({ id: m.id, displayName: m.displayName, source: 'staff' }));
}

type Editing = {
  cohort: Pick<Cohort, 'id' | 'name' | 'partnerId' | 'memberIds'>;
  /** The members as the progress view names them. */
  members: Candidate[];
};

/**
 * Creates a cohort (name, an optional partner, members), or changes one (`editing`: the name
 * and who is in it; the partner stays). The server checks every member again: a partner's
 * cohort holds that partner's staff only, and its refusal is said in words.
 */
export function CohortForm({
  partners,
  canSearch,
  language,
  editing,
  onDone,
}: {
  partners: readonly PartnerSummary[];
  canSearch: boolean;
  language: string;
  editing?: Editing;
  onDone: (cohort: Cohort) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(editing?.cohort.name ?? '');
  const [partnerId, setPartnerId] = useState(editing?.cohort.partnerId ?? '');
  const [chosen, setChosen] = useState<string[]>(editing?.cohort.memberIds ?? []);
  const [nameError, setNameError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const learners = useLoad('cohort-learners', learnerCandidates);
  const staff = useLoad(`cohort-staff-${partnerId}`, () => staffCandidates(partnerId));
  const offered = partnerId ? staff.state : learners.state;
  const candidates: Candidate[] = [
    ...(editing?.members ?? []),
    ...(offered.status === 'ready' ? offered.data : []),
  ];
  const candidatesFailed = offered.status === 'failed';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setProblem(null);
    setSaid(null);
    const bad = cohortNameProblem(name);
    setNameError(
      bad === 'required'
        ? t('forms.problems.required')
        : bad === 'tooLong'
          ? t('forms.problems.tooLong', { max: COHORT_NAME_MAX })
          : undefined,
    );
    if (bad) return;
    let request: Promise<Cohort>;
    if (editing) {
      const patch = {
        ...(name.trim() !== editing.cohort.name ? { name: name.trim() } : {}),
        ...membersChange(editing.cohort.memberIds, chosen),
      };
      if (Object.keys(patch).length === 0) {
        setSaid(t('training.cohorts.form.nothing'));
        return;
      }
      request = trainers.updateCohort(editing.cohort.id, patch);
    } else {
      request = trainers.createCohort({
        name: name.trim(),
        ...(partnerId ? { partnerId } : {}),
        memberIds: chosen,
        trainerIds: [],
      });
    }
    setBusy(true);
    request
      .then((cohort) => {
        setSaid(editing ? t('training.cohorts.form.saved') : t('training.cohorts.form.created'));
        onDone(cohort);
      })
      .catch((error: unknown) => {
        const { code, fields } = asApiError(error);
        const memberProblem = Object.keys(fields).some((key) => /^(add)?[mM]emberIds/.test(key));
        if (fields.name) setNameError(t('forms.problems.invalid'));
        setProblem(
          memberProblem
            ? t('training.cohorts.form.memberRefused')
            : code === 'INVALID_INPUT'
              ? t('forms.fixFields')
              : t(errorMessageKey(code)),
        );
      })
      .finally(() => setBusy(false));
  };

  const partnerName = partners.find((p) => p.id === partnerId)?.name;
  return (
    <form className="form training-cohort-form" noValidate onSubmit={onSubmit}>
      <FormAlert message={problem} />
      <TextField
        label={t('training.cohorts.form.name')}
        hint={t('training.cohorts.form.nameHint')}
        error={nameError}
        name="name"
        autoComplete="off"
        maxLength={COHORT_NAME_MAX + 20}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      {editing ? (
        editing.cohort.partnerId && (
          <p>
            {t('training.cohorts.partner', {
              name: partnerName ?? t('training.cohorts.somePartner'),
            })}
          </p>
        )
      ) : (
        <SelectField
          label={t('training.cohorts.form.partner')}
          hint={t('training.cohorts.form.partnerHint')}
          name="partner"
          value={partnerId}
          onChange={(event) => {
            setPartnerId(event.target.value);
            setChosen([]);
          }}
        >
          <option value="">{t('training.cohorts.form.noPartner')}</option>
          {partners.map((partner) => (
            <option key={partner.id} value={partner.id}>
              {partner.name}
            </option>
          ))}
        </SelectField>
      )}
      {candidatesFailed && <p className="training-warn">{t('training.cohorts.picker.failed')}</p>}
      <MemberPicker
        candidates={candidates}
        chosen={chosen}
        onChange={setChosen}
        canSearch={canSearch && !partnerId}
        language={language}
      />
      <div className="form-actions">
        <button type="submit" aria-disabled={busy || undefined}>
          {editing ? t('training.cohorts.form.save') : t('training.cohorts.form.create')}
        </button>
      </div>
      <FormStatus message={said} />
    </form>
  );
}
