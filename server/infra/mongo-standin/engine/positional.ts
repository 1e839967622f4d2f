import { Query } from 'mingo/query';
import { Codes, CommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { formatValue } from './bson-values.ts';
import { setPath } from './paths.ts';
import { queryOptions } from './query.ts';

/**
 * Update paths as mongod checks and resolves them. mingo's own positional support records only
 * the part before `$`/`$[]`/`$[id]` in its conflict check, so `{ $set: { 'a.$.v': 1, 'a.$.w': 2 } }`
 * is refused by mingo as a conflict at 'a'. Here the update is validated as written (the parse-time
 * checks mongod makes before looking at any document), then every positional path is rewritten
 * into the concrete paths it designates in the document at hand (`a.1.v`, `a.1.w`), so mingo
 * only ever sees plain dotted paths.
 */

/** Tests an array element against the arrayFilter of one identifier. */
export type ElementTests = Map<string, (element: unknown) => boolean>;

type Positional = { kind: 'first' } | { kind: 'all' } | { kind: 'filtered'; id: string };

function positionalOf(part: string): Positional | null {
  if (part === '$') return { kind: 'first' };
  if (part === '$[]') return { kind: 'all' };
  if (part.startsWith('$[') && part.endsWith(']'))
    return { kind: 'filtered', id: part.slice(2, -1) };
  return null;
}

function hasPositional(path: string): boolean {
  return path.split('.').some((p) => positionalOf(p) !== null);
}

function badValue(message: string): CommandError {
  return new CommandError(Codes.BadValue, message);
}

/**
 * Claims dotted paths and reports the first overlap: the same path twice, or one path inside
 * another. The overlap point follows mongod: the earlier path when it is the shorter one,
 * otherwise the path being added.
 */
class PathClaims {
  private readonly root: ClaimNode = { end: false, children: new Map() };

  claim(path: string): string | null {
    const parts = path.split('.');
    let node = this.root;
    for (let i = 0; i < parts.length; i++) {
      if (node.end) return parts.slice(0, i).join('.');
      const part = parts[i] as string;
      let next = node.children.get(part);
      if (!next) {
        next = { end: false, children: new Map() };
        node.children.set(part, next);
      }
      node = next;
    }
    if (node.end || node.children.size > 0) return path;
    node.end = true;
    return null;
  }
}

interface ClaimNode {
  end: boolean;
  children: Map<string, ClaimNode>;
}

/** The field names a filter is about, looking through $and/$or/$nor. */
function topLevelFields(filter: Doc, out: Set<string>): Set<string> {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (Array.isArray(value))
        for (const sub of value) if (isPlainObject(sub)) topLevelFields(sub, out);
    } else if (!key.startsWith('$')) {
      out.add(key.split('.')[0] as string);
    }
  }
  return out;
}

/** mongod's arrayFilters parsing: one identifier per filter, each named once. */
function parseArrayFilters(arrayFilters: Doc[] | undefined): Map<string, Doc> {
  const byId = new Map<string, Doc>();
  for (const filter of arrayFilters ?? []) {
    const names = [...topLevelFields(filter, new Set())];
    if (names.length === 0) {
      throw new CommandError(
        Codes.FailedToParse,
        'Cannot use an expression without a top-level field name in arrayFilters',
      );
    }
    if (names.length > 1) {
      throw new CommandError(
        Codes.FailedToParse,
        `Error parsing array filter :: caused by :: Expected a single top-level field name, found '${names[0]}' and '${names[1]}'`,
      );
    }
    const id = names[0] as string;
    if (!/^[a-z][a-zA-Z0-9]*$/.test(id)) {
      throw badValue(
        `Error parsing array filter :: caused by :: The top-level field name must be an alphanumeric string beginning with a lowercase letter, found '${id}'`,
      );
    }
    if (byId.has(id)) {
      throw new CommandError(
        Codes.FailedToParse,
        `Found multiple array filters with the same top-level field name ${id}`,
      );
    }
    byId.set(id, filter);
  }
  return byId;
}

function checkRename(from: string, to: unknown): string {
  if (typeof to !== 'string') {
    throw badValue(`The 'to' field for $rename must be a string: ${from}: ${formatValue(to)}`);
  }
  if (hasPositional(from))
    throw badValue(`The source field for $rename may not be dynamic: ${from}`);
  if (hasPositional(to))
    throw badValue(`The destination field for $rename may not be dynamic: ${to}`);
  if (from === to) {
    throw badValue(`The source and target field for $rename must differ: ${from}: "${to}"`);
  }
  if (from.startsWith(`${to}.`) || to.startsWith(`${from}.`)) {
    throw badValue(
      `The source and target field for $rename must not be on the same path: ${from}: "${to}"`,
    );
  }
  return to;
}

/**
 * The checks mongod makes on an operator update as written: overlapping paths across all
 * operators (code 40, $setOnInsert and both ends of a $rename included), at most one `$` per
 * path, an arrayFilter for every `$[id]` and no unused arrayFilter. Returns the element tests
 * for the identifiers, compiled once per statement.
 */
