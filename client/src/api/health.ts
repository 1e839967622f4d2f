import { type Health, healthSchema } from '../../../shared/health.ts';
import { PROTOCOL_VERSION } from '../../../shared/protocol.ts';

/** What the landing page says about the service, as plain data. */
export type ServiceStatus = 'checking' | 'ok' | 'degraded' | 'down' | 'unreachable';

export type HealthResult =
  | { reachable: true; httpStatus: number; health: Health }
  | { reachable: false; reason: 'network' | 'timeout' | 'bad-response'; httpStatus?: number };

export interface FetchHealthOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  url?: string;
}

/**
 * GET /healthz. The server answers 200 when ok and 503 *with the same body* when
 * degraded or down, so the body is parsed whatever the status; anything that is not
 * a valid health body (a proxy's 502 page, a network error, a timeout) means the
 * service cannot be reached.
 */
export async function fetchHealth({
  fetchImpl = globalThis.fetch,
  timeoutMs = 8000,
  url = '/healthz',
}: FetchHealthOptions = {}): Promise<HealthResult> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      credentials: 'same-origin',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    return { reachable: false, reason: timedOut ? 'timeout' : 'network' };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { reachable: false, reason: 'bad-response', httpStatus: response.status };
  }
  const parsed = healthSchema.safeParse(body);
  if (!parsed.success) {
    return { reachable: false, reason: 'bad-response', httpStatus: response.status };
  }
  return { reachable: true, httpStatus: response.status, health: parsed.data };
}

export function serviceStatusOf(result: HealthResult): Exclude<ServiceStatus, 'checking'> {
  return result.reachable ? result.health.status : 'unreachable';
}

export interface HealthCheck {
  status: Exclude<ServiceStatus, 'checking'>;
  /** Unknown (undefined) when the service could not be reached. */
  serverProtocolVersion?: number;
  clientOutdated?: boolean;
}

/** One /healthz round trip, reduced to the plain data the store keeps. */
export async function checkHealth(options?: FetchHealthOptions): Promise<HealthCheck> {
  const result = await fetchHealth(options);
  if (!result.reachable) return { status: 'unreachable' };
  const serverProtocolVersion = result.health.protocolVersion;
  return {
    status: result.health.status,
    serverProtocolVersion,
    clientOutdated: serverProtocolVersion !== PROTOCOL_VERSION,
  };
}
