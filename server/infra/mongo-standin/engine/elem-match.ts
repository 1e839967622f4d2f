import * as queryOperators from 'mingo/operators/query';
import type { Options } from 'mingo/types';
import { resolve } from 'mingo/util';
import { type Doc, isPlainObject } from '../types.ts';
import { bsonTypeOf } from './bson-values.ts';

/**
 * The `$elemMatch` projection as mongod reads its condition: made only of operators
 * (`{ $in: [...] }`, `{ $gte: 4 }`) it tests each element itself, so it works on arrays of
 * numbers, strings or ObjectIds; with field names it tests an embedded document's fields.
 * mingo's query operator already reads it so, and is reused here; its projection operator
 * tested every element as a document and refused operator-only conditions ("unknown top
 * level operator").
 */

type ElementTest = (element: unknown) => boolean;
type QueryOperator = (selector: string, value: unknown, options: Options) => (o: Doc) => boolean;

/** One test per condition: a projection's condition object is the same for every document. */
const tests = new WeakMap<Doc, ElementTest>();

function elementTest(criteria: Doc, options: Options): ElementTest {
  let test = tests.get(criteria);
  if (!test) {
    const matches = (queryOperators.$elemMatch as unknown as QueryOperator)(
      'element',
      criteria,
      options,
    );
    test = (element) => matches({ element: [element] });
    tests.set(criteria, test);
  }
  return test;
}

/** The projection operator: the first element that matches, or the field left out. */
export function elemMatchProjection(
  obj: Doc,
  criteria: Doc,
  field: string,
  options: Options,
): unknown[] | undefined {
  const array = resolve(obj, field);
  if (!Array.isArray(array)) return undefined;
  const test = elementTest(criteria, options);
  const found = array.find((element) => test(element));
  return found === undefined ? undefined : [found];
}

/** A DBRef's fields: names, not operators, inside `$elemMatch` (mongod reads them so). */
const DBREF_FIELDS = new Set(['$ref', '$id', '$db']);
const alias = (key: string) => (DBREF_FIELDS.has(key) ? `standin dbref ${key}` : key);

function renamed(value: unknown): unknown {
  // The BSON decoder turns a stored `{ $ref, $id, $db }` into a DBRef.
  if (bsonTypeOf(value) === 'DBRef') {
    const ref = value as { collection: string; oid: unknown; db?: string; fields?: Doc };
    return renamed({
      $ref: ref.collection,
      $id: ref.oid,
      ...(ref.db ? { $db: ref.db } : {}),
      ...ref.fields,
    });
  }
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [alias(k), v]));
}

/**
 * The `$elemMatch` query operator: mingo's, except that a condition naming `$ref`, `$id` or
 * `$db` tests those fields of each element (mingo took them for unknown operators); both the
 * condition's and each element's DBRef fields are renamed to the same plain names first.
 */
export const elemMatchQuery: QueryOperator = (selector, criteria, options) => {
  const base = queryOperators.$elemMatch as unknown as QueryOperator;
  if (!isPlainObject(criteria) || !Object.keys(criteria).some((k) => DBREF_FIELDS.has(k)))
    return base(selector, criteria, options);
  const matches = base('element', renamed(criteria), options);
  return (obj) => {
    const array = resolve(obj, selector, { unwrapArray: true });
    return Array.isArray(array) && matches({ element: array.map(renamed) });
  };
};
