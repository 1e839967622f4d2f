import { describe, expect, it } from 'vitest';
import { checkHealth, fetchHealth, serviceStatusOf } from '../../client/src/api/health.ts';
import type { Health } from '../../shared/health.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';

function healthBody(status: Health['status'], protocolVersion = PROTOCOL_VERSION): Health {
  return {
    status,
    version: '0.1.0',
    protocolVersion,
    uptimeSeconds: 12,
    mongo: { ok: true, backend: 'memory' },
    redis: { ok: status === 'ok', backend: 'redis' },
    sfu: { ok: true, backend: 'mediasoup', workers: 2, alive: 2 },
  };
}

function fakeFetch(respond: () => Response | Promise<Response>): typeof fetch {
  return (async () => respond()) as unknown as typeof fetch;
}

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('fetchHealth', () => {
  it('reads an ok body', async () => {
    const result = await fetchHealth({ fetchImpl: fakeFetch(() => json(healthBody('ok'), 200)) });
    expect(result.reachable).toBe(true);
    expect(serviceStatusOf(result)).toBe('ok');
  });

  it('reads the body of a 503 when degraded or down', async () => {
    for (const status of ['degraded', 'down'] as const) {
      const result = await fetchHealth({
        fetchImpl: fakeFetch(() => json(healthBody(status), 503)),
      });
      expect(serviceStatusOf(result)).toBe(status);
    }
  });

  it('treats a network error, a non-JSON page or a malformed body as unreachable', async () => {
    const network = await fetchHealth({
      fetchImpl: fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))),
    });
    expect(network).toEqual({ reachable: false, reason: 'network' });
    const proxyPage = await fetchHealth({
      fetchImpl: fakeFetch(() => new Response('<h1>502 Bad Gateway</h1>', { status: 502 })),
    });
    expect(proxyPage).toEqual({ reachable: false, reason: 'bad-response', httpStatus: 502 });
    const malformed = await fetchHealth({
      fetchImpl: fakeFetch(() => json({ status: 'fine' }, 200)),
    });
    expect(serviceStatusOf(malformed)).toBe('unreachable');
  });

  it('gives up after the timeout', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    expect(await fetchHealth({ fetchImpl: hanging, timeoutMs: 20 })).toEqual({
      reachable: false,
      reason: 'timeout',
    });
  });
});

describe('checkHealth', () => {
  it('flags a page older than the server protocol', async () => {
    const same = await checkHealth({ fetchImpl: fakeFetch(() => json(healthBody('ok'), 200)) });
    expect(same).toEqual({
      status: 'ok',
      serverProtocolVersion: PROTOCOL_VERSION,
      clientOutdated: false,
    });
    const newer = await checkHealth({
      fetchImpl: fakeFetch(() => json(healthBody('ok', PROTOCOL_VERSION + 1), 200)),
    });
    expect(newer.clientOutdated).toBe(true);
  });
});
