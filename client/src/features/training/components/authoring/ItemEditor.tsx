import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemInput } from '../../../../../../shared/training/content.ts';
import { FormAlert, TextAreaField, TextField } from '../../../../forms/fields.tsx';
import { asApiError } from '../../../../forms/problems.ts';
import { type ItemForm, type ItemProblems, itemFromForm } from '../../authoring-items.ts';
import { VideoUpload } from '../VideoUpload.tsx';
import { QuizFields } from './QuizFields.tsx';
import { saveErrorText } from './save-error.ts';

/** The server's refusals for this item's fields, as the form's own paths. */
function serverProblems(fields: Readonly<Record<string, readonly string[]>>, prefix: string) {
  const problems: ItemProblems = {};
  for (const path of Object.keys(fields))
    if (path.startsWith(prefix)) problems[path.slice(prefix.length) || 'title'] = 'invalid';
  return problems;
}

/**
 * One item's form, by kind: a video's https address, length, transcript and WebVTT captions; a reading's
 * Markdown; a quiz's questions and rules; an exercise's prompt. Checked with the shared
 * schema before saving; the first field to fix gets the focus.
 */
export function ItemEditor({
  initial,
  heading,
  serverPrefix,
  onSave,
  onCancel,
}: {
  initial: ItemForm;
  heading: string;
  /** Where this item sits in the server's field paths ("modules.0.items.2."). */
  serverPrefix: string;
  onSave: (item: ItemInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState(initial);
  const [problems, setProblems] = useState<ItemProblems>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tries, setTries] = useState(0);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, []);
  useEffect(() => {
    if (tries > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [tries]);

  const problem = (path: string) => {
    const key = problems[path];
    return key ? t(`training.authoring.problem.${key}`) : undefined;
  };
  const set = (patch: Partial<ItemForm>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    const checked = itemFromForm(form);
    if (!checked.ok) {
      setProblems(checked.problems);
      setAlert(t('forms.fixFields'));
      setTries((n) => n + 1);
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      await onSave(checked.item);
    } catch (error) {
      setProblems(serverProblems(asApiError(error).fields, serverPrefix));
      setAlert(saveErrorText(t, error));
      setTries((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const video = form.kind === 'video';
  const reading = form.kind === 'reading';
  const quiz = form.kind === 'quiz';
  const exercise = form.kind === 'exercise';
  const timed = !video;

  return (
    <form
      ref={formRef}
      className="form panel training-item-editor"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h4 id={headingId}>{heading}</h4>
      <FormAlert message={alert} />
      <TextField
        label={t('training.authoring.item.title')}
        value={form.title}
        maxLength={160}
        error={problem('title')}
        onChange={(e) => set({ title: e.target.value })}
      />
      {video && (
        <>
          <TextField
            label={t('training.authoring.item.url')}
            hint={t('training.authoring.item.urlHint')}
            // An uploaded video's address is Haven's own path, which type="url" would refuse.
            type="text"
            inputMode="url"
            value={form.url}
            error={problem('url')}
            onChange={(e) => set({ url: e.target.value })}
          />
          <VideoUpload onUploaded={(url) => set({ url })} />
          <div className="field-row">
            <TextField
              label={t('training.authoring.item.durationMinutes')}
              inputMode="numeric"
              value={form.durationMinutes}
              error={problem('durationMinutes')}
              onChange={(e) => set({ durationMinutes: e.target.value })}
            />
            <TextField
              label={t('training.authoring.item.durationSeconds')}
              inputMode="numeric"
              value={form.durationSeconds}
              onChange={(e) => set({ durationSeconds: e.target.value })}
            />
          </div>
          <TextAreaField
            label={t('training.authoring.item.transcript')}
            hint={t('training.authoring.item.transcriptHint')}
            rows={6}
            value={form.transcript}
            error={problem('transcript')}
            onChange={(e) => set({ transcript: e.target.value })}
          />
          <TextAreaField
            label={t('training.authoring.item.captionsVtt')}
            hint={t('training.authoring.item.captionsVttHint')}
            rows={6}
            value={form.captionsVtt}
            error={problem('captionsVtt')}
            onChange={(e) => set({ captionsVtt: e.target.value })}
          />
        </>
      )}
      {reading && (
        <TextAreaField
          label={t('training.authoring.item.markdown')}
          hint={t('training.authoring.item.markdownHint')}
          rows={12}
          value={form.markdown}
          error={problem('markdown')}
          onChange={(e) => set({ markdown: e.target.value })}
        />
      )}
      {exercise && (
        <TextAreaField
          label={t('training.authoring.item.prompt')}
          rows={6}
          value={form.prompt}
          error={problem('prompt')}
          onChange={(e) => set({ prompt: e.target.value })}
        />
      )}
      {quiz && <QuizFields form={form} onChange={set} problem={problem} />}
      {timed && (
        <TextField
          label={t('training.authoring.item.minutes')}
          inputMode="numeric"
          value={form.minutes}
          error={problem('minutes')}
          onChange={(e) => set({ minutes: e.target.value })}
        />
      )}
      <div className="form-actions">
        <button type="submit" aria-disabled={busy || undefined}>
          {busy ? t('forms.busy') : t('training.authoring.item.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('training.authoring.cancel')}
        </button>
      </div>
    </form>
  );
}
