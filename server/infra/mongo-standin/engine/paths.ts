import { type Doc, isPlainObject } from '../types.ts';
import { setOwn } from './clone.ts';

/**
 * Dotted-path traversal with MongoDB's implicit array semantics: `a.b` reaches into every
 * element of an array `a`, and an array found at the end of the path contributes its
 * elements (the "multikey" behaviour indexes, sorts and distinct rely on).
 */
export function collectLeaves(doc: unknown, path: string, spreadLeafArrays = true): unknown[] {
  const out: unknown[] = [];
  walk(doc, path.split('.'), 0, out, spreadLeafArrays);
  return out;
}

function walk(value: unknown, parts: string[], i: number, out: unknown[], spread: boolean): void {
  if (i === parts.length) {
    if (spread && Array.isArray(value)) out.push(...value);
    else out.push(value);
    return;
  }
  const part = parts[i] as string;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(part)) {
      const item = value[Number(part)];
      if (item !== undefined) walk(item, parts, i + 1, out, spread);
      return;
    }
    for (const item of value) {
      if (isPlainObject(item)) walk(item, parts, i, out, spread);
    }
    return;
  }
  if (!isPlainObject(value) || !Object.hasOwn(value, part)) return;
  walk(value[part], parts, i + 1, out, spread);
}

/** Writes `value` at a dotted path, creating intermediate documents (used for upsert seeds). */
export function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: Doc = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i] as string;
    const next = cur[key];
    if (isPlainObject(next)) {
      cur = next;
    } else {
      const created: Doc = {};
      cur[key] = created;
      cur = created;
    }
  }
  setOwn(cur, parts[parts.length - 1] as string, value);
}
