import type { z } from 'zod';
import { csrfResponse } from '../../../shared/api/accounts.ts';
import { ApiError, apiErrorFrom } from './errors.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions<T> {
  /** Sent as JSON. */
  body?: unknown;
  /** A schema from shared/api: the success body is parsed with it (else returned as is). */
  schema?: z.ZodType<T>;
}

export interface ApiClientOptions {
  /** Defaults to the global fetch, looked up at call time. */
  fetchImpl?: typeof fetch;
  /** Defaults to '' (same origin). */
  baseUrl?: string;
  timeoutMs?: number;
}

export interface ApiClient {
  request<T = unknown>(method: HttpMethod, path: string, options?: RequestOptions<T>): Promise<T>;
  get<T = unknown>(path: string, schema?: z.ZodType<T>): Promise<T>;
  post<T = unknown>(path: string, body?: unknown, schema?: z.ZodType<T>): Promise<T>;
  patch<T = unknown>(path: string, body: unknown, schema?: z.ZodType<T>): Promise<T>;
  delete<T = unknown>(path: string, schema?: z.ZodType<T>): Promise<T>;
  /** Forgets the cached CSRF token; the next state-changing request fetches a new one. */
  resetCsrf(): void;
}

interface Answer {
  status: number;
  ok: boolean;
  /** undefined when the body was empty or not JSON. */
  json: unknown;
  isJson: boolean;
}

const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['GET']);

/**
 * The one way the client talks to the API: same-origin JSON with the session cookie,
 * the CSRF header on every state-changing request (token fetched once and cached, and
 * refreshed and retried once when the server says it is stale), success bodies checked
 * against the shared zod schemas, and every failure thrown as an `ApiError`.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const timeoutMs = options.timeoutMs ?? 20_000;
  let csrfToken: Promise<string> | null = null;

  async function send(
    method: HttpMethod,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<Answer> {
    const fetchImpl = options.fetchImpl ?? globalThis.fetch;
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers,
        body,
        credentials: 'same-origin',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      // Offline, refused, or timed out: nothing came back.
      throw new ApiError('UNAVAILABLE', 0, {}, 'no response');
    }
    const text = await response.text().catch(() => '');
    let json: unknown;
    let isJson = false;
    if (text) {
      try {
        json = JSON.parse(text);
        isJson = true;
      } catch {
        json = undefined;
      }
    }
    return { status: response.status, ok: response.ok, json, isJson };
  }

  function getCsrfToken(): Promise<string> {
    csrfToken ??= send('GET', '/api/auth/csrf', { accept: 'application/json' })
      .then((answer) => readAnswer(answer, csrfResponse).csrfToken)
      .catch((error: unknown) => {
        csrfToken = null;
        throw error;
      });
    return csrfToken;
  }

  function readAnswer<T>(answer: Answer, schema?: z.ZodType<T>): T {
    if (!answer.ok) throw apiErrorFrom(answer.status, answer.json);
    if (answer.status === 204) return undefined as T;
    if (!answer.isJson) {
      // A success without JSON is not from the API (an HTML page from a proxy, say).
      throw new ApiError('INTERNAL', answer.status, {}, 'the response was not JSON');
    }
    if (!schema) return answer.json as T;
    const parsed = schema.safeParse(answer.json);
    if (!parsed.success) {
      throw new ApiError('INTERNAL', answer.status, {}, 'the response did not match its schema');
    }
    return parsed.data;
  }

  async function request<T = unknown>(
    method: HttpMethod,
    path: string,
    { body, schema }: RequestOptions<T> = {},
  ): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const attempt = async () => {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (payload !== undefined) headers['content-type'] = 'application/json';
      if (!SAFE_METHODS.has(method)) headers['x-csrf-token'] = await getCsrfToken();
      return send(method, path, headers, payload);
    };
    let answer = await attempt();
    if (!SAFE_METHODS.has(method) && answer.status === 403) {
      if (apiErrorFrom(answer.status, answer.json).code === 'CSRF') {
        // The cookie expired or was replaced (another tab, a cleared cookie): refresh once.
        csrfToken = null;
        answer = await attempt();
      }
    }
    return readAnswer(answer, schema);
  }

  return {
    request,
    get: (path, schema) => request('GET', path, schema ? { schema } : {}),
    post: (path, body, schema) => request('POST', path, { body: body ?? {}, schema }),
    patch: (path, body, schema) => request('PATCH', path, { body, schema }),
    delete: (path, schema) => request('DELETE', path, schema ? { schema } : {}),
    resetCsrf: () => {
      csrfToken = null;
    },
  };
}

/** The page's client. */
export const api = createApiClient();
