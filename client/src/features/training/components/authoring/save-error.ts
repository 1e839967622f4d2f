import type { TFunction } from 'i18next';
import { asApiError } from '../../../../forms/problems.ts';
import { errorMessageKey } from '../../../../i18n/index.ts';
import { placeOf } from '../../authoring.ts';

/** Field names the server may refuse, each worded under `training.authoring.field.*`. */
const NAMED_FIELDS = [
  'title',
  'description',
  'plannedMinutes',
  'prerequisites',
  'modules',
  'items',
  'url',
  'durationSeconds',
  'transcript',
  'markdown',
  'minutes',
  'prompt',
  'questions',
  'options',
  'text',
  'correct',
  'explanation',
  'passMark',
  'attemptLimit',
  'coolDownMinutes',
] as const;
type NamedField = (typeof NAMED_FIELDS)[number];
const isNamed = (field: string | null): field is NamedField =>
  field !== null && (NAMED_FIELDS as readonly string[]).includes(field);

/** "Module 2, item 1, question 3: the correct answers" from "modules.1.items.0.questions.2.correct". */
export function placeText(t: TFunction, path: string): string {
  const place = placeOf(path);
  const parts: string[] = [];
  if (place.module) parts.push(t('training.authoring.place.module', { number: place.module }));
  if (place.item) parts.push(t('training.authoring.place.item', { number: place.item }));
  if (place.question)
    parts.push(t('training.authoring.place.question', { number: place.question }));
  if (place.option) parts.push(t('training.authoring.place.option', { number: place.option }));
  const field: NamedField | 'other' = isNamed(place.field) ? place.field : 'other';
  const where = parts.join(', ');
  const what = t(`training.authoring.field.${field}`);
  return where ? `${where}: ${what}` : what;
}

/**
 * A refused save in words: which fields, by place in the course, for invalid input. Invalid
 * input without fields is the one refusal no schema names: a body over Haven's 100 kB limit
 * (the editor sends the whole `modules` list). Anything else: the code's own message.
 */
export function saveErrorText(t: TFunction, error: unknown): string {
  const apiError = asApiError(error);
  const paths = Object.keys(apiError.fields);
  if (apiError.code === 'INVALID_INPUT' && paths.length > 0)
    return t('training.authoring.problem.refused', {
      places: paths.map((path) => placeText(t, path)).join('; '),
    });
  if (apiError.code === 'INVALID_INPUT') return t('training.authoring.problem.tooLarge');
  return t(errorMessageKey(apiError.code));
}
