import { timingSafeEqual } from 'node:crypto';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per app instance, so tests that start several apps never share counters. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'haven_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'haven_http_requests_total',
      help: 'HTTP requests by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'haven_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    socketConnections: new Gauge({
      name: 'haven_socket_connections',
      help: 'Open Socket.IO connections by namespace',
      labelNames: ['namespace'] as const,
      registers: [registry],
    }),
    socketRefusals: new Counter({
      name: 'haven_socket_refusals_total',
      help: 'Socket.IO handshakes refused, by error code',
      labelNames: ['namespace', 'code'] as const,
      registers: [registry],
    }),
    socketEvents: new Counter({
      name: 'haven_socket_events_total',
      help: 'Socket.IO events handled, by namespace, event and outcome (ok or an error code)',
      labelNames: ['namespace', 'event', 'outcome'] as const,
      registers: [registry],
    }),
    socketEventDuration: new Histogram({
      name: 'haven_socket_event_duration_seconds',
      help: 'Time to answer a Socket.IO event, by namespace and event',
      labelNames: ['namespace', 'event'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    liveMeetings: new Gauge({
      name: 'haven_live_meetings',
      help: 'Live meetings hosted by this node',
      registers: [registry],
    }),
    dependencyUp: new Gauge({
      name: 'haven_dependency_up',
      help: '1 when the dependency answered the last health check',
      labelNames: ['dependency', 'backend'] as const,
      registers: [registry],
    }),
    sfuWorkersAlive: new Gauge({
      name: 'haven_sfu_workers_alive',
      help: 'mediasoup workers currently alive',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Request counters say things about a community (how many refused registrations, how many
 * meetings): /metrics answers a scraper on this machine, or one presenting METRICS_TOKEN.
 * "This machine" is the socket's address. With no trusted proxy (TRUST_PROXY unset), a
 * request carrying X-Forwarded-For was relayed by some proxy and is not; behind a trusted
 * proxy, the address express derives through it (`req.ip`) must be this machine too.
 */
export function metricsAllowed(
  req: {
    ip?: string | undefined;
    socket: { remoteAddress?: string | undefined };
    get(name: string): string | undefined;
  },
  token: string | undefined,
  trustsProxy: boolean,
): boolean {
  const bearer = req.get('authorization')?.replace(/^Bearer /i, '');
  if (token && bearer && bearer.length === token.length) {
    return timingSafeEqual(Buffer.from(bearer), Buffer.from(token));
  }
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return false;
  return trustsProxy ? LOOPBACK.has(req.ip ?? '') : !req.get('x-forwarded-for');
}
