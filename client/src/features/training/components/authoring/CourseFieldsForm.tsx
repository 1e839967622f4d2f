import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COURSE_LANGUAGES, TRACKS } from '../../../../../../shared/training/content.ts';
import { SubmitButton } from '../../../../forms/buttons.tsx';
import {
  FormAlert,
  FormStatus,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../../forms/fields.tsx';
import { useForm } from '../../../../forms/useForm.ts';
import type { Problems } from '../../../../forms/validation.ts';
import { type CourseFields, hoursText, minutesFromHours } from '../../authoring.ts';

const FIELDS = [
  'title',
  'description',
  'track',
  'language',
  'plannedMinutes',
  'prerequisites',
] as const;
type Field = (typeof FIELDS)[number];

/** The schema's limits (shared/training/content.ts), checked here first to say them in words. */
const MAX_TITLE = 160;
const MAX_DESCRIPTION = 4000;
const MAX_MINUTES = 100 * 60;

function problemsOf(fields: CourseFields): Problems<Field> {
  const problems: Problems<Field> = {};
  const title = fields.title.trim();
  if (!title) problems.title = { key: 'required' };
  else if (title.length > MAX_TITLE) problems.title = { key: 'tooLong', max: MAX_TITLE };
  if (fields.description.trim().length > MAX_DESCRIPTION)
    problems.description = { key: 'tooLong', max: MAX_DESCRIPTION };
  const minutes = fields.plannedMinutes;
  if (!Number.isFinite(minutes) || minutes < 1 || minutes > MAX_MINUTES)
    problems.plannedMinutes = { key: 'invalid' };
  return problems;
}

/**
 * A course's own fields: title, description, track, language, planned hours and, when other
 * courses are given, the prerequisites. Used to create a draft and to edit one.
 */
export function CourseFieldsForm({
  initial,
  submitLabel,
  savedMessage,
  courses,
  onSubmit,
}: {
  initial: CourseFields;
  submitLabel: string;
  /** Said once a save succeeded (the editor stays on the page). */
  savedMessage?: string;
  /** Courses this one may require first (the editor); none on creation. */
  courses?: ReadonlyArray<{ id: string; title: string }>;
  onSubmit: (fields: CourseFields) => Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useForm(FIELDS);
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [track, setTrack] = useState(initial.track);
  const [language, setLanguage] = useState(initial.language);
  const [hours, setHours] = useState(hoursText(initial.plannedMinutes));
  const [prerequisites, setPrerequisites] = useState(initial.prerequisites);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const fields: CourseFields = {
      title: title.trim(),
      description: description.trim(),
      track,
      language,
      plannedMinutes: minutesFromHours(hours),
      prerequisites,
    };
    const ok = await form.submit({ problems: problemsOf(fields), action: () => onSubmit(fields) });
    if (ok && savedMessage) setSaved(savedMessage);
  };
  const toggle = (id: string, on: boolean) =>
    setPrerequisites((list) =>
      on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id),
    );
  const offered = courses ?? [];
  const prerequisitesProblem = form.problemText('prerequisites');

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={(e) => void submit(e)}>
      <FormAlert message={form.alert} />
      <TextField
        label={t('training.authoring.fields.title')}
        value={title}
        maxLength={MAX_TITLE}
        error={form.problemText('title')}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        label={t('training.authoring.fields.description')}
        value={description}
        rows={3}
        error={form.problemText('description')}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div className="field-row">
        <SelectField
          label={t('training.authoring.fields.track')}
          value={track}
          onChange={(e) => setTrack(e.target.value as CourseFields['track'])}
        >
          {TRACKS.map((value) => (
            <option key={value} value={value}>
              {t(`training.track.${value}.title`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('training.authoring.fields.language')}
          value={language}
          onChange={(e) => setLanguage(e.target.value as CourseFields['language'])}
        >
          {COURSE_LANGUAGES.map((value) => (
            <option key={value} value={value}>
              {t(`training.language.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('training.authoring.fields.hours')}
          hint={t('training.authoring.fields.hoursHint')}
          inputMode="decimal"
          value={hours}
          error={form.problemText('plannedMinutes')}
          onChange={(e) => setHours(e.target.value)}
        />
      </div>
      {offered.length > 0 && (
        <fieldset className="fieldset" data-invalid={prerequisitesProblem ? true : undefined}>
          <legend>{t('training.authoring.fields.prerequisites')}</legend>
          <p className="field-hint">{t('training.authoring.fields.prerequisitesHint')}</p>
          {prerequisitesProblem && (
            <p className="field-error">{t('training.authoring.problem.prerequisites')}</p>
          )}
          {offered.map((course) => (
            <div key={course.id} className="check">
              <input
                id={`prerequisite-${course.id}`}
                type="checkbox"
                checked={prerequisites.includes(course.id)}
                onChange={(e) => toggle(course.id, e.target.checked)}
              />
              <label htmlFor={`prerequisite-${course.id}`}>{course.title}</label>
            </div>
          ))}
        </fieldset>
      )}
      <div className="form-actions">
        <SubmitButton busy={form.busy}>{submitLabel}</SubmitButton>
      </div>
      <FormStatus message={saved} />
    </form>
  );
}
