import { UUID } from 'bson';
import { Codes, CommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { Collection } from './collection.ts';
import type { IndexSpec } from './indexes.ts';
import type { StoreRecord } from './records.ts';

/** A point-in-time view for snapshots: plain references, valid because documents are immutable. */
export interface CollectionView {
  db: string;
  name: string;
  options: Doc;
  uuid: Collection['uuid'];
  indexes: IndexSpec[];
  docs: Doc[];
}

const BAD_DB_CHARS = /[/\\. "$*<>:|?\0]/;

export function validateDbName(db: unknown): string {
  if (typeof db !== 'string' || db.length === 0 || db.length > 63 || BAD_DB_CHARS.test(db)) {
    throw new CommandError(Codes.InvalidNamespace, `Invalid database name: '${String(db)}'`);
  }
  return db;
}

export function validateCollectionName(db: string, name: unknown): string {
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    name.includes('\0') ||
    name.startsWith('$')
  ) {
    throw new CommandError(
      Codes.InvalidNamespace,
      `Invalid namespace specified '${db}.${String(name)}'`,
    );
  }
  return name;
}

/**
 * All databases in memory. Mutations push StoreRecords into `pending`; the dispatcher drains
 * them after each command and journals them before replying.
 */
export class Store {
  private readonly dbs = new Map<string, Map<string, Collection>>();
  private pending: StoreRecord[] = [];
  private readonly emit = (r: StoreRecord): void => {
    this.pending.push(r);
  };

  drain(): StoreRecord[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  databaseNames(): string[] {
    return Array.from(this.dbs.keys());
  }

  collections(db: string): Collection[] {
    return Array.from(this.dbs.get(db)?.values() ?? []);
  }

  allCollections(): Collection[] {
    return Array.from(this.dbs.values()).flatMap((m) => Array.from(m.values()));
  }

  getCollection(db: string, name: string): Collection | undefined {
    return this.dbs.get(db)?.get(name);
  }

  private attach(coll: Collection): void {
    let m = this.dbs.get(coll.db);
    if (!m) {
      m = new Map();
      this.dbs.set(coll.db, m);
    }
    m.set(coll.name, coll);
  }

  private detach(db: string, name: string): void {
    const m = this.dbs.get(db);
    if (!m) return;
    m.delete(name);
    if (m.size === 0) this.dbs.delete(db);
  }

  createCollection(db: string, name: string, options: Doc = {}): Collection {
    validateDbName(db);
    validateCollectionName(db, name);
    if (this.getCollection(db, name)) {
      throw new CommandError(Codes.NamespaceExists, `Collection ${db}.${name} already exists.`);
    }
    const coll = new Collection(db, name, options, new UUID(), this.emit);
    this.attach(coll);
    this.emit({ op: 'create', db, c: name, options, uuid: coll.uuid });
    return coll;
  }

  /** Writes create their target collection implicitly, as mongod does. */
  ensureCollection(db: string, name: string): Collection {
    return this.getCollection(db, name) ?? this.createCollection(db, name);
  }

  dropCollection(db: string, name: string): Collection | undefined {
    const coll = this.getCollection(db, name);
    if (!coll) return undefined;
    this.detach(db, name);
    this.emit({ op: 'drop', db, c: name });
    return coll;
  }

  dropDatabase(db: string): boolean {
    if (!this.dbs.has(db)) return false;
    this.dbs.delete(db);
    this.emit({ op: 'dropDb', db });
    return true;
  }

  renameCollection(
    db: string,
    name: string,
    toDb: string,
    toName: string,
    dropTarget: boolean,
  ): void {
    const coll = this.getCollection(db, name);
    if (!coll) throw new CommandError(Codes.NamespaceNotFound, 'Source collection does not exist');
    validateDbName(toDb);
    validateCollectionName(toDb, toName);
    if (this.getCollection(toDb, toName)) {
      if (!dropTarget) throw new CommandError(Codes.NamespaceExists, 'target namespace exists');
      this.dropCollection(toDb, toName);
    }
    this.moveCollection(coll, toDb, toName);
    this.emit({ op: 'rename', db, c: name, toDb, toC: toName });
  }

  private moveCollection(coll: Collection, toDb: string, toName: string): void {
    this.detach(coll.db, coll.name);
    const moved = new Collection(toDb, toName, coll.options, coll.uuid, this.emit);
    for (const doc of coll.docs.values()) moved.loadPut(doc);
    for (const spec of coll.indexSpecs().slice(1)) moved.loadIndex(spec);
    moved.rebuildIndexes();
    this.attach(moved);
  }

  captureView(): CollectionView[] {
    return this.allCollections().map((c) => ({
      db: c.db,
      name: c.name,
      options: c.options,
      uuid: c.uuid,
      indexes: c.indexSpecs().slice(1),
      docs: c.all(),
    }));
  }

  /** Applies a journal or snapshot record during startup. */
  apply(r: StoreRecord): void {
    switch (r.op) {
      case 'create': {
        if (!this.getCollection(r.db, r.c)) {
          const options = isPlainObject(r.options) ? r.options : {};
          this.attach(new Collection(r.db, r.c, options, r.uuid, this.emit));
        }
        return;
      }
      case 'options':
        this.getCollection(r.db, r.c)?.loadOptions(r.options);
        return;
      case 'put':
        this.loadTarget(r.db, r.c).loadPut(r.doc);
        return;
      case 'del':
        this.getCollection(r.db, r.c)?.loadDelete(r.id);
        return;
      case 'drop':
        this.detach(r.db, r.c);
        return;
      case 'dropDb':
        this.dbs.delete(r.db);
        return;
      case 'index':
        this.loadTarget(r.db, r.c).loadIndex(r.spec as IndexSpec);
        return;
      case 'dropIndex':
        this.getCollection(r.db, r.c)?.loadDropIndex(r.name);
        return;
      case 'rename': {
        const coll = this.getCollection(r.db, r.c);
        if (!coll) return;
        this.detach(r.toDb, r.toC);
        this.moveCollection(coll, r.toDb, r.toC);
        return;
      }
      default:
        throw new Error(`unknown journal record op '${(r as { op: string }).op}'`);
    }
  }

  private loadTarget(db: string, name: string): Collection {
    const existing = this.getCollection(db, name);
    if (existing) return existing;
    const coll = new Collection(db, name, {}, new UUID(), this.emit);
    this.attach(coll);
    return coll;
  }

  /** Rebuilds unique-index maps once replay is done; returns namespaces with inconsistent indexes. */
  finishReplay(): string[] {
    const problems: string[] = [];
    for (const coll of this.allCollections()) {
      for (const name of coll.rebuildIndexes()) problems.push(`${coll.ns} ${name}`);
    }
    this.pending = [];
    return problems;
  }
}
