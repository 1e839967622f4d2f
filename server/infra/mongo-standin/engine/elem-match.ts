import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { resolve } from 'mingo/util';
import { type Doc, isPlainObject } from '../types.ts';

/**
 * `$elemMatch` as mongod reads its condition: made only of operators (`{ $in: [...] }`,
 * `{ $gte: 4 }`) it tests each element itself, so it works on arrays of numbers, strings or
 * ObjectIds; with field names it tests an embedded document's fields. mingo's query operator
 * already reads it so; its projection operator tested every element as a document and
 * refused operator-only conditions ("unknown top level operator").
 */
export function elementTest(criteria: Doc, options: Options): (element: unknown) => boolean {
  const keys = Object.keys(criteria);
  if (keys.length === 0) return (element) => isPlainObject(element);
  const onElement = keys.every((k) => k.startsWith('$') && !LOGICAL.has(k));
  if (onElement) {
    const query = new Query({ element: criteria }, options);
    return (element) => query.test({ element });
  }
  const query = new Query(criteria, options);
  return (element) => isPlainObject(element) && query.test(element);
}

const LOGICAL = new Set(['$and', '$or', '$nor']);

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
