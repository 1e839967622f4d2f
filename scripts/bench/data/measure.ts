// How bench:data measures one request: Haven through its HTTP API with closed-loop load,
// then the database calls Haven made for it replayed through the bare driver (bare.ts); the
// directory's requests; and the members the bench signs in as.
import type { Connection } from 'mongoose';
import { SESSION_COOKIE } from '../../../server/accounts/sessions.ts';
import { directoryModels } from '../../../server/meetings/directory/models.ts';
import { ApiClient } from '../../../tests/helpers/api-client.ts';
import { describeCalls, parseRecorded, replayer } from './bare.ts';
import type { HavenProcess } from './haven-process.ts';
import { httpGet, type LoadPlan, type LoadResult, runLoad } from './load.ts';
import { cpuSnapshot } from './probes.ts';
import { p95, type Row } from './report.ts';

const log = (line: string) => console.error(`[bench:data] ${line}`);

/**
 * The confirmation link's token for `email`, read from the bench Haven's mail catcher as a
 * developer would, at /dev/mail (the bench runs outside production).
 */
async function confirmationToken(url: string, email: string): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const list = await (await fetch(`${url}/dev/mail`)).text();
    const item = list.split('<li>').find((entry) => entry.includes(email.replaceAll('&', '&amp;')));
    const id = item?.match(/href="\/dev\/mail\/([^"]+)"/)?.[1];
    if (id) {
      const mail = await (await fetch(`${url}/dev/mail/${id}`)).text();
      const token = mail.match(/#token=([A-Za-z0-9_-]+)/)?.[1];
      if (token) return token;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no confirmation email reached ${email}`);
}

/**
 * Members signed up through the API like people would (register, then the emailed link,
 * which signs in); the first one is the bench's.
 */
export async function registerMembers(url: string, count: number) {
  const ids: string[] = [];
  let cookie = '';
  for (let i = 0; i < count; i++) {
    const client = new ApiClient(url);
    // Each from its own address: registration is limited per address.
    const headers = { 'x-forwarded-for': `192.0.2.${i + 1}` };
    const csrf = await client.request('GET', '/api/auth/csrf', undefined, headers);
    client.csrfToken = csrf.body.csrfToken;
    const email = `bench-${process.pid}-${i}@example.org`;
    const registered = await client.request(
      'POST',
      '/api/auth/register',
      { email, password: 'correct horse battery', displayName: `Member ${i}` },
      headers,
    );
    if (registered.status !== 202) throw new Error(`registration failed: ${registered.text}`);
    const token = await confirmationToken(url, email);
    const response = await client.request('POST', '/api/auth/verify-email', { token }, headers);
    if (response.status !== 200) throw new Error(`confirming failed: ${response.text}`);
    ids.push(response.body.user.id as string);
    if (i === 0) cookie = `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}`;
  }
  return { ids, cookie };
}

export class Bench {
  readonly rows: Row[] = [];
  readonly calls = new Map<string, string>();
  /** The recorded calls per scenario, to load the database the way Haven's requests do. */
  readonly #recorded = new Map<string, ReturnType<typeof parseRecorded>>();
  readonly #lines = new Map<string, string>();
  readonly #child: HavenProcess;
  readonly #db: NonNullable<Connection['db']>;
  readonly #get: (path: string) => Promise<unknown>;
  readonly #plan: LoadPlan;

  constructor(
    child: HavenProcess,
    connection: Connection,
    haven: { url: string; cookie: string },
    plan: LoadPlan,
  ) {
    this.#child = child;
    this.#plan = plan;
    if (!connection.db) throw new Error('no database on the bench connection');
    this.#db = connection.db;
    this.#get = httpGet(haven.url, haven.cookie);
  }

  get = (path: string) => this.#get(path);

  /** Haven through HTTP, then the database calls it made, replayed through the bare driver. */
  async measure(step: string, scenario: string, path: (n: number) => string): Promise<Row> {
    await this.#child.ask('record');
    await this.#get(path(0));
    const line = (await this.#child.ask('recorded')) as string;
    this.#lines.set(scenario, line);
    const recorded = parseRecorded(line);
    this.calls.set(scenario, describeCalls(recorded));
    this.#recorded.set(scenario, recorded);
    let cpu = cpuSnapshot(this.#child.pid);
    const haven = await runLoad(this.#plan, (n) => this.#get(path(n)).then(() => undefined));
    const row: Row = {
      step,
      scenario,
      side: 'Haven',
      result: haven,
      cpu: perRequest(cpu(), haven),
    };
    const replay = replayer(this.#db, recorded);
    await replay();
    cpu = cpuSnapshot(this.#child.pid);
    const bare = await runLoad(this.#plan, replay);
    const bareCpu = { ...perRequest(cpu(), bare), haven: Number.NaN };
    this.rows.push(row, { step, scenario, side: 'bare driver', result: bare, cpu: bareCpu });
    log(
      `${step}, ${scenario}: Haven p95 ${p95(haven).toFixed(1)} ms, CPU ${row.cpu?.haven.toFixed(2)}+${row.cpu?.database.toFixed(2)} ms/req (n=${haven.latenciesMs.length}, errors ${haven.errors}${haven.firstError ? `: ${haven.firstError}` : ''}), bare p95 ${p95(bare).toFixed(1)} ms`,
    );
    return row;
  }

  /** The bare replay of a measured scenario, as a load of its own (Haven's process idle). */
  bareReplay(scenario: string): () => Promise<void> {
    const recorded = this.#recorded.get(scenario);
    if (!recorded) throw new Error(`no calls recorded for ${scenario}`);
    return replayer(this.#db, recorded);
  }

  /** The recorded calls of a scenario as EJSON, for the bare server (bare-server.ts). */
  recordedLine(scenario: string): string {
    const line = this.#lines.get(scenario);
    if (!line) throw new Error(`no calls recorded for ${scenario}`);
    return line;
  }

  /** One client, one request at a time: the time a request takes when nothing queues behind it. */
  async alone(step: string, scenario: string, path: string): Promise<void> {
    const result = await runLoad({ ...this.#plan, clients: 1, maxRequests: 20 }, () =>
      this.#get(path).then(() => undefined),
    );
    this.rows.push({ step, scenario, side: 'Haven, 1 client', result });
  }
}

const perRequest = (used: { haven: number; children: number }, result: LoadResult) => {
  const n = result.latenciesMs.length + result.errors;
  return { haven: used.haven / n, database: used.children / n };
};

export async function directoryScenarios(bench: Bench, step: string): Promise<Row> {
  const first = (await bench.get('/api/meetings')) as {
    items: Array<{ id: string }>;
    nextCursor: string | null;
  };
  const ids = first.items.map((m) => m.id);
  await bench.alone(step, 'directory: default list', '/api/meetings');
  const list = await bench.measure(step, 'directory: default list', () => '/api/meetings');
  await bench.measure(
    step,
    'directory: filtered (language=es, format=online)',
    () => '/api/meetings?language=es&format=online',
  );
  await bench.measure(
    step,
    'directory: starting within 2 hours',
    () => '/api/meetings?startingWithinHours=2',
  );
  if (first.nextCursor) {
    const cursor = first.nextCursor;
    await bench.measure(step, 'directory: page 2', () => `/api/meetings?cursor=${cursor}`);
  }
  await bench.measure(
    step,
    'directory: one meeting',
    (n) => `/api/meetings/${ids[n % ids.length]}`,
  );
  return list;
}

/**
 * The API must list every meeting the bench inserted. Should the directory come to need a
 * field the inserted documents lack (a stored next start, say), the figures would describe an
 * emptier directory, so the bench stops and says so. One narrow filter keeps this cheap.
 */
export async function checkListed(bench: Bench, connection: Connection): Promise<void> {
  const query = 'language=fr&format=online&type=specialised';
  const expected = await directoryModels(connection).Meeting.countDocuments({
    language: 'fr',
    format: 'online',
    type: 'specialised',
    $or: [{ activeUntil: null }, { activeUntil: { $gt: new Date() } }],
  });
  let listed = 0;
  let cursor: string | null = null;
  do {
    const page = (await bench.get(
      `/api/meetings?${query}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    )) as { items: unknown[]; nextCursor: string | null };
    listed += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  if (listed !== expected)
    throw new Error(
      `GET /api/meetings?${query} lists ${listed} of the ${expected} such meetings inserted: the bench's documents (fixtures.ts, seeding.ts) no longer match what the directory stores`,
    );
}
