import { Decimal128, Double, Long } from 'bson';
import { Codes, CommandError } from '../errors.ts';
import { type Doc, isPlainObject } from '../types.ts';
import { bsonTypeAlias, bsonTypeOf, formatValue } from './bson-values.ts';

/**
 * mongod's update arithmetic (SafeNum in src/mongo/util/safe_num.cpp) over the stand-in's
 * in-memory numbers. Documents hold the driver's promotions: a JS number is an int when it is an
 * integer in int32 range and a double otherwise, a Long is an int64, a Decimal128 a decimal.
 * int op int stays int and widens to a long when the result leaves int32 (as mongod does); an
 * operation involving a long stays exact and fails on int64 overflow; a double makes a double.
 */

export type NumKind = 'int' | 'long' | 'double' | 'decimal';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Whether the BSON encoder writes this JS number as an int32 (an integer in int32 range). */
export function encodesAsInt32(n: number): boolean {
  return Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX;
}

export function numKind(v: unknown): NumKind | null {
  if (typeof v === 'number') return encodesAsInt32(v) ? 'int' : 'double';
  if (typeof v === 'bigint') return 'long';
  switch (bsonTypeOf(v)) {
    case 'Long':
      return 'long';
    case 'Int32':
      return 'int';
    case 'Double':
      return 'double';
    case 'Decimal128':
      return 'decimal';
    default:
      return null;
  }
}

/**
 * A double as the stand-in holds it: a JS number, except an integral one in int32 range (and
 * -0), which the encoder would write as an int32: that one is a `Double` (bson-decode.ts).
 */
export function asDouble(n: number): number | Double {
  return encodesAsInt32(n) ? new Double(n) : n;
}

function toBigInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(v);
  if (bsonTypeOf(v) === 'Long') return BigInt((v as Long).toString());
  return BigInt(Number((v as { value: number }).value));
}

function toDouble(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (bsonTypeOf(v) === 'Long') return (v as Long).toNumber();
  return Number((v as { value: number }).value);
}

/** SafeNum::debugString, used in mongod's overflow message. */
function debugString(v: unknown): string {
  const kind = numKind(v);
  if (kind === 'int') return `(NumberInt)${v}`;
  if (kind === 'long') return `(NumberLong)${toBigInt(v)}`;
  return `(NumberDouble)${toDouble(v)}`;
}

function decimalUnsupported(op: string): CommandError {
  return new CommandError(
    Codes.CommandNotSupported,
    `${op} on a Decimal128 value is not supported by the MongoDB stand-in`,
  );
}

/**
 * The value `$inc`/`$mul` leave at a path: `current` is undefined when the path is missing, in
 * which case $inc creates the operand and $mul a zero of the operand's type.
 */
export function applyArithmetic(
  op: '$inc' | '$mul',
  current: unknown,
  operand: unknown,
  id: unknown,
): unknown {
  const b = numKind(operand);
  if (current === undefined) {
    if (op === '$inc') return operand;
    if (b === 'decimal') return Decimal128.fromString('0');
    return b === 'long' ? Long.fromNumber(0) : b === 'double' ? asDouble(0) : 0;
  }
  const a = numKind(current);
  if (a === 'decimal' || b === 'decimal') throw decimalUnsupported(op);
  if (a === 'double' || b === 'double') {
    const x = toDouble(current);
    const y = toDouble(operand);
    // A double stays a double, as in mongod (5.5 + 0.5 is 6.0, not the int 6).
    return asDouble(op === '$inc' ? x + y : x * y);
  }
  const x = toBigInt(current);
  const y = toBigInt(operand);
  const r = op === '$inc' ? x + y : x * y;
  if (a === 'int' && b === 'int') {
    return r >= INT32_MIN && r <= INT32_MAX ? Number(r) : Long.fromBigInt(r);
  }
  if (r < INT64_MIN || r > INT64_MAX) {
    throw new CommandError(
      Codes.BadValue,
      `Failed to apply ${op} operations to current value (${debugString(current)}) for document {_id: ${formatValue(id)}}`,
    );
  }
  return Long.fromBigInt(r);
}

