import { type Doc, isPlainObject } from '../types.ts';

/** Which fields an inclusion projection keeps: `true` for a whole field, else its subfields. */
type Keep = { [field: string]: true | Keep };

/**
 * The common projection, `{ a: 1, 'b.c': 1, _id: 0 }`, applied without mingo: mingo builds a
 * cursor and a pipeline for every document it projects, which made a projected query cost more
 * than reading whole documents. Returns null for anything else (exclusions, `$slice`,
 * `$elemMatch`, positional `a.$`, expressions), which stays with mingo.
 *
 * mongod's rules kept here: fields come out in the document's order; `_id` is kept unless
 * excluded; a dotted path keeps that subfield of an embedded document, and of every document
 * in an array (other array elements are dropped, nested arrays followed); a path through a
 * scalar keeps nothing; a path whose parent holds only other fields keeps an empty document.
 */
export function inclusionProjector(spec: Doc): ((doc: Doc) => Doc) | null {
  const keep: Keep = {};
  let keepId = true;
  let fields = 0;
  for (const [path, value] of Object.entries(spec)) {
    const included = value === true || (typeof value === 'number' && value !== 0);
    const excluded = value === false || value === 0;
    if (path === '_id' && (included || excluded)) {
      keepId = included;
      continue;
    }
    if (!included || path.includes('$') || path.startsWith('.') || path.endsWith('.')) return null;
    const parts = path.split('.');
    if (parts[0] === '_id') return null;
    let node = keep;
    for (const [i, part] of parts.entries()) {
      if (part === '') return null;
      const existing = node[part];
      // `a` and `a.b` together: mongod refuses it as a path collision; mingo reports it.
      if (existing === true || (existing !== undefined && i === parts.length - 1)) return null;
      if (i === parts.length - 1) node[part] = true;
      else {
        const child: Keep = existing ?? {};
        node[part] = child;
        node = child;
      }
    }
    fields += 1;
  }
  if (fields === 0) return null;
  return (doc) => {
    const out = pick(doc, keep);
    if (!keepId || !Object.hasOwn(doc, '_id')) return out;
    return { _id: doc._id, ...out };
  };
}

function pick(doc: Doc, keep: Keep): Doc {
  const out: Doc = {};
  for (const field of Object.keys(doc)) {
    const rule = keep[field];
    if (rule === undefined || field === '_id') continue;
    if (rule === true) out[field] = doc[field];
    else {
      const value = within(doc[field], rule);
      if (value !== undefined) out[field] = value;
    }
  }
  return out;
}

function within(value: unknown, keep: Keep): unknown {
  if (isPlainObject(value)) return pick(value, keep);
  if (Array.isArray(value)) {
    const kept: unknown[] = [];
    for (const item of value) {
      const inner = within(item, keep);
      if (inner !== undefined) kept.push(inner);
    }
    return kept;
  }
  return undefined;
}
