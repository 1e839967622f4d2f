import { Codes, CommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { canonicalKey, compareBson, matchesTypeAlias, typeRank } from './bson-values.ts';

/**
 * mongod's `$jsonSchema` (JSON Schema draft 4 plus `bsonType`), in a filter or a collection's
 * validator. Each keyword tests only values of the type it is about (`minLength` passes a
 * number), as the draft says; `type` knows JSON's types (a number is any BSON number, an
 * object only an embedded document), `bsonType` mongod's `$type` aliases. Keywords mongod
 * refuses (`$ref`, `format`, `default`...) are refused here too, when the schema is read.
 */

type Test = (value: unknown) => boolean;

const JSON_TYPES: Record<string, Test> = {
  object: isPlainObject,
  array: Array.isArray,
  number: (v) => typeRank(v) === 3,
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof v === 'string',
  null: (v) => v === null,
};

const IGNORED = new Set(['title', 'description']);

function bad(message: string): CommandError {
  return new CommandError(Codes.FailedToParse, message);
}

function names(value: unknown, keyword: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((v) => typeof v === 'string'))
    throw bad(`$jsonSchema keyword '${keyword}' must be a string or an array of strings`);
  return list as string[];
}

/** `minX` / `maxX` keywords (properties, items, length): a test of a count against the bound. */
function countBound(value: unknown, keyword: string): (count: number) => boolean {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw bad(`$jsonSchema keyword '${keyword}' must be a non-negative integer`);
  return keyword.startsWith('min') ? (c) => c >= value : (c) => c <= value;
}

function num(value: unknown, keyword: string): number {
  if (typeRank(value) !== 3) throw bad(`$jsonSchema keyword '${keyword}' must be a number`);
  return Number(value);
}

function schemas(value: unknown, keyword: string): Test[] {
  if (!Array.isArray(value) || value.length === 0)
    throw bad(`$jsonSchema keyword '${keyword}' must be a non-empty array`);
  return value.map(compileSchema);
}

const codePoints = (s: string): number => Array.from(s).length;

