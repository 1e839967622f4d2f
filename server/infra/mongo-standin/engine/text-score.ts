import { CommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';

/**
 * `{ $meta: 'textScore' }` in find projections and in pipelines. mingo knows no document
 * metadata, so in a pipeline the score rides along in a hidden field that the stages' `$meta`
 * expressions are rewritten to read, and that is removed from the results.
 */

export const HIDDEN_SCORE = '__standinTextScore';

const NO_METADATA = 40218;

export function isTextScoreMeta(v: unknown): boolean {
  return isPlainObject(v) && v.$meta === 'textScore' && Object.keys(v).length === 1;
}

function noScores(): never {
  throw new CommandError(
    NO_METADATA,
    'query requires text score metadata, but it is not available',
  );
}

/** A projection without its textScore fields, and the names of those fields. */
export function splitMetaProjection(projection: Doc | undefined): {
  rest: Doc | undefined;
  scoreFields: string[];
} {
  if (!projection) return { rest: projection, scoreFields: [] };
  const scoreFields = Object.keys(projection).filter((k) => isTextScoreMeta(projection[k]));
  if (scoreFields.length === 0) return { rest: projection, scoreFields };
  const rest = Object.fromEntries(
    Object.entries(projection).filter(([k]) => !scoreFields.includes(k)),
  );
  return { rest, scoreFields };
}

/**
 * The per-document projection of a find whose projection asked for scores: mongod appends
 * them to the projected document, keeping every field when nothing else was projected.
 */
export function withScoreFields(
  project: ((doc: Doc) => Doc) | null,
  scoreFields: string[],
  scores: Map<Doc, number> | undefined,
): ((doc: Doc) => Doc) | null {
  if (scoreFields.length === 0) return project;
  if (!scores) noScores();
  return (doc) => {
    const out = project ? project(doc) : { ...doc };
    for (const f of scoreFields) out[f] = scores.get(doc) ?? 0;
    return out;
  };
}

function replaceMeta(v: unknown): unknown {
  if (isTextScoreMeta(v)) return `$${HIDDEN_SCORE}`;
  if (Array.isArray(v)) return v.map(replaceMeta);
  if (!isPlainObject(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replaceMeta(x)]));
}

function isExclusion(project: Doc): boolean {
  return Object.entries(project).every(([k, v]) => k === '_id' || v === 0 || v === false);
}

/** Rewrites the stages after a `$text` match so their textScore reads the hidden field. */
export function rewriteTextScore(stages: Doc[]): Doc[] {
  return stages.map((stage) => {
    const [name, spec] = Object.entries(stage)[0] ?? ['', undefined];
    if (name === '$sort' && isPlainObject(spec)) {
      const sort = Object.entries(spec).map(([k, v]) =>
        isTextScoreMeta(v) ? [HIDDEN_SCORE, -1] : [k, v],
      );
      return { $sort: Object.fromEntries(sort) };
    }
    if (name === '$project' && isPlainObject(spec) && !isExclusion(spec)) {
      // An inclusion projection would drop the score that later stages may still ask for.
      return { $project: { ...(replaceMeta(spec) as Doc), [HIDDEN_SCORE]: 1 } };
    }
    return { [name]: replaceMeta(spec) };
  });
}

/** Refuses textScore in a pipeline that has no `$text` match, as mongod does. */
export function assertNoTextScore(stages: Doc[]): void {
  const mentions = (v: unknown): boolean =>
    isTextScoreMeta(v) ||
    (Array.isArray(v) ? v.some(mentions) : isPlainObject(v) && Object.values(v).some(mentions));
  if (stages.some(mentions)) noScores();
}

export function stripHiddenScore(docs: Doc[]): Doc[] {
  return docs.map((d) => {
    if (!Object.hasOwn(d, HIDDEN_SCORE)) return d;
    const { [HIDDEN_SCORE]: _s, ...rest } = d;
    return rest;
  });
}
