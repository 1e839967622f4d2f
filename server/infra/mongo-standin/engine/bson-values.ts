import { EJSON, type Long, type ObjectId } from 'bson';
import { type Doc, isPlainObject } from '../types.ts';

/**
 * Helpers that give in-memory BSON values MongoDB's semantics: the cross-type sort order,
 * numeric equality across int/long/double/decimal, and mongod's textual rendering of values
 * in duplicate-key messages. mingo alone compares unknown classes by `toString()`.
 */

/** A BSON class's name (`Long`, `Double`, `Binary`...), undefined for anything else. */
export const bsonTypeOf = (v: unknown): string | undefined =>
  v !== null && typeof v === 'object' ? (v as { _bsontype?: string })._bsontype : undefined;

/** MongoDB's BSON comparison order, one rank per type bracket (MinKey lowest, MaxKey highest). */
export function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 2;
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 3;
    case 'string':
      return 4;
    case 'boolean':
      return 9;
    case 'object':
      break;
    default:
      return 13;
  }
  if (Array.isArray(v)) return 6;
  if (v instanceof Date) return 10;
  if (v instanceof RegExp) return 12;
  if (v instanceof Uint8Array) return 7;
  switch (bsonTypeOf(v)) {
    case 'MinKey':
      return 0;
    case 'MaxKey':
      return 15;
    case 'Long':
    case 'Decimal128':
    case 'Int32':
    case 'Double':
      return 3;
    case 'BSONSymbol':
      return 4;
    case 'Binary':
      return 7;
    case 'ObjectId':
      return 8;
    case 'Timestamp':
      return 11;
    case 'BSONRegExp':
      return 12;
    case 'Code':
      return 13;
    default:
      return 5;
  }
}

/** Numbers of every BSON numeric type as a JS number, or bigint when a Long would lose precision. */
export function toNumeric(v: unknown): number | bigint {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  const o = v as { _bsontype?: string; value?: number };
  switch (o._bsontype) {
    case 'Long': {
      const l = v as Long;
      const n = l.toNumber();
      return Number.isSafeInteger(n) ? n : BigInt(l.toString());
    }
    case 'Decimal128':
      return Number(String(v));
    case 'Int32':
    case 'Double':
      return Number(o.value);
    default:
      return Number.NaN;
  }
}

function compareNumeric(a: unknown, b: unknown): number {
  const x = toNumeric(a);
  const y = toNumeric(b);
  if (typeof x === 'bigint' || typeof y === 'bigint') {
    const fx = typeof x === 'bigint' ? x : Number.isInteger(x) ? BigInt(x) : null;
    const fy = typeof y === 'bigint' ? y : Number.isInteger(y) ? BigInt(y) : null;
    if (fx !== null && fy !== null) return fx < fy ? -1 : fx > fy ? 1 : 0;
    return cmp(Number(x), Number(y));
  }
  // mongod orders NaN below every other number and equal to itself.
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
  if (Number.isNaN(y)) return 1;
  return cmp(x, y);
}

const cmp = <T>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

/** A Binary's bytes: its buffer up to `position` (a Binary may hold spare room past it). */
export function bytesOf(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  const { buffer, position } = v as { buffer: Uint8Array; position?: number };
  return typeof position === 'number' ? buffer.subarray(0, position) : buffer;
}

function compareObjects(a: Doc, b: Doc): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const fa = ka[i] as string;
    const fb = kb[i] as string;
    const r = cmp(typeRank(a[fa]), typeRank(b[fb])) || cmp(fa, fb) || compareBson(a[fa], b[fb]);
    if (r) return r;
  }
  return cmp(ka.length, kb.length);
}

/** Total order over BSON values as mongod sorts them. */
export function compareBson(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return cmp(ra, rb);
  switch (ra) {
    case 2:
    case 0:
    case 15:
      return 0;
    case 3:
      return compareNumeric(a, b);
    case 4:
      return cmp(String(a), String(b));
    case 5:
      return compareObjects(a as Doc, b as Doc);
    case 6: {
      const xa = a as unknown[];
      const xb = b as unknown[];
      const n = Math.min(xa.length, xb.length);
      for (let i = 0; i < n; i++) {
        const r = compareBson(xa[i], xb[i]);
        if (r) return r;
      }
      return cmp(xa.length, xb.length);
    }
    case 7: {
      const ba = bytesOf(a);
      const bb = bytesOf(b);
      const sa = (a as { sub_type?: number }).sub_type ?? 0;
      const sb = (b as { sub_type?: number }).sub_type ?? 0;
      return cmp(ba.length, bb.length) || cmp(sa, sb) || Buffer.compare(ba, bb);
    }
    case 8:
      return Buffer.compare((a as ObjectId).id, (b as ObjectId).id);
    case 9:
      return cmp(Number(a), Number(b));
    case 10:
      return cmp((a as Date).getTime(), (b as Date).getTime());
    case 11:
      return (a as Long).compare(b as Long);
    case 12: {
      const pa = a as { source?: string; pattern?: string; flags?: string; options?: string };
      const pb = b as typeof pa;
      return (
        cmp(pa.source ?? pa.pattern ?? '', pb.source ?? pb.pattern ?? '') ||
        cmp(pa.flags ?? pa.options ?? '', pb.flags ?? pb.options ?? '')
      );
    }
    default:
      return cmp(String(a), String(b));
  }
}

