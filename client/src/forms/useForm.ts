import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/errors.ts';
import {
  asApiError,
  describeProblem,
  formMessage,
  type Message,
  problemsFromApiError,
} from './problems.ts';
import type { Problems } from './validation.ts';

export interface SubmitOptions<F extends string> {
  /** What the browser-side checks found; a non-empty result stops the submit. */
  problems: Problems<F>;
  action: () => Promise<void>;
  /** The message above the form for a refusal; defaults to `errors.<CODE>`. */
  messageFor?: (error: ApiError) => Message;
}

/**
 * State and wiring shared by Haven's forms: per-field problems, one message above the
 * form (in an alert region), a busy flag, and focus on the first field to fix.
 */
export function useForm<F extends string>(fields: readonly F[]) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [problems, setProblems] = useState<Problems<F>>({});
  const [alert, setAlert] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // A ref as well: a second Enter before React re-renders must not send twice.
  const busyRef = useRef(false);

  useEffect(() => {
    if (attempt === 0) return;
    // A group of checkboxes is marked on its fieldset; focus goes to its first box.
    const invalid = formRef.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"], [data-invalid]',
    );
    const target = invalid?.matches('fieldset')
      ? invalid.querySelector<HTMLElement>('input, select, textarea')
      : invalid;
    target?.focus();
  }, [attempt]);

  const submit = useCallback(
    async ({ problems: found, action, messageFor }: SubmitOptions<F>): Promise<boolean> => {
      if (busyRef.current) return false;
      setAlert(null);
      setProblems(found);
      if (Object.keys(found).length > 0) {
        setAlert(() => (tr: TFunction) => tr('forms.fixFields'));
        setAttempt((n) => n + 1);
        return false;
      }
      busyRef.current = true;
      setBusy(true);
      try {
        await action();
        return true;
      } catch (thrown) {
        const error = asApiError(thrown);
        setProblems(problemsFromApiError(error, fields));
        const message = messageFor?.(error) ?? formMessage(error);
        setAlert(() => message);
        setAttempt((n) => n + 1);
        return false;
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [fields],
  );

  const problemText = (field: F): string | undefined => {
    const problem = problems[field];
    return problem ? describeProblem(t, problem) : undefined;
  };

  return { formRef, problems, problemText, alert: alert ? alert(t) : null, busy, submit };
}
