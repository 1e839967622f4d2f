import type { Problem } from '../../forms/validation.ts';

/**
 * The part of a zod issue the programme's forms use. The forms check their values with the
 * shared schemas themselves (in the lazily loaded api chunk), so the browser and the server
 * agree on every limit; this turns what zod found into Haven's own, translatable problems.
 */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** The value at a dotted path of a plain object, or undefined. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/** One issue as a problem a person can act on ("Please fill this in", "no more than 500"). */
export function problemOf(issue: IssueLike, value: unknown): Problem {
  if (issue.origin !== 'array' && isBlank(value)) return { key: 'required' };
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  if (issue.code === 'too_small' && issue.origin === 'string') return { key: 'tooShort', min };
  if (issue.code === 'too_small' && issue.origin === 'array') return { key: 'required' };
  if (issue.code === 'too_big' && issue.origin === 'string') return { key: 'tooLong', max };
  if (issue.code === 'too_big' && issue.origin === 'array') return { key: 'tooMany', max };
  if (issue.code === 'invalid_format' && issue.format === 'email') return { key: 'email' };
  return { key: 'invalid' };
}

/**
 * Problems keyed by the API's field paths ("evidence.0.citation"), the first issue of each
 * field winning, with an optional prefix for bodies nested in a request ("content.").
 */
export function problemsOf(
  issues: readonly IssueLike[],
  input: unknown,
  prefix = '',
): Record<string, Problem> {
  const out: Record<string, Problem> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const key = path ? `${prefix}${path}` : prefix.replace(/\.$/, '') || '_';
    out[key] ??= problemOf(issue, valueAt(input, issue.path));
  }
  return out;
}
