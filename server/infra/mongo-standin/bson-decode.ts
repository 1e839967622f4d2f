import { deserialize } from 'bson';
import { bsonTypeOf } from './engine/bson-values.ts';
import { setOwn } from './engine/clone.ts';
import { encodesAsInt32 } from './engine/numeric.ts';
import type { Doc } from './types.ts';

/**
 * How every BSON byte the stand-in reads (wire, journal, snapshot) is decoded, so a stored
 * value keeps the BSON number type its writer chose, as in mongod:
 * - int32 becomes a JS number (the encoder writes an integer in int32 range back as int32);
 * - a double becomes a JS number, except an integral one in int32 range (and -0), which would
 *   come back as an int32: that one stays a `Double` (numeric.ts asDouble, the same rule);
 * - an int64 stays a `Long` (mongoose's BigInt, the driver's `useBigInt64` read it back so);
 * - Decimal128, ObjectId, Binary... stay BSON classes, a regex becomes a RegExp.
 * The engine reads a Double or Long as the number it holds (numeric.ts).
 */
const RAW = {
  promoteLongs: false,
  promoteValues: false,
  promoteBuffers: false,
  bsonRegExp: false,
} as const;

function plainValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = plainValue(v[i]);
    return v;
  }
  const type = bsonTypeOf(v);
  if (type === 'Int32') return (v as { value: number }).value;
  if (type === 'Double') {
    const x = (v as { value: number }).value;
    return encodesAsInt32(x) ? v : x;
  }
  if (type !== undefined || v instanceof Date || v instanceof RegExp) return v;
  const doc = v as Doc;
  for (const k of Object.keys(doc)) {
    const before = doc[k];
    const after = plainValue(before);
    if (after !== before) setOwn(doc, k, after);
  }
  return doc;
}

export function decodeDocument(bytes: Uint8Array): Doc {
  return plainValue(deserialize(bytes, RAW)) as Doc;
}
