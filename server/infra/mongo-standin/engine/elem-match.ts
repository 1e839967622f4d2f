import * as queryOperators from 'mingo/operators/query';
import type { Options } from 'mingo/types';
import { resolve } from 'mingo/util';
import type { Doc } from '../types.ts';

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
