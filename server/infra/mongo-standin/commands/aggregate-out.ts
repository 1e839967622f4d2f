import { UUID } from 'bson';
import { CommandError } from '../errors.ts';
import { Collection } from '../store/collection.ts';
import type { Store } from '../store/store.ts';
import { validateCollectionName, validateDbName } from '../store/store.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { idFirst } from './write.ts';

export interface OutTarget {
  db: string;
  coll: string;
}

/**
 * A pipeline's final `$out` (a collection name, or `{ db, coll }`), taken off so the rest runs
 * as usual; null when there is none. `$out` anywhere else is refused as mongod refuses it.
 */
export function splitOut(pipeline: Doc[], db: string): [Doc[], OutTarget | null] {
  const at = pipeline.findIndex((s) => isPlainObject(s) && Object.hasOwn(s, '$out'));
  if (at < 0) return [pipeline, null];
  if (at !== pipeline.length - 1) {
    throw new CommandError(40601, '$out can only be the final stage in the pipeline');
  }
  const spec = (pipeline[at] as Doc).$out;
  let target: OutTarget;
  if (typeof spec === 'string') target = { db, coll: spec };
  else if (isPlainObject(spec) && typeof spec.coll === 'string')
    target = { db: typeof spec.db === 'string' ? spec.db : db, coll: spec.coll };
  else
    throw new CommandError(
      16990,
      "$out only supports a string or object argument, with 'coll' a string",
    );
  validateDbName(target.db);
  validateCollectionName(target.db, target.coll);
  return [pipeline.slice(0, at), target];
}

/**
 * Replaces the target's documents with the pipeline's, keeping its options and indexes, as
 * mongod's $out does through a temporary collection renamed over the target: the results are
 * first loaded into a scratch copy (same indexes and validator), so a duplicate key or a
 * document mongod would refuse leaves the target as it was.
 */
export function writeOut(store: Store, target: OutTarget, results: Doc[]): void {
  const existing = store.getCollection(target.db, target.coll);
  const docs = results.map(idFirst);
  const scratch = new Collection(
    target.db,
    target.coll,
    existing?.options ?? {},
    new UUID(),
    () => {},
  );
  for (const spec of existing?.indexSpecs().slice(1) ?? []) scratch.createIndex(spec);
  for (const doc of docs) scratch.insert(doc);
  const coll = existing ?? store.createCollection(target.db, target.coll);
  for (const old of coll.all()) coll.remove(old);
  for (const doc of docs) coll.insert(doc);
}
