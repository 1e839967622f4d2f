import { Context } from 'mingo/core';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';

/**
 * Options for `new Query` that share one operator context. Given plain options, mingo copies
 * every operator table of the context into a new Context for each Query (ComputeOptions.init:
 * Context.from), some 300 entries and about 50 KB a filter: most of what the stand-in
 * allocated to answer a find, and a scavenge every 30 ms that held every query in flight
 * (bench:data's lookup p95). Given an instance of its ComputeOptions, it keeps that instance's
 * context and options. The class is not exported, so it is taken once from the options an
 * operator receives. Only for Query: $fill and $setWindowFields add operators to their
 * pipeline's context, and the updater rebuilds its options from a spread (query.ts keeps
 * plain options, `mingoOptions`, for those).
 */
type Instance = Partial<Options> & { options: Partial<Options> };

export function sharedOptions(
  base: Partial<Options>,
  context: Context,
): (extra?: Partial<Options>) => Partial<Options> {
  let seen: Instance | undefined;
  const capture = Context.init({
    query: {
      $standinCapture: (_selector: string, _value: unknown, options: Instance) => {
        seen = options;
        return () => true;
      },
    },
  } as unknown as Parameters<typeof Context.init>[0]);
  new Query({ x: { $standinCapture: 1 } }, { ...base, context: capture });
  const resolved = seen?.options;
  if (!seen || !resolved) throw new Error('mingo did not hand its options to a query operator');
  const ComputeOptions = seen.constructor as new (options: Partial<Options>) => Instance;
  // mingo's defaults and the base, as it resolved them, with the shared context.
  return (extra = {}) => new ComputeOptions({ ...resolved, ...extra, context });
}
