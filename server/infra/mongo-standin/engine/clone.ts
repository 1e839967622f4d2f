import { cloneDeep } from 'mingo/util';
import { type Doc, isPlainObject } from '../types.ts';

/**
 * Sets an own field, even one named `__proto__` (a field name BSON allows and mongod stores;
 * a plain assignment would change the object's prototype instead).
 */
export function setOwn(target: Doc, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/** mingo's cloneDeep, keeping own `__proto__` fields, which its copy by assignment drops. */
export function cloneValue<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneValue) as T;
  if (!isPlainObject(v)) return cloneDeep(v) as T;
  const out: Doc = {};
  for (const k of Object.keys(v)) setOwn(out, k, cloneValue(v[k]));
  return out as T;
}