export function validateUpdatePaths(mod: Doc, arrayFilters: Doc[] | undefined): ElementTests {
  const filters = parseArrayFilters(arrayFilters);
  const used = new Set<string>();
  const claims = new PathClaims();
  const claim = (path: string) => {
    const at = claims.claim(path);
    if (at !== null) {
      throw new CommandError(
        Codes.ConflictingUpdateOperators,
        `Updating the path '${path}' would create a conflict at '${at}'`,
      );
    }
  };
  for (const [op, expr] of Object.entries(mod)) {
    if (!isPlainObject(expr)) continue;
    for (const [path, value] of Object.entries(expr)) {
      const dest = op === '$rename' ? checkRename(path, value) : null;
      let firsts = 0;
      for (const part of path.split('.')) {
        const pos = positionalOf(part);
        if (pos?.kind === 'first') firsts++;
        if (pos?.kind !== 'filtered') continue;
        if (!filters.has(pos.id)) {
          throw badValue(`No array filter found for identifier '${pos.id}' in path '${path}'`);
        }
        used.add(pos.id);
      }
      if (firsts > 1) {
        throw badValue(`Too many positional (i.e. '$') elements found in path '${path}'`);
      }
      claim(path);
      if (dest !== null) claim(dest);
    }
  }
  const tests: ElementTests = new Map();
  for (const [id, filter] of filters) {
    if (!used.has(id)) {
      throw new CommandError(
        Codes.FailedToParse,
        `The array filter for identifier '${id}' was not used in the update ${formatValue(mod)}`,
      );
    }
    const query = new Query(filter, queryOptions());
    // The element stands in for the identifier, so `{ 'x.qty': ... }` reads element.qty and an
    // element that is itself an array gets the usual any-element semantics.
    tests.set(id, (element) => query.test({ [id]: element }));
  }
  return tests;
}

/** The filter's predicates on `field` or below it, including those inside a top-level $and. */
function predicatesOn(filter: Doc, field: string, out: Doc[] = []): Doc[] {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const sub of value) if (isPlainObject(sub)) predicatesOn(sub, field, out);
    } else if (key === field || key.startsWith(`${field}.`)) {
      out.push({ [key]: value });
    }
  }
  return out;
}

/**
 * The index `$` stands for: the first element that satisfies the query's predicates on this
 * array. When none satisfies them all (`{ 'a.v': 1, 'a.w': 2 }` can match through different
 * elements) mongod keeps the position recorded by the last predicate it evaluated, so the
 * predicates are then tried one at a time from the last.
 */
function matchedIndex(array: unknown[], field: string, filter: Doc | undefined): number {
  const preds = filter ? predicatesOn(filter, field) : [];
  if (preds.length === 0) return -1;
  const candidates = preds.length === 1 ? preds : [{ $and: preds }, ...[...preds].reverse()];
  for (const pred of candidates) {
    const query = new Query(pred, queryOptions());
    // Each element is tested as the array's only element, so the predicate's array semantics
    // ($elemMatch, implicit any-element matching) single out this element.
    const index = array.findIndex((element) => {
      const probe: Doc = {};
      setPath(probe, field, [element]);
      return query.test(probe);
    });
    if (index >= 0) return index;
  }
  return -1;
}

function childOf(value: unknown, part: string): unknown {
  if (Array.isArray(value)) return /^\d+$/.test(part) ? value[Number(part)] : undefined;
  return isPlainObject(value) && Object.hasOwn(value, part) ? value[part] : undefined;
}

interface ResolveContext {
  tests: ElementTests;
  filter: Doc | undefined;
}

/** The concrete paths one (possibly positional) update path designates in `doc`. */
function expandPath(doc: Doc, path: string, ctx: ResolveContext): string[] {
  const parts = path.split('.');
  const out: string[] = [];
  const visit = (value: unknown, i: number, taken: string[]): void => {
    if (i === parts.length) {
      out.push(taken.join('.'));
      return;
    }
    const part = parts[i] as string;
    const pos = positionalOf(part);
    if (pos === null) {
      visit(childOf(value, part), i + 1, [...taken, part]);
      return;
    }
    if (pos.kind === 'first') {
      const index = Array.isArray(value)
        ? matchedIndex(value, parts.slice(0, i).join('.'), ctx.filter)
        : -1;
      if (index < 0) {
        throw badValue('The positional operator did not find the match needed from the query.');
      }
      visit((value as unknown[])[index], i + 1, [...taken, String(index)]);
      return;
    }
    if (value === undefined) {
      throw badValue(
        `The path '${taken.join('.')}' must exist in the document in order to apply array updates.`,
      );
    }
    if (!Array.isArray(value)) {
      throw badValue(
        `Cannot apply array updates to non-array element ${taken[taken.length - 1]}: ${formatValue(value)}`,
      );
    }
    const test = pos.kind === 'filtered' ? ctx.tests.get(pos.id) : undefined;
    value.forEach((element, index) => {
      if (!test || test(element)) visit(element, i + 1, [...taken, String(index)]);
    });
  };
  visit(doc, 0, []);
  return out;
}

/**
 * Rewrites an operator update so that it names only concrete paths of `doc`. Two positional
 * paths may land on the same element path (`a.$[]` and `a.$[x].v`); mongod then refuses the
 * update with "Update created a conflict", and so does this. Operators left with no path (a
 * `$[]` over an empty array) are dropped.
 */
export function resolvePositional(
  doc: Doc,
  mod: Doc,
  tests: ElementTests,
  filter: Doc | undefined,
): Doc {
  const positional = Object.values(mod).some(
    (expr) => isPlainObject(expr) && Object.keys(expr).some(hasPositional),
  );
  if (!positional) return mod;
  const ctx: ResolveContext = { tests, filter };
  const claims = new PathClaims();
  const claim = (path: string) => {
    const at = claims.claim(path);
    if (at !== null) {
      throw new CommandError(
        Codes.ConflictingUpdateOperators,
        `Update created a conflict at '${at}'`,
      );
    }
  };
  const out: Doc = {};
  for (const [op, expr] of Object.entries(mod)) {
    const concrete: Doc = {};
    for (const [path, value] of Object.entries(expr as Doc)) {
      for (const p of expandPath(doc, path, ctx)) {
        claim(p);
        concrete[p] = value;
      }
      if (op === '$rename') claim(value as string);
    }
    if (Object.keys(concrete).length > 0) out[op] = concrete;
  }
  return out;
}
