import type { z } from 'zod';
import { AppError } from '../errors.ts';

/** Zod issues become `fields`: { "area.country": ["must be a two-letter country code"] }. */
export function fieldsOf(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] = [...(fields[key] ?? []), issue.message];
  }
  return fields;
}

export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AppError('INVALID_INPUT', `invalid ${where}`, fieldsOf(parsed.error));
  return parsed.data;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Operator-shaped input (`{"$gt": ""}`, `$where`, `__proto__`, and in query strings the
 * bracket forms `field[$ne]=`) is refused before any schema or query sees it. Schemas
 * would drop most of it anyway; refusing loudly makes probing visible and keeps a future
 * `z.any()` field from ever carrying an operator into MongoDB.
 */
export function findOperatorKey(value: unknown, depth = 0): string | null {
  if (depth > 20) return '(too deep)';
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findOperatorKey(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (key.startsWith('$') || FORBIDDEN_KEYS.has(key) || key.includes('[') || key.includes(']'))
        return key;
      const found = findOperatorKey((value as Record<string, unknown>)[key], depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** Raw query-string keys, before any parser turns `a[$ne]` into nested objects. */
export function findOperatorInQueryString(url: string): string | null {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  for (const key of new URLSearchParams(query).keys()) {
    if (key.includes('[') || key.includes(']') || key.startsWith('$') || FORBIDDEN_KEYS.has(key))
      return key;
  }
  return null;
}
