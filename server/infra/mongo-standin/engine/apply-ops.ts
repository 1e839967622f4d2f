import { updateOne } from 'mingo';
import { Query } from 'mingo/query';
import { Codes, CommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { bsonTypeAlias, compareBson, formatValue } from './bson-values.ts';
import { cloneValue, setOwn } from './clone.ts';
import { applyArithmetic, applyBit, numKind } from './numeric.ts';
import { mingoOptions, queryOptions } from './query.ts';

/**
 * Applies an operator update whose paths are concrete (positional parts already resolved and
 * conflicts already refused) the way mongod's update tree does:
 *
 * - one path at a time in mongod's order (update_object_node.h: field names compared as strings,
 *   numeric names as numbers, component by component; a $rename sits at its destination), so the
 *   fields an update creates are appended in that order, whatever order the update lists them in;
 * - a path that cannot be created (through a scalar, or a non-numeric part under an array) refuses
 *   the update with PathNotViable (28), where mingo silently skips it or writes into every element;
 * - array operators on a field that exists and is not an array refuse it with mongod's codes and
 *   messages; arithmetic keeps mongod's int/long/double rules (numeric.ts).
 *
 * The caller passes a private copy of the document and drops it when this throws, so a refusal
 * leaves the stored document unchanged.
 */

type Container = Doc | unknown[];

const MISSING = Symbol('missing');
const isIndex = (part: string): boolean => /^\d+$/.test(part);

function childOf(cur: unknown, part: string): unknown {
  if (isPlainObject(cur)) return Object.hasOwn(cur, part) ? cur[part] : MISSING;
  if (Array.isArray(cur) && isIndex(part)) {
    const i = Number(part);
    return i < cur.length ? cur[i] : MISSING;
  }
  return MISSING;
}

/** Where a path leads: to an existing value, or to the deepest existing element on the way. */
interface Walk {
  parts: string[];
  /** The containers passed through below the document, outermost first, with their names. */
  ancestors: [string, unknown][];
  /** The existing element that holds, or would hold, parts[at]; `name` is its field name. */
  holder: unknown;
  name: string;
  at: number;
  exists: boolean;
  value: unknown;
}

function walk(doc: Doc, path: string): Walk {
  const parts = path.split('.');
  const ancestors: [string, unknown][] = [];
  let holder: unknown = doc;
  let name = '';
  for (let at = 0; at < parts.length; at++) {
    const part = parts[at] as string;
    const child = childOf(holder, part);
    if (child === MISSING || at === parts.length - 1) {
      const exists = child !== MISSING;
      return { parts, ancestors, holder, name, at, exists, value: exists ? child : undefined };
    }
    ancestors.push([part, child]);
    holder = child;
    name = part;
  }
  throw new Error('unreachable: empty update path');
}

/** Objects and arrays can take the next part (an array only a numeric one). */
function traversable(holder: unknown, part: string): boolean {
  return isPlainObject(holder) || (Array.isArray(holder) && isIndex(part));
}

function element(name: string, value: unknown): string {
  return `{${name}: ${formatValue(value)}}`;
}

/** mongod pads an array with nulls up to an index it writes (mingo would leave holes). */
function padTo(array: unknown[], index: number): void {
  while (array.length < index) array.push(null);
}

function put(container: Container, key: string, value: unknown): void {
  if (Array.isArray(container)) {
    padTo(container, Number(key));
    container[Number(key)] = value;
  } else {
    setOwn(container, key, value);
  }
}

interface Slot {
  parent: Container;
  key: string;
  exists: boolean;
  value: unknown;
}

/** The slot a creating operator writes to, with any missing parents created (createPathAt). */
function creatable(w: Walk): Slot {
  let container = w.holder;
  const next = w.parts[w.at] as string;
  if (w.exists) return { parent: container as Container, key: next, exists: true, value: w.value };
  if (!traversable(container, next)) {
    throw new CommandError(
      Codes.PathNotViable,
      `Cannot create field '${next}' in element ${element(w.name, container)}`,
    );
  }
  for (let i = w.at; i < w.parts.length - 1; i++) {
    const created: Doc = {};
    put(container as Container, w.parts[i] as string, created);
    container = created;
  }
  const key = w.parts[w.parts.length - 1] as string;
  if (Array.isArray(container)) padTo(container, Number(key));
  return { parent: container as Container, key, exists: false, value: undefined };
}

/** $pop/$pull/$pullAll: a missing path is a no-op, unless it could not even be created. */
function existing(w: Walk, path: string): boolean {
  if (w.exists) return true;
  const part = w.parts[w.at] as string;
  if (!traversable(w.holder, part)) {
    throw new CommandError(
      Codes.PathNotViable,
      `Cannot use the part (${part}) of (${path}) to traverse the element (${element(w.name, w.holder)})`,
    );
  }
  return false;
}

function idText(id: unknown): string {
  return id === undefined ? 'no id' : `_id: ${formatValue(id)}`;
}

function notAnArray(op: string, path: string, w: Walk, id: unknown): CommandError {
  const type = bsonTypeAlias(w.value);
  switch (op) {
    case '$push':
      return new CommandError(
        Codes.BadValue,
        `The field '${path}' must be an array but is of type ${type} in document {${idText(id)}}`,
      );
    case '$addToSet':
      return new CommandError(
        Codes.BadValue,
        `Cannot apply $addToSet to non-array field. Field named '${w.parts[w.at]}' has non-array type ${type}`,
      );
    case '$pop':
      return new CommandError(
        Codes.TypeMismatch,
        `Path '${path}' contains an element of non-array type '${type}'`,
      );
    default:
      return new CommandError(Codes.BadValue, 'Cannot apply $pull to a non-array value');
  }
}

function assertMutable(path: string): void {
  if (path === '_id' || path.startsWith('_id.')) {
    throw new CommandError(
      Codes.ImmutableField,
      `Performing an update on the path '${path}' would modify the immutable field '_id'`,
    );
  }
}

function arrayAncestor(w: Walk): string | undefined {
  return w.ancestors.find(([, v]) => Array.isArray(v))?.[0];
}

/** RenameNode::apply: a missing source is a no-op; neither end may go through an array. */
function rename(doc: Doc, from: string, to: string): void {
  const src = walk(doc, from);
  if (!src.exists) {
    if (traversable(src.holder, src.parts[src.at] as string)) return;
    throw new CommandError(
      Codes.PathNotViable,
      `cannot use the part (${src.name} of ${from}) to traverse the element (${element(src.name, src.holder)})`,
    );
  }
  const srcArray = arrayAncestor(src);
  if (srcArray !== undefined) {
    throw new CommandError(
      Codes.BadValue,
      `The source field cannot be an array element, '${from}' in doc with ${idText(doc._id)} has an array field called '${srcArray}'`,
    );
  }
  // The ancestors include the deepest existing element on the destination path.
  const dest = walk(doc, to);
  const destArray = arrayAncestor(dest);
  if (destArray !== undefined) {
    throw new CommandError(
      Codes.BadValue,
      `The destination field cannot be an array element, '${to}' in doc with ${idText(doc._id)} has an array field called '${destArray}'`,
    );
  }
  const slot = creatable(dest);
  put(slot.parent, slot.key, src.value);
  delete (src.holder as Doc)[src.parts[src.at] as string];
}

/**
 * Checks one path and applies it, or returns true when the path is fine but mingo is to apply
 * it ($push/$addToSet/$currentDate with its parents now created, $pop/$pull/$pullAll on an array).
 */
function applyStep(doc: Doc, op: string, path: string, arg: unknown): boolean {
  assertMutable(path);
  if (op === '$rename') {
    assertMutable(arg as string);
    rename(doc, path, arg as string);
    return false;
  }
  const w = walk(doc, path);
  if (op === '$unset') {
    if (!w.exists) return false;
    const parent = w.holder as Container;
    if (Array.isArray(parent)) parent[Number(w.parts[w.at])] = null;
    else delete parent[w.parts[w.at] as string];
    return false;
  }
  if (op === '$pop' || op === '$pull' || op === '$pullAll') {
    if (!existing(w, path)) return false;
    if (!Array.isArray(w.value)) throw notAnArray(op, path, w, doc._id);
    if (op === '$pull' && isLogicalQuery(arg)) {
      pullMatching(w.holder as Container, w.parts[w.at] as string, w.value, arg);
      return false;
    }
    return true;
  }
  if ((op === '$push' || op === '$addToSet') && w.exists && !Array.isArray(w.value)) {
    throw notAnArray(op, path, w, doc._id);
  }
  if ((op === '$inc' || op === '$mul') && w.exists && numKind(w.value) === null) {
    throw new CommandError(
      Codes.TypeMismatch,
      `Cannot apply ${op} to a value of non-numeric type. {${idText(doc._id)}} has the field '${w.parts[w.at]}' of non-numeric type ${bsonTypeAlias(w.value)}`,
    );
  }
  const slot = creatable(w);
  switch (op) {
    case '$set':
      put(slot.parent, slot.key, cloneValue(arg));
      return false;
    case '$inc':
    case '$mul':
      put(slot.parent, slot.key, applyArithmetic(op, slot.value, arg, doc._id));
      return false;
    case '$max':
    case '$min': {
      const c = slot.exists ? compareBson(arg, slot.value) : 0;
      if (!slot.exists || (op === '$max' ? c > 0 : c < 0))
        put(slot.parent, slot.key, cloneValue(arg));
      return false;
    }
    case '$bit':
      put(slot.parent, slot.key, applyBit(slot.value, arg as Doc, doc._id, slot.key));
      return false;
    default:
      return true;
  }
}

const LOGICAL = new Set(['$and', '$or', '$nor']);

/** `{ $or: [...] }` and the like: a query on each element as a document. */
function isLogicalQuery(arg: unknown): arg is Doc {
  return (
    isPlainObject(arg) &&
    Object.keys(arg).length > 0 &&
    Object.keys(arg).every((k) => LOGICAL.has(k))
  );
}

/**
 * $pull with a top-level logical condition. mingo reads any `$`-key as a condition on the
 * element's value ({ k: element }), so `$or` of field queries never matched; mongod runs it
 * as a query on each element that is a document, and scalars never match it.
 */
function pullMatching(parent: Container, key: string, array: unknown[], condition: Doc): void {
  const query = new Query(condition, queryOptions());
  const kept = array.filter((element) => !(isPlainObject(element) && query.test(element)));
  if (kept.length !== array.length) put(parent, key, kept);
}

/** mongod's order of update paths (pathsupport::cmpPathsAndArrayIndexes per component). */
function compareFieldNames(a: string, b: string): number {
  const plain = (s: string) => !/^[0-9]/.test(s) || (s[0] === '0' && s.length > 1);
  if (!plain(a) && !plain(b) && a.length !== b.length) return a.length - b.length;
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function comparePaths(x: string[], y: string[]): number {
  for (let i = 0; i < x.length && i < y.length; i++) {
    const c = compareFieldNames(x[i] as string, y[i] as string);
    if (c) return c;
  }
  return x.length - y.length;
}

/** Applies every operator of `mod` to `doc` in place; a refusal throws, leaving `doc` half-done. */
export function applyOperators(doc: Doc, mod: Doc): void {
  const steps: { op: string; path: string; arg: unknown; order: string[] }[] = [];
  for (const [op, expr] of Object.entries(mod)) {
    for (const [path, arg] of Object.entries(expr as Doc)) {
      steps.push({ op, path, arg, order: (op === '$rename' ? String(arg) : path).split('.') });
    }
  }
  steps.sort((x, y) => comparePaths(x.order, y.order));
  // Paths left to mingo go to it in runs of one operator (one call per run, in order: the paths
  // are disjoint and their parents already exist, so deferring a leaf changes no later check).
  let run: { op: string; expr: Doc } | null = null;
  for (const { op, path, arg } of steps) {
    if (run && run.op !== op) {
      applyWithMingo(doc, run.op, run.expr);
      run = null;
    }
    if (!applyStep(doc, op, path, arg)) continue;
    run ??= { op, expr: {} };
    run.expr[path] = arg;
  }
  if (run) applyWithMingo(doc, run.op, run.expr);
}

function applyWithMingo(doc: Doc, op: string, expr: Doc): void {
  updateOne([doc], {}, { [op]: expr }, { cloneMode: 'deep' }, mingoOptions());
}
