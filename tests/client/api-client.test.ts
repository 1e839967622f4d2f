import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../client/src/api/client.ts';
import {
  ApiError,
  apiErrorFrom,
  codeForStatus,
  fieldProblems,
} from '../../client/src/api/errors.ts';
import { userResponse } from '../../shared/api/accounts.ts';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A fetch that answers from a script, one reply per call, and records what was sent. */
function scriptedFetch(replies: Array<Response | Error>) {
  const calls: Call[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body as string | undefined,
    });
    const reply = replies.shift();
    if (!reply) throw new Error(`no scripted reply for ${String(input)}`);
    if (reply instanceof Error) throw reply;
    return reply;
  }) as typeof fetch;
  return { fetchImpl, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const csrf = (token: string) => json(200, { csrfToken: token });
const refusal = (status: number, code: string, fields?: Record<string, string[]>) =>
  json(status, { error: { code, message: 'hint for logs', ...(fields ? { fields } : {}) } });

const user = {
  id: 'a'.repeat(24),
  email: 'sam@example.org',
  displayName: 'Sam',
  roles: ['participant'],
  partnerId: null,
  area: {},
  languages: [],
  timeZone: 'UTC',
  privacy: {
    showInGroupMemberLists: false,
    showArea: false,
    appearOffline: false,
    showLastSeen: false,
    acceptContactRequests: true,
  },
  createdAt: new Date(0).toISOString(),
};

describe('error mapping', () => {
  it('reads a Haven error body into a typed ApiError', () => {
    const error = apiErrorFrom(400, {
      error: { code: 'INVALID_INPUT', message: 'invalid body', fields: { email: ['bad'] } },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', status: 400, fields: { email: ['bad'] } });
    expect(error.retryAfter).toBeNull();
    const limited = apiErrorFrom(429, {
      error: { code: 'RATE_LIMITED', message: 'x', retryAfter: 12 },
    });
    expect(limited.retryAfter).toBe(12);
    expect(
      apiErrorFrom(429, { error: { code: 'RATE_LIMITED', retryAfter: '12' } }).retryAfter,
    ).toBeNull();
  });

  it('falls back on the status when the body is not Haven JSON or names no known code', () => {
    expect(apiErrorFrom(502, undefined).code).toBe('UNAVAILABLE');
    expect(apiErrorFrom(429, '<html>').code).toBe('RATE_LIMITED');
    expect(apiErrorFrom(409, { error: { code: 'toString', message: 'x' } }).code).toBe('CONFLICT');
    expect(
      apiErrorFrom(400, { error: { code: 'INVALID_INPUT', fields: { a: [1] } } }).fields,
    ).toEqual({});
  });

  it('maps statuses to the nearest code', () => {
    expect([0, 401, 403, 404, 426, 500, 503].map(codeForStatus)).toEqual([
      'UNAVAILABLE',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'VERSION_MISMATCH',
      'INTERNAL',
      'UNAVAILABLE',
    ]);
  });

  it('turns server field hints into problems for the fields a form shows', () => {
    const error = new ApiError('INVALID_INPUT', 400, {
      'area.region': ['too long'],
      'languages.3': ['must be a language code'],
      _: ['unknown key'],
      hidden: ['x'],
    });
    expect(fieldProblems(error, ['area.region', 'languages', 'displayName'])).toEqual({
      'area.region': 'invalid',
      languages: 'invalid',
    });
    const taken = new ApiError('CONFLICT', 409, { email: ['already registered'] });
    expect(fieldProblems(taken, ['email'])).toEqual({ email: 'taken' });
  });
});

describe('the API client', () => {
  it('fetches the CSRF token once and sends it on every state-changing request', async () => {
    const { fetchImpl, calls } = scriptedFetch([
      csrf('t1'),
      json(200, { user }),
      json(200, { ok: true }),
    ]);
    const api = createApiClient({ fetchImpl });
    const body = await api.post('/api/auth/login', { email: 'sam@example.org' }, userResponse);
    expect(body.user.displayName).toBe('Sam');
    await api.post('/api/auth/logout');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/auth/csrf',
      'POST /api/auth/login',
      'POST /api/auth/logout',
    ]);
    expect(calls[1]?.headers['x-csrf-token']).toBe('t1');
    expect(calls[1]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(calls[1]?.body ?? '')).toEqual({ email: 'sam@example.org' });
    expect(calls[2]?.headers['x-csrf-token']).toBe('t1');
  });

  it('sends no CSRF header on GET', async () => {
    const { fetchImpl, calls } = scriptedFetch([json(200, { user })]);
    await createApiClient({ fetchImpl }).get('/api/me', userResponse);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers['x-csrf-token']).toBeUndefined();
  });

  it('refreshes a stale CSRF token and retries once', async () => {
    const { fetchImpl, calls } = scriptedFetch([
      csrf('old'),
      refusal(403, 'CSRF'),
      csrf('new'),
      new Response(null, { status: 204 }),
    ]);
    await expect(createApiClient({ fetchImpl }).delete('/api/me')).resolves.toBeUndefined();
    expect(calls.map((c) => c.headers['x-csrf-token'] ?? '-')).toEqual(['-', 'old', '-', 'new']);
  });

  it('gives up after one retry, and does not retry other 403s', async () => {
    const twice = scriptedFetch([csrf('a'), refusal(403, 'CSRF'), csrf('b'), refusal(403, 'CSRF')]);
    await expect(createApiClient({ fetchImpl: twice.fetchImpl }).post('/x')).rejects.toMatchObject({
      code: 'CSRF',
      status: 403,
    });
    expect(twice.calls).toHaveLength(4);

    const forbidden = scriptedFetch([csrf('a'), refusal(403, 'FORBIDDEN')]);
    await expect(
      createApiClient({ fetchImpl: forbidden.fetchImpl }).post('/x'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(forbidden.calls).toHaveLength(2);
  });

  it('throws the server error with its fields', async () => {
    const { fetchImpl } = scriptedFetch([
      csrf('t'),
      refusal(400, 'INVALID_INPUT', { password: ['must be at least 10 characters'] }),
    ]);
    const error = await createApiClient({ fetchImpl })
      .post('/api/auth/register', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      status: 400,
      fields: { password: ['must be at least 10 characters'] },
    });
  });

  it('reports a network failure as UNAVAILABLE with status 0, and forgets a failed token fetch', async () => {
    const { fetchImpl, calls } = scriptedFetch([
      new TypeError('Failed to fetch'),
      csrf('t'),
      json(200, { ok: true }),
    ]);
    const api = createApiClient({ fetchImpl });
    await expect(api.post('/api/auth/logout')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      status: 0,
    });
    await expect(api.post('/api/auth/logout')).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.url)).toEqual([
      '/api/auth/csrf',
      '/api/auth/csrf',
      '/api/auth/logout',
    ]);
  });

  it('refuses a success body that does not match its schema, or is not JSON', async () => {
    const { fetchImpl } = scriptedFetch([
      json(200, { user: { displayName: 'Sam' } }),
      new Response('<!doctype html>', { status: 200 }),
    ]);
    const api = createApiClient({ fetchImpl });
    await expect(api.get('/api/me', userResponse)).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(api.get('/api/me')).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('maps a proxy error page to what its status means', async () => {
    const { fetchImpl } = scriptedFetch([new Response('<h1>Bad gateway</h1>', { status: 502 })]);
    await expect(createApiClient({ fetchImpl }).get('/api/me')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      status: 502,
    });
  });
});
