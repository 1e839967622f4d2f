import { type Binary, calculateObjectSize } from 'bson';
import { canonicalKey } from '../engine/bson-values.ts';
import { type Collation, storedCollation } from '../engine/collation.ts';
import { Codes, CommandError } from '../errors.ts';
import type { Doc } from '../types.ts';
import { duplicateKeyError, ID_INDEX_SPEC, Index, type IndexSpec, optionsKey } from './indexes.ts';
import type { RecordSink } from './records.ts';
import { isTextSpec } from './text-index.ts';
import { assertTimeField } from './timeseries.ts';
import { DocumentValidation } from './validation.ts';

/** mongod's ceiling on one stored document (BSONObjMaxUserSize). */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** Refuses, before anything changes, a document mongod would not store: over 16 MiB. */
function assertFits(doc: Doc, what: 'insert' | 'update'): number {
  const size = calculateObjectSize(doc);
  if (size <= MAX_DOCUMENT_BYTES) return size;
  throw what === 'insert'
    ? new CommandError(
        Codes.BadValue,
        `object to insert too large. size in bytes: ${size}, max size: ${MAX_DOCUMENT_BYTES}`,
      )
    : new CommandError(
        Codes.BSONObjectTooLarge,
        `Resulting document after update is larger than ${MAX_DOCUMENT_BYTES}`,
      );
}

/**
 * A capped collection's limits as mongod applies them: `size` rounded up to a multiple of 256
 * and at least 4,096 bytes; `max` documents when given (0 or absent: no count limit).
 */
function capOf(options: Doc): { bytes: number; max: number; used: number } | null {
  if (options.capped !== true) return null;
  const size = Math.max(4096, Math.ceil(Number(options.size) / 256) * 256);
  const max = Number(options.max);
  return { bytes: size, max: max > 0 ? max : Number.POSITIVE_INFINITY, used: 0 };
}

export interface WriteOptions {
  /** The command's bypassDocumentValidation. */
  bypassValidation?: boolean | undefined;
}

export function idKeyOf(id: unknown): string {
  return canonicalKey(id);
}

function validateId(id: unknown): void {
  if (Array.isArray(id)) {
    throw new CommandError(Codes.InvalidIdField, "The '_id' value cannot be of type array");
  }
  if (id instanceof RegExp) {
    throw new CommandError(Codes.InvalidIdField, "The '_id' value cannot be of type regex");
  }
}

/**
 * Documents of one namespace, keyed by canonical _id in insertion (natural) order. Stored
 * documents are never mutated in place: updates swap in new objects, which is what lets
 * cursors and snapshots hold plain references.
 */
export class Collection {
  readonly db: string;
  name: string;
  /** `create`'s options; collMod replaces them (prepareOptions), never changes them in place. */
  options: Doc;
  private validation: DocumentValidation;
  readonly uuid: Binary;
  readonly docs = new Map<string, Doc>();
  /** What commands without a `collation` of their own run under (`create`'s option). */
  readonly defaultCollation: Collation | null;
  /** The _id index as a sorted structure, for _id ranges and _id-ordered scans. */
  readonly idIndex: Index;
  /** Natural-order sequence per document; an update keeps it, as mongod keeps the RecordId. */
  private readonly seqs = new Map<string, number>();
  private nextSeq = 0;
  private indexes: Index[] = [];
  private readonly emit: RecordSink;
  /** Set for a capped collection: its limits, and the BSON bytes its documents hold now. */
  private cap: { bytes: number; max: number; used: number } | null = null;

