import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENQUIRIES_PER_HOUR } from '../../server/programme/index.ts';
import { healthSchema } from '../../shared/health.ts';
import { ApiClient, signUpAs } from '../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../helpers/haven.ts';

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

describe('GET /healthz', () => {
  it('answers 200 ok naming each backend when every dependency answers', async () => {
    const response = await fetch(`${haven.url}/healthz`);
    const body = healthSchema.parse(await response.json());
    expect(response.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.mongo).toMatchObject({
      ok: true,
      backend: process.env.MONGODB_URI ? expect.any(String) : 'stand-in',
    });
    expect(body.redis).toMatchObject({
      ok: true,
      backend: process.env.REDIS_URL ? 'url' : 'local',
    });
    expect(body.sfu).toMatchObject({ ok: true, backend: 'mediasoup', workers: 1, alive: 1 });
  });
});

describe('GET /metrics', () => {
  it('speaks the Prometheus text format with Haven’s own series', async () => {
    await fetch(`${haven.url}/healthz`);
    const response = await fetch(`${haven.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = await response.text();
    expect(body).toMatch(/# TYPE haven_http_requests_total counter/);
    expect(body).toMatch(
      /haven_http_requests_total\{method="GET",route="\/healthz",status="200"\} [1-9]/,
    );
    expect(body).toMatch(/haven_dependency_up\{dependency="mongo",backend="[a-z-]+"\} 1/);
  });
});

describe('errors', () => {
  it('answers an unknown API route with the one error shape', async () => {
    const response = await fetch(`${haven.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: expect.any(String) },
    });
  });

  it('answers a body that is not JSON with INVALID_INPUT', async () => {
    const response = await fetch(`${haven.url}/api/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken":',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('INVALID_INPUT');
  });

  it('answers a malformed path with INVALID_INPUT, not a server error', async () => {
    const response = await fetch(`${haven.url}/api/groups/%E0%A4%A`);
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('INVALID_INPUT');
  });

  it('serves /metrics to this machine only, not through a proxy', async () => {
    const relayed = await fetch(`${haven.url}/metrics`, {
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(relayed.status).toBe(403);
    expect(await relayed.text()).not.toMatch(/haven_http_requests_total/);
  });

  it('counts a request by its own address while no proxy is trusted (TRUST_PROXY unset)', async () => {
    const direct = await startTestHaven({ trustProxy: false });
    try {
      // A sender naming a new X-Forwarded-For each time is still one address to the limits.
      const sender = await ApiClient.signedOut(direct.url);
      const statuses: number[] = [];
      for (let n = 0; n <= ENQUIRIES_PER_HOUR; n++) {
        const response = await sender.post(
          '/api/enquiries',
          {
            kind: 'organisation',
            name: 'Priya Shah',
            email: `priya.${n}@housing.example.org`,
            organisation: 'Riverside Housing',
            message: 'We would like to host a weekly meeting for our tenants in recovery.',
          },
          { 'x-forwarded-for': `198.51.100.${n + 1}` },
        );
        statuses.push(response.status);
      }
      expect(statuses.slice(0, ENQUIRIES_PER_HOUR).every((s) => s === 202 || s === 201)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      // And /metrics decides "this machine" from the socket, whatever the header claims.
      const claimed = await fetch(`${direct.url}/metrics`, {
        headers: { 'x-forwarded-for': '127.0.0.1' },
      });
      expect(claimed.status).toBe(403);
      expect((await fetch(`${direct.url}/metrics`)).status).toBe(200);
    } finally {
      await direct.close();
    }
  });

  it('refuses a declared body over the limit at once, and closes the connection', async () => {
    const { port } = new URL(haven.url);
    for (const type of ['application/json', 'text/plain']) {
      const socket = connect(Number(port), '127.0.0.1');
      await once(socket, 'connect');
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk.toString();
      });
      const started = Date.now();
      // Headers only: a client that declares 100 MB and then sends nothing (or slowly).
      socket.write(
        `POST /api/posts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${type}\r\nContent-Length: 100000000\r\n\r\n`,
      );
      await once(socket, 'close');
      expect(Date.now() - started, type).toBeLessThan(5_000);
      expect(answer, type).toMatch(/^HTTP\/1\.1 413/);
      expect(answer).toMatch(/PAYLOAD_TOO_LARGE|INVALID_INPUT/);
    }
  });

  it('sets time limits on slow requests', () => {
    const server = haven.haven.httpServer;
    expect(server.headersTimeout).toBeLessThanOrEqual(20_000);
    expect(server.requestTimeout).toBeGreaterThan(0);
    expect(server.requestTimeout).toBeLessThanOrEqual(300_000);
  });

  it('sends security headers', async () => {
    const response = await fetch(`${haven.url}/healthz`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    // Training videos may be https addresses a trainer chose; only media, never scripts.
    expect(response.headers.get('content-security-policy')).toMatch(/media-src 'self' https:/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('API responses', () => {
  it('are never kept in the browser’s cache (a shared computer must not keep a member’s data)', async () => {
    const response = await fetch(`${haven.url}/api/meetings`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Nothing to revalidate, so no ETag is computed either.
    expect(response.headers.get('etag')).toBeNull();
  });

  it('keep a member’s own reads and refusals out of every cache too', async () => {
    const member = await signUpAs(haven, ['participant']);
    for (const path of ['/api/me', '/api/worksheets', '/api/me/export', '/api/no-such-thing']) {
      const response = await member.client.get(path);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
    const anonymous = await fetch(`${haven.url}/api/me`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /healthz when the database is gone', () => {
  it('answers 503 down', async () => {
    const other = await startTestHaven();
    try {
      await other.mongo.connection.close();
      const response = await fetch(`${other.url}/healthz`);
      expect(response.status).toBe(503);
      const body = healthSchema.parse(await response.json());
      expect(body.status).toBe('down');
      expect(body.mongo.ok).toBe(false);
      expect(body.redis.ok).toBe(true);
    } finally {
      await other.close();
    }
  });
});
