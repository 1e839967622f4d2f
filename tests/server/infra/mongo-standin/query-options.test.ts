import { constants, PerformanceObserver } from 'node:perf_hooks';
import { Query } from 'mingo/query';
import { describe, expect, it } from 'vitest';
import { parseCollation } from '../../../../server/infra/mongo-standin/engine/collation.ts';
import {
  compileFilter,
  mingoOptions,
} from '../../../../server/infra/mongo-standin/engine/query.ts';
import type { Doc } from '../../../../server/infra/mongo-standin/types.ts';

/**
 * Filters are compiled with options that share the stand-in's operator context
 * (engine/query.ts, queryOptions): mingo given plain options copies every operator table for
 * each filter, about 50 KB, which made most of a read's garbage.
 */

const DOCS: Doc[] = [
  { _id: 1, a: 1, b: 'x', c: [1, 2] },
  { _id: 2, a: 2, b: 'X', c: [3] },
  { _id: 3, a: null, b: 'y', c: [] },
  { _id: 4, b: 'é', c: [{ d: 1 }, { d: 2 }] },
  { _id: 5, a: [1, 5], b: 'E', c: 'z' },
];

const FILTERS: Doc[] = [
  { a: 1 },
  { a: { $gte: 1, $lt: 5 } },
  { a: { $in: [1, null] } },
  { a: { $ne: 1 } },
  { a: { $exists: false } },
  { b: { $regex: '^x', $options: 'i' } },
  { c: { $elemMatch: { d: { $gt: 1 } } } },
  { c: { $size: 0 } },
  { $or: [{ a: 2 }, { b: 'y' }] },
  { $expr: { $eq: ['$a', 2] } },
  { a: { $type: 'array' } },
  { b: { $nin: ['x', 'y'] } },
];

const ids = (test: (doc: Doc) => boolean) => DOCS.filter(test).map((doc) => doc._id);

describe('filters compiled on the shared operator context', () => {
  it('match as filters compiled on a context of their own', () => {
    for (const filter of FILTERS) {
      const own = new Query(filter, mingoOptions());
      expect(ids(compileFilter(filter)), JSON.stringify(filter)).toEqual(
        ids((doc) => own.test(doc)),
      );
    }
  });

  it('carry a collation to the operators', () => {
    const caseless = parseCollation({ locale: 'en', strength: 1 });
    expect(ids(compileFilter({ b: 'x' }, caseless))).toEqual([1, 2]);
    expect(ids(compileFilter({ b: 'e' }, caseless))).toEqual([4, 5]);
    expect(ids(compileFilter({ b: 'x' }))).toEqual([1]);
  });

  it('do not copy the operator tables for each filter', async () => {
    const minor: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
        if (kind === constants.NODE_PERFORMANCE_GC_MINOR) minor.push(entry.duration);
      }
    });
    observer.observe({ entryTypes: ['gc'] });
    // 5,000 filters on copied tables made about 250 MB of garbage, a dozen scavenges or more.
    for (let i = 0; i < 5_000; i++) compileFilter({ key: `k${i}`, n: { $gte: i } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    expect(minor.length).toBeLessThan(8);
  });
});
