// Closed-loop load: `clients` callers, each sending its next request when the last one
// answered, until `maxRequests` were sent or `maxMs` passed (then in-flight ones finish).
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  latenciesMs: number[];
  elapsedMs: number;
  errors: number;
  firstError: string | null;
}

export interface LoadPlan {
  clients: number;
  maxRequests: number;
  maxMs: number;
}

export async function runLoad(
  plan: LoadPlan,
  once: (n: number) => Promise<void>,
): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let sent = 0;
  const started = performance.now();
  const caller = async () => {
    while (sent < plan.maxRequests && performance.now() - started < plan.maxMs) {
      const n = sent++;
      const t0 = performance.now();
      try {
        await once(n);
        latenciesMs.push(performance.now() - t0);
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: plan.clients }, caller));
  return { latenciesMs, elapsedMs: performance.now() - started, errors, firstError };
}

/**
 * Haven limits requests per client address (600 a minute); behind its trusted proxy each
 * request names its own, as requests from many visitors would, so the limit never throttles
 * the bench while its Redis check stays in every request's path.
 */
const visitorAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
let visitors = 0;

/** One GET that must answer 200; the body is read in full, as a browser would. */
export function httpGet(baseUrl: string, cookie: string) {
  return async (path: string): Promise<unknown> => {
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { cookie, 'x-forwarded-for': visitorAddress(visitors++) },
    });
    const text = await response.text();
    if (response.status !== 200)
      throw new Error(
        `GET ${path.split('?')[0]} answered ${response.status}: ${text.slice(0, 200)}`,
      );
    return JSON.parse(text);
  };
}
