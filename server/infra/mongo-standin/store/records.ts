import type { Binary } from 'bson';
import type { Doc } from '../types.ts';

/**
 * The journal's vocabulary. Each record sets state rather than describing a command, so replay
 * is deterministic (server-generated ids, $currentDate and upsert outcomes are already resolved).
 */
export type StoreRecord =
  | { op: 'put'; db: string; c: string; doc: Doc }
  | { op: 'del'; db: string; c: string; id: unknown }
  | { op: 'create'; db: string; c: string; options: Doc; uuid: Binary }
  | { op: 'options'; db: string; c: string; options: Doc }
  | { op: 'drop'; db: string; c: string }
  | { op: 'dropDb'; db: string }
  | { op: 'index'; db: string; c: string; spec: Doc }
  | { op: 'dropIndex'; db: string; c: string; name: string }
  | { op: 'rename'; db: string; c: string; toDb: string; toC: string };

export type RecordSink = (record: StoreRecord) => void;
