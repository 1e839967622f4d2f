import { canonicalKey, formatFields } from '../engine/bson-values.ts';
import { collectLeaves } from '../engine/paths.ts';
import { compileFilter } from '../engine/query.ts';
import { Codes, CommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';

export interface IndexSpec extends Doc {
  v: number;
  key: Doc;
  name: string;
}

export const ID_INDEX_SPEC: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

const KEY_TYPES = new Set(['text', '2dsphere', '2d', 'hashed', 'geoHaystack', 'wildcard']);

/** mongod's generated name: `field_1_other_-1`. */
export function defaultIndexName(key: Doc): string {
  return Object.entries(key)
    .map(([k, v]) => `${k}_${String(v)}`)
    .join('_');
}

export function normalizeIndexSpec(raw: unknown): IndexSpec {
  if (!isPlainObject(raw) || !isPlainObject(raw.key) || Object.keys(raw.key).length === 0) {
    throw new CommandError(Codes.BadValue, "Index spec must contain a non-empty 'key' document");
  }
  for (const [field, dir] of Object.entries(raw.key)) {
    const ok =
      (typeof dir === 'number' && dir !== 0) || (typeof dir === 'string' && KEY_TYPES.has(dir));
    if (!ok || field === '') {
      throw new CommandError(
        Codes.BadValue,
        `Values in the index key pattern can't be 0 or empty: ${field}`,
      );
    }
  }
  const { ns: _ns, v: _v, name, key, ...options } = raw;
  const spec: IndexSpec = {
    v: 2,
    key: key as Doc,
    name: typeof name === 'string' ? name : defaultIndexName(key as Doc),
  };
  if (
    options.partialFilterExpression !== undefined &&
    !isPlainObject(options.partialFilterExpression)
  ) {
    throw new CommandError(Codes.TypeMismatch, 'partialFilterExpression must be an object');
  }
  return { ...spec, ...options };
}

/** Options that make two indexes on the same key different (mongod compares these too). */
export function optionsKey(spec: IndexSpec): string {
  const { v: _v, name: _n, key: _k, background: _b, ns: _ns, ...rest } = spec;
  if (rest.unique === false) delete rest.unique;
  if (rest.sparse === false) delete rest.sparse;
  const sorted = Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
  return canonicalKey(sorted);
}

interface IndexKey {
  key: string;
  values: unknown[];
}

/** Upper bound on keys one document can produce, as a guard against huge array products. */
const MAX_KEYS_PER_DOC = 10_000;

/**
 * A secondary index. Only unique indexes keep entries: queries scan, so the stand-in needs an
 * index structure solely to enforce uniqueness.
 */
export class Index {
  readonly spec: IndexSpec;
  readonly fields: string[];
  readonly unique: boolean;
  private readonly sparse: boolean;
  private readonly partial: ((d: Doc) => boolean) | null;
  private readonly entries = new Map<string, string>();

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    const special = Object.values(spec.key).some((v) => typeof v === 'string');
    this.unique = spec.unique === true && !special;
    this.sparse = spec.sparse === true;
    this.partial = isPlainObject(spec.partialFilterExpression)
      ? compileFilter(spec.partialFilterExpression)
      : null;
  }

  get name(): string {
    return this.spec.name;
  }

  /** The keys a document contributes, or null when sparse/partial rules leave it out. */
  keysOf(doc: Doc): IndexKey[] | null {
    if (this.partial && !this.partial(doc)) return null;
    let anyPresent = false;
    const perField = this.fields.map((f) => {
      const leaves = collectLeaves(doc, f);
      if (leaves.length > 0) anyPresent = true;
      return leaves.length > 0 ? dedupe(leaves) : [null];
    });
    if (this.sparse && !anyPresent) return null;
    let combos: unknown[][] = [[]];
    for (const values of perField) {
      const next: unknown[][] = [];
      for (const combo of combos) for (const v of values) next.push([...combo, v]);
      combos = next.slice(0, MAX_KEYS_PER_DOC);
    }
    return combos.map((values) => ({ key: JSON.stringify(values.map(canonicalKey)), values }));
  }

  /** The key values that collide with another document, or null. */
  findConflict(doc: Doc, selfId: string | null): unknown[] | null {
    if (!this.unique) return null;
    for (const k of this.keysOf(doc) ?? []) {
      const owner = this.entries.get(k.key);
      if (owner !== undefined && owner !== selfId) return k.values;
    }
    return null;
  }

  add(doc: Doc, idKey: string): void {
    if (!this.unique) return;
    for (const k of this.keysOf(doc) ?? []) this.entries.set(k.key, idKey);
  }

  remove(doc: Doc, idKey: string): void {
    if (!this.unique) return;
    for (const k of this.keysOf(doc) ?? []) {
      if (this.entries.get(k.key) === idKey) this.entries.delete(k.key);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

function dedupe(values: unknown[]): unknown[] {
  if (values.length < 2) return values;
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = canonicalKey(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function duplicateKeyError(ns: string, spec: IndexSpec, values: unknown[]): CommandError {
  const entries = Object.keys(spec.key).map((f, i): [string, unknown] => [f, values[i] ?? null]);
  return new CommandError(
    Codes.DuplicateKey,
    `E11000 duplicate key error collection: ${ns} index: ${spec.name} dup key: ${formatFields(entries)}`,
    { keyPattern: spec.key, keyValue: Object.fromEntries(entries) },
  );
}
