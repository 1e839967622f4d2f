import { resolve } from 'mingo/util';
import { Codes, CommandError } from '../errors.ts';
import type { Doc } from '../types.ts';
import { bsonTypeOf, bytesOf } from './bson-values.ts';

/**
 * `$bitsAllSet`, `$bitsAnySet`, `$bitsAllClear`, `$bitsAnyClear` as mongod reads them: the mask
 * is a non-negative integer, a list of bit positions or BinData, and the field an integer (a
 * negative one sign-extended without end, as two's complement) or BinData (bit n is bit n % 8
 * of byte n / 8). Any other value never matches. mingo's own know numbers only.
 */

type Predicate = (obj: Doc) => boolean;

function binaryBytes(v: unknown): Uint8Array | null {
  return v instanceof Uint8Array || bsonTypeOf(v) === 'Binary' ? bytesOf(v) : null;
}

function setPositions(bytes: Uint8Array): number[] {
  const out: number[] = [];
  bytes.forEach((byte, i) => {
    for (let b = 0; b < 8; b++) if (byte & (1 << b)) out.push(i * 8 + b);
  });
  return out;
}

function integerOf(v: unknown): bigint | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? BigInt(v) : null;
  if (typeof v === 'bigint') return v;
  const type = bsonTypeOf(v);
  if (type === 'Long') return BigInt(String(v));
  if (type === 'Int32' || type === 'Double')
    return integerOf(Number((v as { value: number }).value));
  return null;
}

function maskPositions(op: string, mask: unknown): number[] {
  if (Array.isArray(mask)) {
    for (const p of mask) {
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 0)
        throw new CommandError(
          Codes.BadValue,
          `bit positions for ${op} must be non-negative integers`,
        );
    }
    return mask as number[];
  }
  const bytes = binaryBytes(mask);
  if (bytes) return setPositions(bytes);
  const n = integerOf(mask);
  if (n === null || n < 0n)
    throw new CommandError(
      Codes.BadValue,
      `${op} takes a non-negative integer, a list of bit positions or BinData`,
    );
  const out: number[] = [];
  for (let i = 0; i < 64; i++) if ((n >> BigInt(i)) & 1n) out.push(i);
  return out;
}

/** Reads bit `p` of a value, or null when the value is neither an integer nor BinData. */
function bitReader(v: unknown): ((p: number) => boolean) | null {
  const bytes = binaryBytes(v);
  if (bytes)
    return (p) => p >> 3 < bytes.length && (((bytes[p >> 3] as number) >> (p & 7)) & 1) === 1;
  const n = integerOf(v);
  if (n === null) return null;
  return (p) => ((n >> BigInt(p)) & 1n) === 1n;
}

function bitsOp(op: string, want: boolean, every: boolean) {
  return (selector: string, mask: unknown): Predicate => {
    const positions = maskPositions(op, mask);
    const test = (v: unknown): boolean => {
      const bit = bitReader(v);
      if (!bit) return false;
      return every
        ? positions.every((p) => bit(p) === want)
        : positions.some((p) => bit(p) === want);
    };
    return (obj) => {
      const value = resolve(obj, selector, { unwrapArray: true });
      return Array.isArray(value) ? value.some(test) : test(value);
    };
  };
}

export const bitOperators = {
  $bitsAllSet: bitsOp('$bitsAllSet', true, true),
  $bitsAnySet: bitsOp('$bitsAnySet', true, false),
  $bitsAllClear: bitsOp('$bitsAllClear', false, true),
  $bitsAnyClear: bitsOp('$bitsAnyClear', false, false),
};
