import { UUID } from 'bson';
import { CommandError } from '../errors.ts';
import { Collection } from '../store/collection.ts';
import type { Store } from '../store/store.ts';
import { type Doc, isPlainObject } from '../types.ts';
import {
  type MergeStage,
  type OutTarget,
  outTarget,
  parseMerge,
  writeMerge,
} from './aggregate-merge.ts';
import { idFirst } from './write.ts';

/** What a pipeline's last stage writes: `$out` replaces a collection, `$merge` merges into one. */
export type WriteStage = { kind: 'out'; target: OutTarget } | { kind: 'merge'; stage: MergeStage };

/**
 * A pipeline's final `$out` or `$merge`, taken off so the rest runs as usual; null when there is
 * none. Either one anywhere else is refused as mongod refuses it.
 */
export function splitWriteStage(pipeline: Doc[], db: string): [Doc[], WriteStage | null] {
  const at = pipeline.findIndex(
    (s) => isPlainObject(s) && (Object.hasOwn(s, '$out') || Object.hasOwn(s, '$merge')),
  );
  if (at < 0) return [pipeline, null];
  const last = pipeline[at] as Doc;
  const name = Object.hasOwn(last, '$out') ? '$out' : '$merge';
  if (at !== pipeline.length - 1) {
    throw new CommandError(40601, `${name} can only be the final stage in the pipeline`);
  }
  const rest = pipeline.slice(0, at);
  if (name === '$merge') return [rest, { kind: 'merge', stage: parseMerge(last.$merge, db) }];
  const target = outTarget(last.$out, db);
  if (!target)
    throw new CommandError(
      16990,
      "$out only supports a string or object argument, with 'coll' a string",
    );
  return [rest, { kind: 'out', target }];
}

/** Writes the results where the pipeline's last stage said. */
export function writeResults(store: Store, stage: WriteStage, results: Doc[]): void {
  if (stage.kind === 'merge') writeMerge(store, stage.stage, results);
  else writeOut(store, stage.target, results);
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
