// `npm run bench:data:cpu`: Haven's own CPU per request, route by route, one request at a
// time against a seeded directory (20,000 meetings by default) and community. CPU time,
// unlike latency, hardly depends on what else the machine runs, so this is the figure to
// compare before and after a change on a busy machine; the full bench (main.ts) measures
// latency under load on a quiet one.
//
//   npm run bench:data:cpu -- [--meetings 20000] [--requests 300] [--only <text>]
//
// --only: measure just the routes whose name holds <text> (a profile of one route).
//
// BENCH_CPU_PROFILE=<dir>: Haven's process writes a V8 CPU profile there when it stops.
import { parseArgs } from 'node:util';
import { resolveWorkerBin } from '../sfu/worker-bin.ts';
import { randomSource } from './fixtures.ts';
import { HavenProcess } from './haven-process.ts';
import { httpGet } from './load.ts';
import { registerMembers } from './measure.ts';
import { cpuSnapshot } from './probes.ts';
import { connectBench, insertCommunity, insertMeetings } from './seeding.ts';

const { values: opts } = parseArgs({
  options: {
    meetings: { type: 'string', default: '20000' },
    requests: { type: 'string', default: '300' },
    only: { type: 'string' },
  },
});
const MEETINGS = Number(opts.meetings);
const REQUESTS = Number(opts.requests);
const WARM_UP = 30;
const log = (line: string) => console.error(`[bench:data:cpu] ${line}`);

async function main() {
  process.env.MEDIASOUP_WORKER_BIN = resolveWorkerBin();
  const child = new HavenProcess();
  try {
    const greeting = await child.greeting();
    const members = await registerMembers(greeting.url, 20);
    const connection = await connectBench(greeting.mongoUri, greeting.dbName);
    const r = randomSource(20261206);
    log('seeding');
    await insertCommunity(
      connection,
      r,
      { posts: 10_000, groups: 2_000, events: 5_000 },
      members.ids,
    );
    await insertMeetings(connection, r, MEETINGS, members.ids);
    await connection.close();
    const signedIn = httpGet(greeting.url, members.cookie);
    const anonymous = httpGet(greeting.url, '');
    const first = (await signedIn('/api/meetings')) as {
      items: Array<{ id: string }>;
      nextCursor: string;
    };
    const ids = first.items.map((m) => m.id);
    const routes: Array<[string, (n: number) => string, typeof signedIn]> = [
      ['directory: default list', () => '/api/meetings', signedIn],
      ['directory: default list, signed out', () => '/api/meetings', anonymous],
      ['directory: filtered', () => '/api/meetings?language=es&format=online', signedIn],
      ['directory: within 2 hours', () => '/api/meetings?startingWithinHours=2', signedIn],
      ['directory: page 2', () => `/api/meetings?cursor=${first.nextCursor}`, signedIn],
      ['directory: one meeting', (n) => `/api/meetings/${ids[n % ids.length]}`, signedIn],
      ['posts: newest first', () => '/api/posts', signedIn],
      ['groups: list', () => '/api/groups', signedIn],
      ['events: upcoming', () => '/api/events', signedIn],
    ];
    // The first requests after seeding pay for compiling the hot paths and for collecting
    // the seeding's garbage; none of that is a request's own cost.
    for (let n = 0; n < 200; n++) await signedIn('/api/meetings');
    console.log(
      `| route (${MEETINGS} meetings, ${REQUESTS} sequential requests) | Haven CPU ms/req | database CPU ms/req | wall ms/req |`,
    );
    console.log('|---|---:|---:|---:|');
    for (const [name, path, get] of routes) {
      if (opts.only && !name.includes(opts.only)) continue;
      for (let n = 0; n < WARM_UP; n++) await get(path(n));
      const cpu = cpuSnapshot(child.pid);
      const t0 = performance.now();
      for (let n = 0; n < REQUESTS; n++) await get(path(n));
      const wall = (performance.now() - t0) / REQUESTS;
      const used = cpu();
      console.log(
        `| ${name} | ${(used.haven / REQUESTS).toFixed(2)} | ${(used.children / REQUESTS).toFixed(2)} | ${wall.toFixed(1)} |`,
      );
    }
  } finally {
    await child.stop();
  }
}

main().catch((error) => {
  log(error?.stack ?? String(error));
  process.exit(1);
});