/** An operand of $bit: an int or a long. */
function bitOperandKind(v: unknown): 'int' | 'long' | null {
  if (typeof v === 'number' && Number.isSafeInteger(v)) {
    return v >= INT32_MIN && v <= INT32_MAX ? 'int' : 'long';
  }
  const kind = numKind(v);
  return kind === 'int' || kind === 'long' ? kind : null;
}

/** BitNode::init: `{ and|or|xor: <int|long>, ... }`, checked before any document is read. */
export function checkBitSpec(spec: unknown): void {
  if (!isPlainObject(spec)) {
    throw new CommandError(
      Codes.BadValue,
      `The $bit modifier is not compatible with a ${bsonTypeAlias(spec)}. You must pass in an embedded document: {$bit: {field: {and/or/xor: #}}`,
    );
  }
  const entries = Object.entries(spec);
  for (const [name, operand] of entries) {
    if (name !== 'and' && name !== 'or' && name !== 'xor') {
      throw new CommandError(
        Codes.BadValue,
        `The $bit modifier only supports 'and', 'or', and 'xor', not '${name}' which is an unknown operator: {${name}: ${formatValue(operand)}}`,
      );
    }
    if (bitOperandKind(operand) === null) {
      throw new CommandError(
        Codes.BadValue,
        `The $bit modifier field must be an Integer(32/64 bit); a '${bsonTypeAlias(operand)}' is not supported here: {${name}: ${formatValue(operand)}}`,
      );
    }
  }
  if (entries.length === 0) {
    throw new CommandError(
      Codes.BadValue,
      'You must pass in at least one bitwise operation. The format is: {$bit: {field: {and/or/xor: #}}',
    );
  }
}

/** The value `$bit` leaves at a path (a missing field counts as int 0). */
export function applyBit(current: unknown, spec: Doc, id: unknown, field: string): unknown {
  let kind = current === undefined ? 'int' : numKind(current);
  if (kind !== 'int' && kind !== 'long') {
    throw new CommandError(
      Codes.BadValue,
      `Cannot apply $bit to a value of non-integral type._id: ${formatValue(id)} has the field ${field} of non-integer type ${bsonTypeAlias(current)}`,
    );
  }
  let r = current === undefined ? 0n : toBigInt(current);
  for (const [name, operand] of Object.entries(spec)) {
    if (bitOperandKind(operand) === 'long') kind = 'long';
    const y = toBigInt(operand);
    r = name === 'and' ? r & y : name === 'or' ? r | y : r ^ y;
  }
  return kind === 'int' ? Number(BigInt.asIntN(32, r)) : Long.fromBigInt(BigInt.asIntN(64, r));
}

// mingo compares a Long (or a Double) and a number as different values (and adds or sums only
// numbers), while mongod compares numbers by value across types. Where the stand-in hands stored
// documents to mingo for equality or aggregation, these wrapped numbers are shown as the numbers
// they hold: a Double always, a Long when it fits a double exactly.

function isWrappedNumber(v: unknown): boolean {
  const type = bsonTypeOf(v);
  // A stored Double (an integral double, bson-decode.ts) is always its number.
  if (type === 'Double') return true;
  if (type !== 'Long') return false;
  return Number.isSafeInteger((v as Long).toNumber());
}

/** True when `v` is, or contains, a Double or a Long that converts to a number exactly. */
export function holdsWrappedNumber(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some(holdsWrappedNumber);
  if (isPlainObject(v)) return Object.values(v).some(holdsWrappedNumber);
  return isWrappedNumber(v);
}

/** `v` with every such Double or Long replaced by its number; unchanged parts are shared, not copied. */
export function plainNumbers<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    v.forEach((item, i) => {
      const p = plainNumbers(item);
      if (p !== item) {
        out ??= v.slice();
        out[i] = p;
      }
    });
    return (out ?? v) as T;
  }
  if (isPlainObject(v)) {
    let out: Doc | null = null;
    for (const [k, item] of Object.entries(v)) {
      const p = plainNumbers(item);
      if (p !== item) {
        out ??= { ...v };
        out[k] = p;
      }
    }
    return (out ?? v) as T;
  }
  return (isWrappedNumber(v) ? Number(v) : v) as T;
}