function canonicalNumber(v: unknown): string {
  const n = toNumeric(v);
  if (typeof n === 'bigint') return `n:${n}`;
  if (Object.is(n, -0)) return 'n:0';
  return `n:${n}`;
}

/**
 * A string that is equal for two values exactly when mongod treats them as the same index key
 * (1, 1.0, Long(1) and Decimal128("1") collide; field order inside embedded documents matters).
 */
export function canonicalKey(v: unknown): string {
  switch (typeRank(v)) {
    case 0:
      return 'm';
    case 2:
      return 'z';
    case 3:
      return canonicalNumber(v);
    case 4:
      return `s:${String(v)}`;
    case 6:
      return `a:${JSON.stringify((v as unknown[]).map(canonicalKey))}`;
    case 7:
      return `x:${(v as { sub_type?: number }).sub_type ?? 0}:${Buffer.from(bytesOf(v)).toString('base64')}`;
    case 8:
      return `o:${(v as ObjectId).toHexString()}`;
    case 9:
      return v ? 'b:1' : 'b:0';
    case 10:
      return `t:${(v as Date).getTime()}`;
    case 11:
      return `T:${String(v)}`;
    case 15:
      return 'M';
    case 5:
      if (isPlainObject(v)) {
        return `O:${JSON.stringify(Object.entries(v).map(([k, x]) => [k, canonicalKey(x)]))}`;
      }
      return `c:${EJSON.stringify(v as Doc)}`;
    default:
      if (v instanceof RegExp) return `r:${v.source}/${v.flags}`;
      return `c:${EJSON.stringify({ v } as Doc)}`;
  }
}

/** mongod's shell-like rendering, used in `E11000 ... dup key: { name: "x" }` messages. */
export function formatValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (v instanceof RegExp) return `/${v.source}/${v.flags}`;
  if (Array.isArray(v)) return v.length ? `[ ${v.map(formatValue).join(', ')} ]` : '[]';
  switch (bsonTypeOf(v)) {
    case 'ObjectId':
      return `ObjectId('${(v as ObjectId).toHexString()}')`;
    case 'Long':
    case 'Decimal128':
      return String(v);
    case 'Binary':
      return `BinData(${(v as { sub_type: number }).sub_type}, ${Buffer.from(bytesOf(v)).toString('hex').toUpperCase()})`;
    default:
      break;
  }
  if (isPlainObject(v)) return formatFields(Object.entries(v));
  return String(v);
}

export function formatFields(entries: [string, unknown][]): string {
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, x]) => `${k}: ${formatValue(x)}`).join(', ')} }`;
}

/** `$type` aliases as mongod names them; JS numbers map to the BSON type the encoder will pick. */
export function bsonTypeAlias(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (typeof v === 'number')
    return Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31 ? 'int' : 'double';
  if (typeof v === 'bigint') return 'long';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regex';
  switch (bsonTypeOf(v as object)) {
    case 'ObjectId':
      return 'objectId';
    case 'Long':
      return 'long';
    case 'Decimal128':
      return 'decimal';
    case 'Int32':
      return 'int';
    case 'Double':
      return 'double';
    case 'Binary':
      return 'binData';
    case 'Timestamp':
      return 'timestamp';
    case 'BSONRegExp':
      return 'regex';
    case 'Code':
      return 'javascript';
    case 'BSONSymbol':
      return 'symbol';
    case 'MinKey':
      return 'minKey';
    case 'MaxKey':
      return 'maxKey';
    default:
      return 'object';
  }
}

const TYPE_NUMBERS: Record<number, string> = {
  1: 'double',
  2: 'string',
  3: 'object',
  4: 'array',
  5: 'binData',
  6: 'undefined',
  7: 'objectId',
  8: 'bool',
  9: 'date',
  10: 'null',
  11: 'regex',
  13: 'javascript',
  14: 'symbol',
  16: 'int',
  17: 'timestamp',
  18: 'long',
  19: 'decimal',
  [-1]: 'minKey',
  127: 'maxKey',
};

export function matchesTypeAlias(v: unknown, wanted: unknown): boolean {
  const name = typeof wanted === 'number' ? TYPE_NUMBERS[wanted] : String(wanted);
  const actual = bsonTypeAlias(v);
  if (name === 'number') return typeRank(v) === 3;
  return actual === name;
}
