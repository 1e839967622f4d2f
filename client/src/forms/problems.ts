import type { TFunction } from 'i18next';
import { ApiError, fieldProblems, isApiError } from '../api/errors.ts';
import { errorMessageKey } from '../i18n/index.ts';
import type { Problem, Problems } from './validation.ts';

/** A field's problem in the person's language. */
export function describeProblem(t: TFunction, problem: Problem): string {
  switch (problem.key) {
    case 'required':
      return t('forms.problems.required');
    case 'email':
      return t('forms.problems.email');
    case 'tooShort':
      return t('forms.problems.tooShort', { min: problem.min });
    case 'tooLong':
      return t('forms.problems.tooLong', { max: problem.max });
    case 'tooMany':
      return t('forms.problems.tooMany', { max: problem.max });
    case 'taken':
      return t('forms.problems.taken');
    default:
      return t('forms.problems.invalid');
  }
}

/** Anything thrown while submitting, as an ApiError (a bug in the page counts as INTERNAL). */
export function asApiError(error: unknown): ApiError {
  return isApiError(error) ? error : new ApiError('INTERNAL', 0, {}, String(error));
}

/** The server's per-field hints, for the fields this form shows. */
export function problemsFromApiError<F extends string>(
  error: ApiError,
  fields: readonly F[],
): Problems<F> {
  const out: Problems<F> = {};
  for (const [field, problem] of Object.entries(fieldProblems(error, fields))) {
    out[field as F] = { key: problem };
  }
  return out;
}

/**
 * A message kept as "how to say it" rather than the words, so it follows the language
 * if the person switches while it is showing.
 */
export type Message = (t: TFunction) => string;

/** The message above a form after the server refused it. */
export function formMessage(error: ApiError): Message {
  if (error.code === 'INVALID_INPUT') return (t) => t('forms.fixFields');
  return (t) => t(errorMessageKey(error.code));
}
