import { canonicalKey, formatFields } from '../engine/bson-values.ts';
import {
  type Collation,
  comparatorFor,
  parseCollation,
  storedCollation,
} from '../engine/collation.ts';
import { collectLeaves } from '../engine/paths.ts';
import { compileFilter } from '../engine/query.ts';
import { Codes, CommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { sortForLoad } from './bulk-order.ts';
import { type IndexEntry, SortedEntries } from './sorted-entries.ts';
import { isTextSpec, normalizeTextIndexSpec } from './text-index.ts';

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
  if (options.collation !== undefined) {
    // mongod stores the collation with every field filled in, and none for the simple one.
    const collation = parseCollation(options.collation);
    if (collation) options.collation = collation.spec;
    else delete options.collation;
  }
  const out = { ...spec, ...options };
  return isTextSpec(out.key) ? normalizeTextIndexSpec(out) : out;
}

/** Options that make two indexes on the same key different (mongod compares these too). */
export function optionsKey(spec: IndexSpec): string {
  // Hiding an index (collMod) does not make it another index.
  const { v: _v, name: _n, key: _k, background: _b, ns: _ns, hidden: _h, ...rest } = spec;
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
 * An index: a map of unique keys (for duplicate-key checks, O(1)) and, when queries can use it,
 * every key in sorted order (store/sorted-entries.ts) for equality, range and ordered scans.
 * Partial and special (text, geo, hashed) indexes answer no queries: their entries would leave
 * out documents a filter can still match, so only their unique map is kept. Sparse ones answer
 * only bounds that exclude null (store/query-plan.ts). A collated index orders strings by its
 * collation; the planner uses its string bounds only for queries with the same collation.
 * Uniqueness is checked on exact values, even under a collation.
 */
export class Index {
  /** Replaced (never changed in place) when collMod hides or unhides the index. */
  spec: IndexSpec;
  readonly fields: string[];
  private readonly paths: string[][];
  /** Every key field is a top-level name (no dots): keysOf may take its plain path. */
  private readonly topLevel: boolean;
  readonly directions: number[];
  readonly unique: boolean;
  /** Whether the planner may scan this index. */
  readonly queryable: boolean;
  readonly collation: Collation | null;
  /** Key order: compareBson, or compareCollated under the index's collation. */
  readonly compare: (a: unknown, b: unknown) => number;
  readonly sorted: SortedEntries | null;
  /**
   * Set once any document gave a field several keys or reached it through an array. Bounds on
   * two operators of one field may then not be intersected, and the index cannot give a sort.
   */
  multikey = false;
  /** A sparse index leaves out documents lacking every field: only non-null bounds may use it. */
  readonly sparse: boolean;
  private readonly partial: ((d: Doc) => boolean) | null;
  private readonly entries = new Map<string, string>();

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    this.paths = this.fields.map((f) => f.split('.'));
    this.topLevel = this.paths.every((p) => p.length === 1);
    this.directions = Object.values(spec.key).map((d) => (Number(d) < 0 ? -1 : 1));
    const special = Object.values(spec.key).some((v) => typeof v === 'string');
    this.unique = spec.unique === true && !special;
    this.sparse = spec.sparse === true;
    this.partial = isPlainObject(spec.partialFilterExpression)
      ? compileFilter(spec.partialFilterExpression)
      : null;
    this.queryable = !special && !this.partial;
    this.collation = storedCollation(spec.collation);
    const compare = comparatorFor(this.collation);
    this.compare = compare;
    const dirs = this.directions;
    this.sorted = this.queryable
      ? new SortedEntries((a, b) => {
          for (let i = 0; i < dirs.length; i++) {
            const c = compare(a.k[i], b.k[i]);
            if (c) return c * (dirs[i] as number);
          }
          return a.seq - b.seq;
        })
      : null;
  }

  get name(): string {
    return this.spec.name;
  }

  /** The keys a document contributes, or null when sparse/partial rules leave it out. */
  keysOf(doc: Doc): IndexKey[] | null {
    if (this.partial && !this.partial(doc)) return null;
    const plain = this.plainKeyOf(doc);
    if (plain !== undefined) return plain;
    let anyPresent = false;
    const perField = this.fields.map((f) => {
      const leaves = collectLeaves(doc, f);
      if (leaves.length > 0) anyPresent = true;
      return leaves.length > 0 ? dedupe(leaves) : [null];
    });
    if (this.sparse && !anyPresent) return null;
    return product(perField).map((values) => ({
      key: JSON.stringify(values.map(canonicalKey)),
      values,
    }));
  }

  /**
   * keysOf's common case, without walking paths or building a product: every field a
   * top-level name holding no array (what collectLeaves would find as one leaf). Undefined
   * when the general walk is needed.
   */
  private plainKeyOf(doc: Doc): IndexKey[] | null | undefined {
    if (!this.topLevel || !isPlainObject(doc)) return undefined;
    const values: unknown[] = new Array(this.fields.length);
    let anyPresent = false;
    for (let i = 0; i < values.length; i++) {
      const field = this.fields[i] as string;
      if (!Object.hasOwn(doc, field)) {
        values[i] = null;
        continue;
      }
      const v = doc[field];
      if (Array.isArray(v)) return undefined;
      values[i] = v;
      anyPresent = true;
    }
    if (this.sparse && !anyPresent) return null;
    return [{ key: JSON.stringify(values.map(canonicalKey)), values }];
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

  add(doc: Doc, idKey: string, seq: number): void {
    if (this.unique) for (const k of this.keysOf(doc) ?? []) this.entries.set(k.key, idKey);
    if (this.sorted) for (const e of this.scanEntries(doc, idKey, seq)) this.sorted.insert(e);
  }

  remove(doc: Doc, idKey: string, seq: number): void {
    if (this.unique) {
      for (const k of this.keysOf(doc) ?? []) {
        if (this.entries.get(k.key) === idKey) this.entries.delete(k.key);
      }
    }
    if (this.sorted) for (const e of this.scanEntries(doc, idKey, seq)) this.sorted.remove(e);
  }

  /** Refills the index from every document at once (replay, rename, a new index). */
  rebuild(docs: Iterable<[string, Doc, number]>): boolean {
    this.clear();
    let duplicate = false;
    const all: IndexEntry[] = [];
    for (const [idKey, doc, seq] of docs) {
      if (this.unique) {
        for (const k of this.keysOf(doc) ?? []) {
          const owner = this.entries.get(k.key);
          if (owner !== undefined && owner !== idKey) duplicate = true;
          this.entries.set(k.key, idKey);
        }
      }
      if (this.sorted) for (const e of this.scanEntries(doc, idKey, seq)) all.push(e);
    }
    if (this.sorted) {
      sortForLoad(all, this.directions, this.compare, this.collation !== null, this.sorted.order);
      this.sorted.load(all, true);
    }
    return duplicate;
  }

  clear(): void {
    this.entries.clear();
    this.sorted?.clear();
    this.multikey = false;
  }

  /**
   * The sorted-index keys of a document. They may hold more keys than mongod's (null where a
   * path crosses an array, elements of nested arrays): a scan then reads a few documents the
   * filter rejects, but never misses one the filter accepts.
   */
  private scanEntries(doc: Doc, id: string, seq: number): IndexEntry[] {
    const perField: unknown[][] = [];
    let single = true;
    let anyPresent = false;
    for (const parts of this.paths) {
      const found = scanLeaves(doc, parts);
      anyPresent ||= found.present;
      if (found.throughArray || found.values.length !== 1) {
        this.multikey = true;
        single = false;
      }
      perField.push(found.values);
    }
    if (this.sparse && !anyPresent) return [];
    // The common case (one plain value per field) without building a product.
    if (single) return [{ k: perField.map((v) => v[0]), seq, id }];
    return product(perField).map((k) => ({ k, seq, id }));
  }
}

function product(perField: unknown[][]): unknown[][] {
  let combos: unknown[][] = [[]];
  for (const values of perField) {
    const next: unknown[][] = [];
    for (const combo of combos) for (const v of values) next.push([...combo, v]);
    combos = next.slice(0, MAX_KEYS_PER_DOC);
  }
  return combos;
}

/** Leaves of a path for the sorted index, deduplicated; null stands for "no value here". */
function scanLeaves(
  doc: Doc,
  parts: string[],
): { values: unknown[]; throughArray: boolean; present: boolean } {
  if (parts.length === 1) {
    const present = Object.hasOwn(doc, parts[0] as string);
    const v = present ? doc[parts[0] as string] : null;
    if (!Array.isArray(v)) return { values: [v], throughArray: false, present };
  }
  const state = { out: [] as unknown[], throughArray: false };
  walkLeaves(doc, parts, 0, state);
  const present = state.out.length > 0;
  if (!present || state.throughArray) state.out.push(null);
  return { values: dedupe(state.out), throughArray: state.throughArray, present };
}

function walkLeaves(
  value: unknown,
  parts: string[],
  i: number,
  state: { out: unknown[]; throughArray: boolean },
): void {
  if (i === parts.length) {
    if (Array.isArray(value)) {
      state.throughArray = true;
      flatten(value, state.out);
    } else state.out.push(value);
    return;
  }
  const part = parts[i] as string;
  if (Array.isArray(value)) {
    state.throughArray = true;
    if (/^\d+$/.test(part)) walkLeaves(value[Number(part)], parts, i + 1, state);
    for (const item of value) {
      if (isPlainObject(item) || Array.isArray(item)) walkLeaves(item, parts, i, state);
    }
    return;
  }
  if (!isPlainObject(value) || !Object.hasOwn(value, part)) return;
  walkLeaves(value[part], parts, i + 1, state);
}

function flatten(values: unknown[], out: unknown[]): void {
  for (const v of values) {
    if (Array.isArray(v)) flatten(v, out);
    else out.push(v);
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
