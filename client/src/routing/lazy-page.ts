import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * A page loaded when first visited, so the first paint carries the shell and the landing
 * page, not every feature (the whole client is ~600 kB). Pages are named exports, so this
 * picks the named one out of its module. While it loads, App's Suspense shows a status
 * line, and useFocusOnNavigation waits for the page's h1 before moving focus to it.
 */
export function lazyPage<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K] extends ComponentType<infer P> ? ComponentType<P> : never> {
  return lazy(async () => ({ default: (await load())[name] as never }));
}
