import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { languageOptions } from '../../../../account/places.ts';
import {
  FormAlert,
  Options,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../../forms/fields.tsx';
import { describeProblem } from '../../../../forms/problems.ts';
import { useForm } from '../../../../forms/useForm.ts';
import {
  MEETING_FIELDS,
  type MeetingField,
  type MeetingFormValues,
  meetingBody,
  validateMeeting,
} from '../form-values.ts';
import {
  AUDIENCES,
  ELIGIBILITY_STATEMENTS,
  isOneOf,
  MEETING_FORMATS,
  MEETING_LIMITS,
  MEETING_TYPES,
  type MeetingNote,
  type MeetingView,
  meetingPath,
  STATEMENT_FOR_AUDIENCE,
} from '../model.ts';
import { useDirectoryStore } from '../store.ts';
import { AgendaFields } from './AgendaFields.tsx';
import { PlaceFields } from './PlaceFields.tsx';
import { ScheduleFields } from './ScheduleFields.tsx';

/**
 * Creating or editing a meeting. The browser checks what it can; the server decides the
 * rest (who may run which meeting, whether the schedule has dates to come) and its
 * per-field problems are shown beside the same fields.
 */
export function MeetingForm({
  initial,
  original,
  partnerId,
  partnerName,
  locale,
  onCancel,
}: {
  initial: MeetingFormValues;
  /** The meeting being edited; absent when creating. */
  original?: MeetingView;
  /** Partner staff create their organisation's meetings: fixed, shown, not chosen. */
  partnerId: string | null;
  partnerName: string | null;
  locale: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const createMeeting = useDirectoryStore((s) => s.createMeeting);
  const updateMeeting = useDirectoryStore((s) => s.updateMeeting);
  const form = useForm(MEETING_FIELDS);
  const confirmId = useId();
  const [values, setValues] = useState(initial);
  const languages = useMemo(
    () => languageOptions(locale, [values.language]),
    [locale, values.language],
  );
  const specialised = values.type === 'specialised';
  const L = MEETING_LIMITS;

  const change = <K extends keyof MeetingFormValues>(key: K, value: MeetingFormValues[K]) =>
    setValues((current) => {
      const next = { ...current, [key]: value };
      // A new audience suggests its own statement; it can still be changed.
      if (key === 'audience' && isOneOf(AUDIENCES, value))
        next.statementKey = STATEMENT_FOR_AUDIENCE[value];
      return next;
    });

  const problemText = (field: MeetingField): string | undefined => {
    const problem = form.problems[field];
    if (!problem) return undefined;
    if (field === 'recurrence') return t('directory.form.problems.schedule');
    if (field === 'location') return t('directory.form.problems.location');
    if (field === 'recurrence.weekdays' && problem.key === 'required')
      return t('directory.form.problems.weekdays');
    if (field === 'recurrence.until' && problem.key === 'invalid')
      return t('directory.form.problems.until');
    if (field === 'audience' && problem.key === 'required')
      return t('directory.form.problems.audience');
    if ((field === 'durationMinutes' || field === 'capacity') && problem.key !== 'required')
      return t('directory.form.problems.number', L[field]);
    return describeProblem(t, problem);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({
      problems: validateMeeting(values),
      action: async () => {
        const body = meetingBody(values, original);
        const saved = original
          ? await updateMeeting(original.id, body)
          : await createMeeting(partnerId ? { ...body, partnerId } : body);
        const meetingNote: MeetingNote = original ? 'saved' : 'created';
        navigate(meetingPath(saved.id), { state: { meetingNote } });
      },
    });
  };

  return (
    <form ref={form.formRef} className="panel form meeting-form" noValidate onSubmit={onSubmit}>
      <FormAlert message={form.alert} />
      {partnerName && (
        <div className="field">
          <p className="field-label">{t('directory.form.partner')}</p>
          <p className="form-fixed">{partnerName}</p>
          <p className="field-hint">
            {original ? t('directory.form.partnerEditHint') : t('directory.form.partnerHint')}
          </p>
        </div>
      )}
      <TextField
        label={t('directory.form.title')}
        hint={t('directory.form.titleHint')}
        error={problemText('title')}
        name="title"
        maxLength={L.title.max}
        value={values.title}
        onChange={(event) => change('title', event.target.value)}
      />
      <TextAreaField
        label={t('directory.form.description')}
        hint={t('directory.form.descriptionHint')}
        error={problemText('description')}
        name="description"
        rows={5}
        maxLength={L.description.max}
        value={values.description}
        onChange={(event) => change('description', event.target.value)}
      />
      <div className="field-row">
        <SelectField
          label={t('directory.form.type')}
          error={problemText('type')}
          name="type"
          value={values.type}
          onChange={(event) => change('type', event.target.value as MeetingFormValues['type'])}
        >
          {MEETING_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`directory.form.types.${type}`)}
            </option>
          ))}
        </SelectField>
        {specialised && (
          <SelectField
            label={t('directory.form.audience')}
            error={problemText('audience')}
            name="audience"
            value={values.audience}
            onChange={(event) =>
              change('audience', event.target.value as MeetingFormValues['audience'])
            }
          >
            <option value="">{t('directory.form.audienceChoose')}</option>
            {AUDIENCES.map((audience) => (
              <option key={audience} value={audience}>
                {t(`directory.audiences.${audience}`)}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      {specialised && (
        <fieldset className="fieldset form-group">
          <legend>{t('directory.form.eligibility')}</legend>
          <div className="check">
            <input
              id={confirmId}
              type="checkbox"
              name="requiresConfirmation"
              checked={values.requiresConfirmation}
              onChange={(event) => change('requiresConfirmation', event.target.checked)}
            />
            <label htmlFor={confirmId}>{t('directory.form.requiresConfirmation')}</label>
          </div>
          {values.requiresConfirmation && (
            <SelectField
              label={t('directory.form.statement')}
              hint={t('directory.form.statementHint')}
              error={problemText('eligibility.statementKey') ?? problemText('eligibility')}
              name="statementKey"
              value={values.statementKey}
              onChange={(event) =>
                change('statementKey', event.target.value as MeetingFormValues['statementKey'])
              }
            >
              {ELIGIBILITY_STATEMENTS.map((statement) => (
                <option key={statement} value={statement}>
                  {t(`directory.statements.${statement}`)}
                </option>
              ))}
            </SelectField>
          )}
        </fieldset>
      )}
      <div className="field-row">
        <SelectField
          label={t('directory.form.format')}
          error={problemText('format')}
          name="format"
          value={values.format}
          onChange={(event) => change('format', event.target.value as MeetingFormValues['format'])}
        >
          {MEETING_FORMATS.map((format) => (
            <option key={format} value={format}>
              {t(`directory.formats.${format}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('directory.form.language')}
          error={problemText('language')}
          name="language"
          value={values.language}
          onChange={(event) => change('language', event.target.value)}
        >
          <Options items={languages} />
        </SelectField>
      </div>
      <ScheduleFields values={values} change={change} problemText={problemText} locale={locale} />
      <div className="field-row">
        <TextField
          label={t('directory.form.duration')}
          hint={t('directory.form.durationHint', L.durationMinutes)}
          error={problemText('durationMinutes')}
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={L.durationMinutes.min}
          max={L.durationMinutes.max}
          step={5}
          value={values.durationMinutes}
          onChange={(event) => change('durationMinutes', event.target.value)}
        />
        <TextField
          label={t('directory.form.capacity')}
          hint={t('directory.form.capacityHint', L.capacity)}
          error={problemText('capacity')}
          name="capacity"
          type="number"
          inputMode="numeric"
          min={L.capacity.min}
          max={L.capacity.max}
          value={values.capacity}
          onChange={(event) => change('capacity', event.target.value)}
        />
      </div>
      <PlaceFields values={values} change={change} problemText={problemText} locale={locale} />
      <AgendaFields values={values} change={change} problemText={problemText} locale={locale} />
      <div className="form-actions">
        <button type="submit" aria-disabled={form.busy || undefined}>
          {form.busy
            ? t('forms.busy')
            : original
              ? t('directory.form.save')
              : t('directory.form.create')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('directory.form.cancel')}
        </button>
      </div>
    </form>
  );
}
