import { markOf } from '../../server/infra/change-marks.ts';
import type { MailCatcher } from '../../server/mail/catcher.ts';
import { tokenIn } from './mail.ts';

/**
 * A tiny browser-like HTTP client for API tests: it keeps cookies like a browser does
 * and sends the CSRF header on state-changing requests once it has fetched a token.
 */
export class ApiClient {
  readonly #base: string;
  readonly #cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(baseUrl: string) {
    this.#base = baseUrl;
  }

  /** A visitor who has fetched a CSRF token, so can post (sign up, sign in, ask a reset). */
  static async signedOut(baseUrl: string): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    await client.fetchCsrf();
    return client;
  }

  cookie(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  /** The same browser talking to another node of the cluster (its cookies as they are now). */
  at(baseUrl: string): ApiClient {
    const other = new ApiClient(baseUrl);
    for (const [name, value] of this.#cookies) other.#cookies.set(name, value);
    other.csrfToken = this.csrfToken;
    return other;
  }

  /** Sends with the cookies (and the CSRF header when state changes); keeps what is set. */
  async #send(
    method: string,
    path: string,
    body: string | Uint8Array | ReadableStream<Uint8Array> | undefined,
    headers: Record<string, string>,
  ): Promise<Response> {
    const sent: Record<string, string> = { ...headers };
    if (this.#cookies.size)
      sent.cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrfToken && !['GET', 'HEAD'].includes(method) && !('x-csrf-token' in headers)) {
      sent['x-csrf-token'] = this.csrfToken;
    }
    const response = await fetch(`${this.#base}${path}`, {
      method,
      headers: sent,
      // A stream goes out chunked, with no Content-Length.
      ...(body === undefined ? {} : { body: body as BodyInit, duplex: 'half' as const }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.#cookies.delete(name.trim());
      else this.#cookies.set(name.trim(), value);
      // Signing in and out gives a new CSRF token (bound to the session): like the browser
      // client, which fetches it again, send the new one from now on.
      if (name.trim() === 'haven_csrf' && this.csrfToken && !expired) this.csrfToken = value;
    }
    return response;
  }

  /** Raw bytes both ways (an upload, a file): `bytes` is the answer's body, `body` its JSON if any. */
  async raw(
    method: string,
    path: string,
    options: {
      body?: Uint8Array | ReadableStream<Uint8Array>;
      headers?: Record<string, string>;
    } = {},
  ) {
    const response = await this.#send(method, path, options.body, options.headers ?? {});
    const bytes = Buffer.from(await response.arrayBuffer());
    let json: unknown;
    try {
      json = bytes.length ? JSON.parse(bytes.toString('utf8')) : undefined;
    } catch {
      json = undefined;
    }
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes
    return { status: response.status, headers: response.headers, bytes, body: json as any };
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const sent: Record<string, string> = { ...headers };
    if (body !== undefined && typeof body !== 'string') sent['content-type'] = 'application/json';
    const response = await this.#send(
      method,
      path,
      body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      sent,
    );
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes
    return { status: response.status, headers: response.headers, text, body: json as any };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, body ?? {}, headers);
  }
  patch(path: string, body: unknown) {
    return this.request('PATCH', path, body);
  }
  delete(path: string) {
    return this.request('DELETE', path);
  }

  async fetchCsrf(): Promise<string> {
    const { body } = await this.get('/api/auth/csrf');
    this.csrfToken = body.csrfToken;
    return body.csrfToken;
  }

  async register(email: string, password = 'correct horse battery', displayName = 'Sam') {
    if (!this.csrfToken) await this.fetchCsrf();
    return this.post('/api/auth/register', { email, password, displayName });
  }

  /**
   * Signing up as a person does: register, read the confirmation email from the Haven's SMTP
   * catcher, open its link (the confirming POST), which signs this client in. Returns the
   * confirmation's answer (`body.user` on success).
   */
  async signUp(
    mail: Pick<MailCatcher, 'waitFor'>,
    email: string,
    options: { password?: string; displayName?: string; headers?: Record<string, string> } = {},
  ) {
    if (!this.csrfToken) await this.fetchCsrf();
    const since = new Date().toISOString();
    const registered = await this.post(
      '/api/auth/register',
      {
        email,
        password: options.password ?? 'correct horse battery',
        displayName: options.displayName ?? 'Sam',
      },
      options.headers,
    );
    if (registered.status !== 202) throw new Error(`registration failed: ${registered.text}`);
    const link = await mail.waitFor(email, { since, match: (m) => m.text.includes('#token=') });
    return this.post('/api/auth/verify-email', { token: tokenIn(link) }, options.headers);
  }

  async login(email: string, password = 'correct horse battery') {
    if (!this.csrfToken) await this.fetchCsrf();
    return this.post('/api/auth/login', { email, password });
  }
}

