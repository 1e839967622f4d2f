import { Codes, CommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { compareBson, typeRank } from './bson-values.ts';

/**
 * Collations as mongod's ICU collator applies them, approximated with Intl.Collator (Node's own
 * ICU). Only string comparisons change; every other type compares as without a collation.
 * `null` stands for the simple (binary) collation throughout.
 */
export interface Collation {
  /** The spec with every field filled in, as mongod reports it (listIndexes, listCollections). */
  spec: Doc;
  /** Equal for collations that compare alike; an index serves a query only when these match. */
  key: string;
  compareStrings: (a: string, b: string) => number;
}

const FIELDS = [
  'locale',
  'caseLevel',
  'caseFirst',
  'strength',
  'numericOrdering',
  'alternate',
  'maxVariable',
  'normalization',
  'backwards',
  'version',
] as const;

const ENUMS: Record<string, string[]> = {
  caseFirst: ['upper', 'lower', 'off'],
  alternate: ['non-ignorable', 'shifted'],
  maxVariable: ['punct', 'space'],
};

const BOOLEANS = new Set(['caseLevel', 'numericOrdering', 'normalization', 'backwards']);

/** IDL parse errors mongod reports under their location codes. */
const MISSING_FIELD = 40414;
const UNKNOWN_FIELD = 40415;

const cache = new Map<string, Collation>();

/** mongod's locale ids (`de_AT`, `de@collation=phonebook`) as BCP 47 tags for Intl. */
function bcp47(locale: string): string {
  const [base, keyword] = locale.split('@');
  const tag = (base ?? '').replace(/_/g, '-');
  const co = keyword?.match(/^collation=(\w+)$/)?.[1];
  return co ? `${tag}-u-co-${co}` : tag;
}

function supported(locale: string): boolean {
  if (!/^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*(@collation=\w+)?$/.test(locale)) return false;
  try {
    const tag = bcp47(locale);
    const found = Intl.Collator.supportedLocalesOf(tag);
    // Intl falls back silently; an unknown language must not pass as the root collator.
    return found.length > 0 && found[0]?.split('-')[0] === tag.split('-')[0];
  } catch {
    return false;
  }
}

function invalid(field: string, message: string): never {
  throw new CommandError(Codes.FailedToParse, `Field '${field}' ${message}`);
}

function unsupportedOption(option: string): never {
  throw new CommandError(
    Codes.BadValue,
    `collation option ${option} is not supported by the stand-in (Haven's offline MongoDB)`,
  );
}

/**
 * Parses a command's or index's `collation`. Returns null for the simple collation; throws
 * mongod's errors (BadValue for an unknown locale, FailedToParse for bad values) otherwise.
 */
export function parseCollation(raw: unknown): Collation | null {
  if (raw === undefined || raw === null) return null;
  if (!isPlainObject(raw)) {
    throw new CommandError(
      Codes.TypeMismatch,
      "BSON field 'collation' is the wrong type, expected type 'object'",
    );
  }
  for (const k of Object.keys(raw)) {
    if (!(FIELDS as readonly string[]).includes(k)) {
      throw new CommandError(UNKNOWN_FIELD, `BSON field 'collation.${k}' is an unknown field.`);
    }
  }
  const locale = raw.locale;
  if (locale === undefined)
    throw new CommandError(MISSING_FIELD, "BSON field 'locale' is missing but a required field");
  if (typeof locale !== 'string') {
    throw new CommandError(
      Codes.TypeMismatch,
      "BSON field 'collation.locale' is the wrong type, expected string",
    );
  }
  if (locale === 'simple') return null;
  if (!supported(locale)) {
    throw new CommandError(Codes.BadValue, `Field 'locale' is invalid in: { locale: "${locale}" }`);
  }
  const strength = raw.strength ?? 3;
  if (typeof strength !== 'number' || !Number.isInteger(strength) || strength < 1 || strength > 5) {
    invalid('strength', `must be an integer 1 through 5. Got: ${String(strength)}`);
  }
  for (const f of BOOLEANS) {
    if (raw[f] !== undefined && typeof raw[f] !== 'boolean') invalid(f, 'must be a boolean');
  }
  for (const [f, allowed] of Object.entries(ENUMS)) {
    const v = raw[f];
    if (v !== undefined && (typeof v !== 'string' || !allowed.includes(v))) {
      invalid(f, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}. Got: ${String(v)}`);
    }
  }
  // mongod honours these; Intl.Collator has no equivalent, so they are refused, not ignored.
  if (raw.backwards === true) unsupportedOption('backwards: true');
  if (raw.alternate === 'shifted' && raw.maxVariable === 'space') {
    unsupportedOption("maxVariable: 'space'");
  }
  const spec: Doc = {
    locale,
    caseLevel: raw.caseLevel ?? false,
    caseFirst: raw.caseFirst ?? 'off',
    strength,
    numericOrdering: raw.numericOrdering ?? false,
    alternate: raw.alternate ?? 'non-ignorable',
    maxVariable: raw.maxVariable ?? 'punct',
    normalization: raw.normalization ?? false,
    backwards: raw.backwards ?? false,
    version: '57.1',
  };
  const key = JSON.stringify(spec);
  const known = cache.get(key);
  if (known) return known;
  const sensitivity =
    strength === 1 ? (spec.caseLevel ? 'case' : 'base') : strength === 2 ? 'accent' : 'variant';
  const collator = new Intl.Collator(bcp47(locale), {
    usage: 'sort',
    sensitivity,
    numeric: spec.numericOrdering === true,
    ignorePunctuation: spec.alternate === 'shifted',
    ...(spec.caseFirst === 'off' ? {} : { caseFirst: spec.caseFirst as 'upper' | 'lower' }),
  });
  const made: Collation = { spec, key, compareStrings: collator.compare };
  cache.set(key, made);
  return made;
}

/**
 * A collation read back from a stored spec (collection options, index specs). Data dirs from
 * before collations were validated may hold one that no longer parses; it then compares as
 * simple rather than keeping the stand-in from starting (a binary index answers correctly).
 */
export function storedCollation(raw: unknown): Collation | null {
  try {
    return parseCollation(raw);
  } catch {
    return null;
  }
}

export function collationKey(c: Collation | null): string {
  return c ? c.key : 'simple';
}

/**
 * The collation a command runs under: its own `collation` field when it has one (a simple one
 * included), otherwise the collection's default.
 */
export function resolveCollation(raw: unknown, collectionDefault: Collation | null) {
  return raw === undefined || raw === null ? collectionDefault : parseCollation(raw);
}

/** compareBson with strings, also inside documents and arrays, compared by the collation. */
export function compareCollated(a: unknown, b: unknown, c: Collation | null): number {
  if (!c) return compareBson(a, b);
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb || (ra !== 4 && ra !== 5 && ra !== 6)) return compareBson(a, b);
  if (ra === 4) return Math.sign(c.compareStrings(String(a), String(b)));
  if (ra === 6) {
    const xa = a as unknown[];
    const xb = b as unknown[];
    for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
      const r = compareCollated(xa[i], xb[i], c);
      if (r) return r;
    }
    return Math.sign(xa.length - xb.length);
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return compareBson(a, b);
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const fa = ka[i] as string;
    const fb = kb[i] as string;
    const r =
      Math.sign(typeRank(a[fa]) - typeRank(b[fb])) ||
      (fa < fb ? -1 : fa > fb ? 1 : 0) ||
      compareCollated(a[fa], b[fb], c);
    if (r) return r;
  }
  return Math.sign(ka.length - kb.length);
}

export function comparatorFor(c: Collation | null): (a: unknown, b: unknown) => number {
  return c ? (a, b) => compareCollated(a, b, c) : compareBson;
}

/** Whether a value holds a string anywhere (only those compare differently under a collation). */
export function holdsString(v: unknown): boolean {
  const r = typeRank(v);
  if (r === 4) return true;
  if (Array.isArray(v)) return v.some(holdsString);
  return r === 5 && isPlainObject(v) && Object.values(v).some(holdsString);
}

/**
 * Folds values that are equal under a collation onto the first one seen, so grouping and
 * de-duplication by exact value (Map keys) group them as mongod does. Kept sorted by the
 * collation for a binary search per lookup.
 */
export class Representatives {
  private readonly seen: unknown[] = [];
  constructor(private readonly c: Collation) {}

  of(v: unknown): unknown {
    if (!holdsString(v)) return v;
    let lo = 0;
    let hi = this.seen.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = compareCollated(this.seen[mid], v, this.c);
      if (r === 0) return this.seen[mid];
      if (r < 0) lo = mid + 1;
      else hi = mid;
    }
    this.seen.splice(lo, 0, v);
    return v;
  }
}
