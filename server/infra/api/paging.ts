import { type Model, Types } from 'mongoose';
import { z } from 'zod';
import type { Page } from '../../../shared/api/common.ts';
import { AppError } from '../errors.ts';

/**
 * Keyset pagination on one sort field plus `_id` as the tie-breaker: stable while items are
 * added, and a cursor is only the last item's key (base64url JSON), so it reveals nothing
 * a client could not already see.
 */
export interface SortSpec {
  /** `_id` alone sorts by creation order; any other field gets `_id` as tie-breaker. */
  field: string;
  kind: 'string' | 'date' | 'id';
  direction: 1 | -1;
}

const cursorShape = z.tuple([z.string().max(1000), z.string().regex(/^[a-f0-9]{24}$/)]);

function badCursor(): AppError {
  return new AppError('INVALID_INPUT', 'invalid query', {
    cursor: ['is not a cursor of this list'],
  });
}

function decode(cursor: string, sort: SortSpec): { value: string | Date; id: Types.ObjectId } {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const parsed = cursorShape.safeParse(raw);
  if (!parsed.success) throw badCursor();
  const [value, id] = parsed.data;
  if (sort.kind === 'date') {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw badCursor();
    return { value: date, id: new Types.ObjectId(id) };
  }
  return { value, id: new Types.ObjectId(id) };
}

/** The filter for "after the cursor", to be combined with the list's own filter. */
export function afterCursor(sort: SortSpec, cursor: string | undefined): Record<string, unknown> {
  if (!cursor) return {};
  const { value, id } = decode(cursor, sort);
  const beyond = sort.direction === 1 ? '$gt' : '$lt';
  if (sort.kind === 'id') return { _id: { [beyond]: id } };
  // The plain range on the field gives an index scan its starting point at the cursor; the
  // `$or` alone would leave a planner scanning from the list's top.
  const atOrBeyond = sort.direction === 1 ? '$gte' : '$lte';
  return {
    [sort.field]: { [atOrBeyond]: value },
    $or: [{ [sort.field]: { [beyond]: value } }, { _id: { [beyond]: id } }],
  };
}

const isOperators = (value: unknown): value is Record<string, unknown> =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  !(value instanceof Types.ObjectId) &&
  Object.keys(value).every((key) => key.startsWith('$'));

/**
 * Both filters, kept flat: fields side by side, two ranges on one field merged
 * (`{$gt}` + `{$lte}`), and only what cannot sit together (a second `$or`, the same operator
 * twice, an equality beside a range) under `$and`. A flat filter is what a query planner
 * reads index bounds from most readily; the meaning is the same as `$and: [a, b]`.
 */
export function allOf(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  const rest: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (!(key in out)) out[key] = value;
    else if (key === '$and' && Array.isArray(mine) && Array.isArray(value))
      out[key] = [...mine, ...value];
    else if (
      isOperators(mine) &&
      isOperators(value) &&
      Object.keys(value).every((op) => !(op in mine))
    )
      out[key] = { ...mine, ...value };
    else rest.push({ [key]: value });
  }
  if (rest.length) out.$and = [...((out.$and as unknown[] | undefined) ?? []), ...rest];
  return out;
}

export function sortOf(sort: SortSpec): Record<string, 1 | -1> {
  if (sort.kind === 'id') return { _id: sort.direction };
  return { [sort.field]: sort.direction, _id: sort.direction };
}

/** `docs` was fetched with `limit + 1`: the extra one only tells whether a next page exists. */
export function pageFrom<D extends { _id: Types.ObjectId }, T>(
  docs: D[],
  limit: number,
  sort: SortSpec,
  view: (doc: D) => T,
): Page<T> {
  const items = docs.slice(0, limit);
  const last = items.at(-1);
  let nextCursor: string | null = null;
  if (docs.length > limit && last) {
    const key = sort.kind === 'id' ? '' : (last as unknown as Record<string, unknown>)[sort.field];
    const value = key instanceof Date ? key.toISOString() : String(key);
    nextCursor = Buffer.from(JSON.stringify([value, String(last._id)])).toString('base64url');
  }
  return { items: items.map(view), nextCursor };
}

/** One page of `model` matching `filter`, in `sort` order, mapped through `view`. */
export async function findPage<D extends { _id: Types.ObjectId }, T>(
  model: Model<D>,
  filter: Record<string, unknown>,
  sort: SortSpec,
  page: { cursor?: string | undefined; limit: number },
  view: (doc: D) => T,
  projection?: Record<string, 0 | 1>,
): Promise<Page<T>> {
  const docs = await fetchPageDocs(model, filter, sort, page, projection);
  return pageFrom(docs, page.limit, sort, view);
}

/** The same page, for views that need more lookups (people, counts) for all items at once. */
export async function findPageWith<D extends { _id: Types.ObjectId }, T>(
  model: Model<D>,
  filter: Record<string, unknown>,
  sort: SortSpec,
  page: { cursor?: string | undefined; limit: number },
  views: (docs: D[]) => Promise<T[]>,
): Promise<Page<T>> {
  const docs = await fetchPageDocs(model, filter, sort, page);
  const { items, nextCursor } = pageFrom(docs, page.limit, sort, (doc) => doc);
  return { items: await views(items), nextCursor };
}

async function fetchPageDocs<D>(
  model: Model<D>,
  filter: Record<string, unknown>,
  sort: SortSpec,
  page: { cursor?: string | undefined; limit: number },
  projection?: Record<string, 0 | 1>,
): Promise<D[]> {
  return (await model
    .find(allOf(filter, afterCursor(sort, page.cursor)), projection)
    .sort(sortOf(sort))
    .limit(page.limit + 1)
    .lean()) as unknown as D[];
}
