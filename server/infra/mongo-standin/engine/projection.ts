import { Query } from 'mingo/query';
import { toCommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { inclusionProjector } from './inclusion.ts';
import { queryOptions } from './query.ts';

/** Find-style projections: plain inclusions by hand (inclusion.ts), the rest through mingo. */

/**
 * mongod reads `$slice` as neither inclusion nor exclusion: made only of `$slice` and
 * exclusions (as mongoose sends `.slice()` beside a schema's `select: false` paths), a
 * projection keeps every other field. mingo calls that mixing inclusion and exclusion, so
 * the two are applied apart. Null for any other projection.
 */
function slicesWithExclusions(projection: Doc) {
  const entries = Object.entries(projection);
  const isSlice = (v: unknown) =>
    isPlainObject(v) && Object.keys(v).length === 1 && Object.hasOwn(v, '$slice');
  const slices = entries.filter(([, v]) => isSlice(v));
  const exclusions = entries.filter(([, v]) => !isSlice(v));
  if (slices.length === 0 || !exclusions.every(([, v]) => v === 0 || v === false)) return null;
  return {
    slices: Object.fromEntries(slices) as Doc,
    exclusions: exclusions.length > 0 ? (Object.fromEntries(exclusions) as Doc) : null,
    fields: [...new Set(slices.map(([path]) => path.split('.')[0] as string))],
  };
}

/** Compiles a find-style projection into a per-document function (null when there is none). */
export function compileProjection(projection: unknown, filter?: Doc): ((doc: Doc) => Doc) | null {
  if (!isPlainObject(projection) || Object.keys(projection).length === 0) return null;
  const inclusion = inclusionProjector(projection);
  if (inclusion) return inclusion;
  try {
    // Only positional projections (`a.$`) need the filter, and re-testing it costs a scan.
    const positional = Object.keys(projection).some((k) => k.endsWith('.$'));
    const q = new Query(positional ? (filter ?? {}) : {}, queryOptions());
    const sliced = slicesWithExclusions(projection);
    // Validate eagerly so a bad projection fails the command, not a later getMore.
    for (const part of sliced ? [sliced.slices, sliced.exclusions ?? {}] : [projection]) {
      q.find<Doc>([{}], part as Doc).all();
    }
    return (doc) => {
      try {
        if (!sliced) return q.find<Doc>([doc], projection as Doc).all()[0] ?? {};
        const slices = q.find<Doc>([doc], sliced.slices).all()[0] ?? {};
        const kept = sliced.exclusions ? q.find<Doc>([doc], sliced.exclusions).all()[0] : doc;
        const out: Doc = { ...kept };
        for (const field of sliced.fields)
          if (Object.hasOwn(slices, field)) out[field] = slices[field];
        return out;
      } catch (err) {
        throw toCommandError(err);
      }
    };
  } catch (err) {
    throw toCommandError(err);
  }
}