  constructor(db: string, name: string, options: Doc, uuid: Binary, emit: RecordSink) {
    this.db = db;
    this.name = name;
    this.options = options;
    this.validation = new DocumentValidation(options);
    this.defaultCollation = storedCollation(options.collation);
    // As in mongod, the _id index takes the collection's collation.
    this.idIndex = new Index(
      this.defaultCollation
        ? { ...ID_INDEX_SPEC, collation: this.defaultCollation.spec }
        : ID_INDEX_SPEC,
    );
    this.uuid = uuid;
    this.emit = emit;
    this.cap = capOf(options);
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get size(): number {
    return this.docs.size;
  }

  all(): Doc[] {
    return Array.from(this.docs.values());
  }

  getById(id: unknown): Doc | undefined {
    return this.docs.get(idKeyOf(id));
  }

  indexSpecs(): IndexSpec[] {
    return [this.idIndex.spec, ...this.indexes.map((i) => i.spec)];
  }

  secondaryIndexes(): readonly Index[] {
    return this.indexes;
  }

  /** Every index a query may scan, `_id` first; a hidden index is kept up but not scanned. */
  queryableIndexes(): Index[] {
    return [this.idIndex, ...this.indexes.filter((i) => i.queryable && i.spec.hidden !== true)];
  }

  /**
   * collMod's new options (validator, validation level and action, expireAfterSeconds),
   * checked now, so a validator mongod would refuse is refused before anything changes; the
   * function returned puts them in place and journals them.
   */
  prepareOptions(options: Doc): () => void {
    const validation = new DocumentValidation(options);
    return () => {
      this.validation = validation;
      this.options = options;
      this.emit({ op: 'options', db: this.db, c: this.name, options });
    };
  }

  loadOptions(options: Doc): void {
    this.validation = new DocumentValidation(options);
    this.options = options;
  }

  /** collMod's `index`: a changed copy of one index's spec, journaled like a new index. */
  changeIndex(name: string, change: Partial<IndexSpec>): IndexSpec {
    const index = this.indexes.find((i) => i.name === name);
    if (!index) throw new CommandError(Codes.IndexNotFound, `cannot find index ${name}`);
    const spec = { ...index.spec, ...change };
    if (spec.hidden === false) delete spec.hidden;
    const was = index.spec;
    index.spec = spec;
    this.emit({ op: 'index', db: this.db, c: this.name, spec });
    return was;
  }

  seqOf(idKey: string): number {
    return this.seqs.get(idKey) ?? -1;
  }

  private allIndexes(): Index[] {
    return [this.idIndex, ...this.indexes];
  }

  private *withSeqs(): Generator<[string, Doc, number]> {
    for (const [key, doc] of this.docs) yield [key, doc, this.seqOf(key)];
  }

  insert(doc: Doc, writeOptions: WriteOptions = {}): void {
    validateId(doc._id);
    const size = assertFits(doc, 'insert');
    if (this.cap && size > this.cap.bytes) {
      throw new CommandError(
        Codes.BadValue,
        `object to insert exceeds cappedMaxSize: ${size} > ${this.cap.bytes}`,
      );
    }
    assertTimeField(this.options, doc);
    if (!writeOptions.bypassValidation) this.validation.check(doc, null);
    const key = idKeyOf(doc._id);
    if (this.docs.has(key)) throw duplicateKeyError(this.ns, ID_INDEX_SPEC, [doc._id]);
    this.assertUnique(doc, null);
    this.docs.set(key, doc);
    const seq = this.nextSeq++;
    this.seqs.set(key, seq);
    for (const idx of this.allIndexes()) idx.add(doc, key, seq);
    this.emit({ op: 'put', db: this.db, c: this.name, doc });
    if (this.cap) {
      this.cap.used += size;
      this.evictOldest();
    }
  }

  /** A capped collection drops its oldest documents (natural order) until within its limits. */
  private evictOldest(): void {
    const cap = this.cap;
    if (!cap) return;
    for (const oldest of this.docs.values()) {
      if (this.docs.size <= cap.max && cap.used <= cap.bytes) return;
      this.remove(oldest);
    }
  }

  /** Swaps in a new version of a stored document; the _id must be unchanged. */
  replace(oldDoc: Doc, newDoc: Doc, writeOptions: WriteOptions = {}): void {
    const size = assertFits(newDoc, 'update');
    if (!writeOptions.bypassValidation) this.validation.check(newDoc, oldDoc);
    const key = idKeyOf(oldDoc._id);
    this.assertUnique(newDoc, key);
    const seq = this.seqOf(key);
    for (const idx of this.allIndexes()) idx.remove(oldDoc, key, seq);
    for (const idx of this.allIndexes()) idx.add(newDoc, key, seq);
    this.docs.set(key, newDoc);
    this.emit({ op: 'put', db: this.db, c: this.name, doc: newDoc });
    if (this.cap) this.cap.used += size - calculateObjectSize(oldDoc);
  }

  remove(doc: Doc): void {
    const key = idKeyOf(doc._id);
    if (!this.docs.delete(key)) return;
    if (this.cap) this.cap.used -= calculateObjectSize(doc);
    const seq = this.seqOf(key);
    this.seqs.delete(key);
    for (const idx of this.allIndexes()) idx.remove(doc, key, seq);
    this.emit({ op: 'del', db: this.db, c: this.name, id: doc._id });
  }

  private assertUnique(doc: Doc, selfKey: string | null): void {
    for (const idx of this.indexes) {
      const conflict = idx.findConflict(doc, selfKey);
      if (conflict) throw duplicateKeyError(this.ns, idx.spec, conflict);
    }
  }

  /** Returns false when an identical index already exists. Fails without side effects. */
  createIndex(spec: IndexSpec): boolean {
    const keySig = canonicalKey(spec.key);
    const optSig = optionsKey(spec);
    if (spec.name === '_id_' || keySig === canonicalKey(ID_INDEX_SPEC.key)) {
      if (spec.name === '_id_' && keySig !== canonicalKey(ID_INDEX_SPEC.key)) {
        throw new CommandError(
          Codes.IndexKeySpecsConflict,
          "The index name '_id_' is reserved for the _id index",
        );
      }
      return false;
    }
    // The key of every text index is `{ _fts: 'text', _ftsx: 1 }`: one per collection.
    const text = isTextSpec(spec.key) && this.indexes.find((i) => isTextSpec(i.spec.key));
    if (text && text.name !== spec.name) {
      throw new CommandError(
        Codes.IndexOptionsConflict,
        `An equivalent index already exists with a different name and options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(text.spec)}`,
      );
    }
    for (const existing of this.indexes) {
      const sameKey = canonicalKey(existing.spec.key) === keySig;
      const sameOpts = optionsKey(existing.spec) === optSig;
      if (existing.name === spec.name) {
        if (sameKey && sameOpts) return false;
        if (!sameKey) {
          throw new CommandError(
            Codes.IndexKeySpecsConflict,
            `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing.spec)}`,
          );
        }
        throw new CommandError(
          Codes.IndexOptionsConflict,
          `An equivalent index already exists with the same name but different options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing.spec)}`,
        );
      }
      if (sameKey && sameOpts) {
        throw new CommandError(
          Codes.IndexOptionsConflict,
          `Index already exists with a different name: ${existing.name}`,
        );
      }
    }
    const index = new Index(spec);
    if (index.rebuild(this.withSeqs())) {
      // Rare path: replay the build one document at a time to name the colliding key.
      const probe = new Index({ ...spec, unique: true, sparse: spec.sparse === true });
      for (const [key, doc, seq] of this.withSeqs()) {
        const conflict = probe.findConflict(doc, key);
        if (conflict) throw duplicateKeyError(this.ns, spec, conflict);
        probe.add(doc, key, seq);
      }
    }
    this.indexes.push(index);
    this.emit({ op: 'index', db: this.db, c: this.name, spec });
    return true;
  }

  dropIndex(name: string): void {
    const i = this.indexes.findIndex((x) => x.name === name);
    if (i < 0) throw new CommandError(Codes.IndexNotFound, `index not found with name [${name}]`);
    this.indexes.splice(i, 1);
    this.emit({ op: 'dropIndex', db: this.db, c: this.name, name });
  }

  // Replay path: the journal already holds validated state, so no checks and no re-emission.

  // Indexes are left stale here and rebuilt once by rebuildIndexes() after the replay.

  loadPut(doc: Doc): void {
    const key = idKeyOf(doc._id);
    this.docs.set(key, doc);
    if (!this.seqs.has(key)) this.seqs.set(key, this.nextSeq++);
  }

  loadDelete(id: unknown): void {
    const key = idKeyOf(id);
    this.docs.delete(key);
    this.seqs.delete(key);
  }

  loadIndex(spec: IndexSpec): void {
    // A changed spec (collMod) keeps its index's place in the list.
    const at = this.indexes.findIndex((x) => x.name === spec.name);
    if (at >= 0) this.indexes[at] = new Index(spec);
    else this.indexes.push(new Index(spec));
  }

  loadDropIndex(name: string): void {
    this.indexes = this.indexes.filter((x) => x.name !== name);
  }

  /** Rebuilds every index after replay; returns index names that hold duplicates. */
  rebuildIndexes(): string[] {
    const broken: string[] = [];
    const rows = Array.from(this.withSeqs());
    this.idIndex.rebuild(rows);
    for (const idx of this.indexes) if (idx.rebuild(rows)) broken.push(idx.name);
    if (this.cap) {
      this.cap.used = 0;
      for (const doc of this.docs.values()) this.cap.used += calculateObjectSize(doc);
    }
    return broken;
  }
}