/** One keyword of a schema: the test it adds (tests only values of its own type). */
function keywordTest(key: string, value: unknown, schema: Doc): Test | null {
  switch (key) {
    case 'type': {
      const tests = names(value, key).map((t) => {
        const test = JSON_TYPES[t];
        if (!test) throw bad(`Unknown type name alias: ${t}`);
        return test;
      });
      return (v) => tests.some((t) => t(v));
    }
    case 'bsonType': {
      const aliases = names(value, key);
      return (v) => aliases.some((a) => matchesTypeAlias(v, a));
    }
    case 'enum': {
      if (!Array.isArray(value) || value.length === 0)
        throw bad("$jsonSchema keyword 'enum' must be a non-empty array");
      const keys = new Set(value.map(canonicalKey));
      return (v) => v !== undefined && keys.has(canonicalKey(v));
    }
    case 'required': {
      const fields = names(value, key);
      return (v) => !isPlainObject(v) || fields.every((f) => v[f] !== undefined);
    }
    case 'properties': {
      if (!isPlainObject(value)) throw bad("$jsonSchema keyword 'properties' must be an object");
      const props = Object.entries(value).map(([k, s]) => [k, compileSchema(s)] as const);
      return (v) => !isPlainObject(v) || props.every(([k, t]) => v[k] === undefined || t(v[k]));
    }
    case 'patternProperties': {
      if (!isPlainObject(value))
        throw bad("$jsonSchema keyword 'patternProperties' must be an object");
      const pats = Object.entries(value).map(
        ([p, s]) => [new RegExp(p, 'u'), compileSchema(s)] as const,
      );
      return (v) =>
        !isPlainObject(v) ||
        Object.entries(v).every(([k, x]) => pats.every(([re, t]) => !re.test(k) || t(x)));
    }
    case 'additionalProperties': {
      const known = new Set(isPlainObject(schema.properties) ? Object.keys(schema.properties) : []);
      const pats = isPlainObject(schema.patternProperties)
        ? Object.keys(schema.patternProperties).map((p) => new RegExp(p, 'u'))
        : [];
      const extra = (k: string) => !known.has(k) && !pats.some((re) => re.test(k));
      const test: Test =
        value === false ? () => false : value === true ? () => true : compileSchema(value);
      return (v) => !isPlainObject(v) || Object.entries(v).every(([k, x]) => !extra(k) || test(x));
    }
    case 'minProperties':
    case 'maxProperties': {
      const ok = countBound(value, key);
      return (v) => !isPlainObject(v) || ok(Object.keys(v).length);
    }
    case 'dependencies': {
      if (!isPlainObject(value)) throw bad("$jsonSchema keyword 'dependencies' must be an object");
      const deps = Object.entries(value).map(([k, d]): [string, Test] => {
        if (isPlainObject(d)) return [k, compileSchema(d)];
        const fields = names(d, key);
        return [k, (v) => isPlainObject(v) && fields.every((f) => v[f] !== undefined)];
      });
      return (v) => !isPlainObject(v) || deps.every(([k, t]) => v[k] === undefined || t(v));
    }
    case 'items': {
      if (Array.isArray(value)) {
        const tuple = value.map(compileSchema);
        const rest = schema.additionalItems;
        const more: Test =
          rest === undefined || rest === true
            ? () => true
            : rest === false
              ? () => false
              : compileSchema(rest);
        return (v) =>
          !Array.isArray(v) || v.every((x, i) => (i < tuple.length ? tuple[i]?.(x) : more(x)));
      }
      const each = compileSchema(value);
      return (v) => !Array.isArray(v) || v.every(each);
    }
    case 'additionalItems':
      return null; // read with `items`
    case 'minItems':
    case 'maxItems': {
      const ok = countBound(value, key);
      return (v) => !Array.isArray(v) || ok(v.length);
    }
    case 'uniqueItems':
      if (value !== true) return null;
      return (v) => !Array.isArray(v) || new Set(v.map(canonicalKey)).size === v.length;
    case 'minimum':
    case 'maximum': {
      const bound = num(value, key);
      const exclusive =
        schema[key === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true;
      const sign = key === 'minimum' ? 1 : -1;
      return (v) => {
        if (typeRank(v) !== 3) return true;
        const c = compareBson(v, bound) * sign;
        return exclusive ? c > 0 : c >= 0;
      };
    }
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      if (typeof value !== 'boolean') throw bad(`$jsonSchema keyword '${key}' must be a boolean`);
      return null; // read with minimum / maximum
    case 'multipleOf': {
      const m = num(value, key);
      if (m <= 0) throw bad("$jsonSchema keyword 'multipleOf' must have a positive value");
      return (v) => typeRank(v) !== 3 || Number.isInteger(Number(v) / m);
    }
    case 'minLength':
    case 'maxLength': {
      const ok = countBound(value, key);
      return (v) => typeof v !== 'string' || ok(codePoints(v));
    }
    case 'pattern': {
      if (typeof value !== 'string') throw bad("$jsonSchema keyword 'pattern' must be a string");
      const re = new RegExp(value, 'u');
      return (v) => typeof v !== 'string' || re.test(v);
    }
    case 'allOf': {
      const all = schemas(value, key);
      return (v) => all.every((t) => t(v));
    }
    case 'anyOf': {
      const any = schemas(value, key);
      return (v) => any.some((t) => t(v));
    }
    case 'oneOf': {
      const one = schemas(value, key);
      return (v) => one.filter((t) => t(v)).length === 1;
    }
    case 'not': {
      const t = compileSchema(value);
      return (v) => !t(v);
    }
    default:
      throw bad(`Unknown $jsonSchema keyword: ${key}`);
  }
}

/** A schema as one test of a value (the whole document at the top). */
export function compileSchema(schema: unknown): Test {
  if (!isPlainObject(schema)) throw bad('$jsonSchema must be an object');
  if (schema.type !== undefined && schema.bsonType !== undefined)
    throw bad("$jsonSchema cannot have both 'type' and 'bsonType'");
  const tests: Test[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (IGNORED.has(key)) continue;
    const test = keywordTest(key, value, schema);
    if (test) tests.push(test);
  }
  return (v) => tests.every((t) => t(v));
}

/** The query operator: `{ $jsonSchema: schema }` tests the whole document. */
export const jsonSchemaOp = (_selector: string, schema: unknown): ((doc: Doc) => boolean) =>
  compileSchema(schema);