let counter = 0;

/**
 * A signed-in member holding `roles` (and a partner organisation, for partner staff).
 * Sign-up goes through the API and the real email like a person's would (`ApiClient.signUp`);
 * the roles are then granted directly in the database, as an admin tool would.
 *
 * Hosting is training-gated (docs/training.md): so that a "facilitator" here means what it
 * means in Haven, a member created with the 'facilitator' role or as partner staff also gets
 * a completed facilitator track in their training record, written through the training
 * records service as the demo seed does. `trained: false` creates one without it (the gating
 * tests); `trained: true` gives it to anyone.
 */
export async function signUpAs(
  haven: {
    url: string;
    mail: Pick<MailCatcher, 'waitFor'>;
    haven: {
      services: {
        accountModels: { User: { updateOne: (...args: never[]) => unknown } };
        marks: { move: (...keys: string[]) => Promise<void> };
        training: {
          records: { markTrackComplete: (userId: string, track: 'facilitator') => Promise<void> };
        };
      };
    };
  },
  roles: string[] = ['participant'],
  extra: {
    partnerId?: string;
    displayName?: string;
    timeZone?: string;
    trained?: boolean;
    /**
     * Sign up from an address of its own (x-forwarded-for), for a file that signs up more
     * members than the per-address registration limit allows in an hour.
     */
    ownAddress?: boolean;
  } = {},
): Promise<{ client: ApiClient; id: string; email: string }> {
  const client = new ApiClient(haven.url);
  const n = counter++;
  const email = `${roles.join('-')}-${process.pid}-${Date.now()}-${n}@example.org`;
  // Nobody may take a staff member's name (server/accounts/staff-names.ts): a moderator or
  // admin made here without a name gets one of their own, so the next "Sam" is still free.
  const staff = roles.includes('moderator') || roles.includes('admin');
  const response = await client.signUp(haven.mail, email, {
    displayName: extra.displayName ?? (staff ? `Staff ${process.pid}x${counter}` : 'Sam'),
    ...(extra.ownAddress
      ? { headers: { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } }
      : {}),
  });
  if (response.status !== 200) throw new Error(`confirming the email failed: ${response.text}`);
  const id = response.body.user.id as string;
  const set: Record<string, unknown> = {
    roles: ['participant', ...roles.filter((r) => r !== 'participant')],
  };
  if (extra.partnerId) set.partnerId = extra.partnerId;
  if (extra.timeZone) set.timeZone = extra.timeZone;
  await (
    haven.haven.services.accountModels.User.updateOne as (...args: unknown[]) => Promise<unknown>
  )({ _id: id }, { $set: set });
  // Written straight to the database: the nodes' kept sessions learn of it as Haven's own
  // changes tell them (server/accounts/session-copies.ts).
  await haven.haven.services.marks.move(markOf.user(id));
  const trained = extra.trained ?? (roles.includes('facilitator') || Boolean(extra.partnerId));
  if (trained) await haven.haven.services.training.records.markTrackComplete(id, 'facilitator');
  return { client, id, email };
}
