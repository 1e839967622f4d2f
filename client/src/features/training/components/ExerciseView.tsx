import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LearnerItem } from '../../../../../shared/training/learning.ts';
import { asApiError } from '../../../forms/problems.ts';
import { useViewerTime } from '../../../i18n/dates.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { training } from '../api.ts';

type Exercise = NonNullable<LearnerItem['exercise']>;

const MAX_LENGTH = 20_000;

/**
 * A written exercise: the prompt, an answer for a trainer to review, and earlier versions.
 * In the authors' `preview` nothing is sent: the page says so instead.
 */
export function ExerciseView({
  item,
  exercise,
  language,
  onSubmitted,
  preview = false,
}: {
  item: LearnerItem;
  exercise: Exercise;
  language: string;
  onSubmitted: () => void;
  preview?: boolean;
}) {
  const { t } = useTranslation();
  const fieldId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const versions = [...exercise.submissions].sort((a, b) => b.version - a.version);
  const approved = versions.some((s) => s.status === 'approved');
  const waiting = versions[0]?.status === 'submitted';
  const viewer = useViewerTime();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('training.exercise.empty'));
      return;
    }
    if (preview) {
      setError(t('training.authoring.preview.notSent'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await training.submit(item.id, text);
      setText('');
      setSent(true);
      onSubmitted();
    } catch (caught) {
      setError(t(errorMessageKey(asApiError(caught).code)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="training-exercise">
      <div className="panel training-prompt" lang={language}>
        {exercise.prompt.split(/\n{2,}/).map((paragraph, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      {sent && (
        <p role="status" className="training-ok">
          {t('training.exercise.sent')}
        </p>
      )}
      {approved ? (
        <p className="training-ok">{t('training.exercise.approved')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <label htmlFor={fieldId}>
            {versions.length > 0 ? t('training.exercise.again') : t('training.exercise.answer')}
          </label>
          {waiting && (
            <p id={`${fieldId}-hint`} className="field-hint">
              {t('training.exercise.waiting')}
            </p>
          )}
          <textarea
            id={fieldId}
            rows={8}
            maxLength={MAX_LENGTH}
            value={text}
            aria-describedby={waiting ? `${fieldId}-hint` : undefined}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setText(event.target.value)}
          />
          {error && <p role="alert">{error}</p>}
          <button type="submit" disabled={busy}>
            {t('training.exercise.submit')}
          </button>
        </form>
      )}
      {versions.length > 0 && (
        <section aria-labelledby={`${fieldId}-versions`}>
          <h2 id={`${fieldId}-versions`}>{t('training.exercise.versions')}</h2>
          <ol className="training-versions">
            {versions.map((submission) => (
              <li key={submission.id} className="panel">
                <h3>
                  {t('training.exercise.version', {
                    number: submission.version,
                    date: viewer.date(submission.createdAt),
                  })}
                </h3>
                <p>
                  <strong>{t(`training.exercise.status.${submission.status}`)}</strong>
                </p>
                {submission.feedback && (
                  <div className="training-feedback">
                    <h4>{t('training.exercise.feedback')}</h4>
                    <p>{submission.feedback}</p>
                  </div>
                )}
                <p className="training-submission">{submission.text}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
