// `npm run bench:data`: how Haven's data layer scales. Haven runs in its own process
// (haven-child.ts, started as the tests start it); this process inserts the data straight
// into Haven's database, then measures each list through the HTTP API and, beside it, the
// same database calls through the bare driver; the Socket.IO ping while a heavy list runs;
// Haven's memory; and an indexed lookup in one large collection. Prints markdown tables,
// writes bench-results/data.png and data.json, and ends with one RESULT line.
//
//   npm run bench:data -- [--quick] [--clients 10] [--requests 200] [--seconds 15] [--out bench-results]
//
// --quick: 1,000 meetings and 100,000 lookup documents instead of 1,000/5,000/20,000 and 1,000,000.
// BENCH_CPU_PROFILE=<dir>: Haven's process writes a V8 CPU profile there when it stops.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Connection, Schema } from 'mongoose';
import { percentile } from '../join/stats.ts';
import { resolveWorkerBin } from '../sfu/worker-bin.ts';
import { barePing } from './bare-ping.ts';
import { type Bar, dataChartSvg, renderPng } from './chart.ts';
import { randomSource } from './fixtures.ts';
import { HavenProcess } from './haven-process.ts';
import { type LoadPlan, runLoad } from './load.ts';
import { Bench, checkListed, directoryScenarios, registerMembers } from './measure.ts';
import { RemotePingProbe, serverRssMb } from './probes.ts';
import { markdownReport, p95, type Row, type RunSummary, resultLine } from './report.ts';
import {
  connectBench,
  insertCommunity,
  insertLookupDocs,
  insertMeetings,
  LOOKUP_COLLECTION,
  lookupKey,
} from './seeding.ts';

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    clients: { type: 'string', default: '10' },
    requests: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '15' },
    out: { type: 'string', default: 'bench-results' },
  },
});
const positive = (name: 'clients' | 'requests' | 'seconds') => {
  const n = Number(opts[name]);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`);
  return n;
};
const QUICK = opts.quick ?? false;
const plan: LoadPlan = {
  clients: positive('clients'),
  maxRequests: positive('requests'),
  maxMs: positive('seconds') * 1000,
};
const MEETING_STEPS = QUICK ? [1_000] : [1_000, 5_000, 20_000];
const LOOKUP_DOCS = QUICK ? 100_000 : 1_000_000;
const COMMUNITY = { posts: 10_000, groups: 2_000, events: 5_000 };
const MEMBERS = 20;
const PING_IDLE_MS = 6_000;
/**
 * The ping is measured under two loads. One client running the heavy list back to back is the
 * goal's "while a heavy list runs": does a list stall signalling? (Before the stand-in had its
 * own process, one list held Haven's event loop for hundreds of ms.) `--clients` clients in a
 * closed loop keep both cores of this machine full: the ping then waits for a core, which any
 * server here does too (the bare server's rise beside it), so it is reported, not the goal.
 */
const pingClientCounts = [...new Set([1, plan.clients])];
const LOOKUP_WINDOW_MS = 5_000;
const OUT_DIR = resolve(opts.out ?? 'bench-results');

const log = (line: string) => console.error(`[bench:data] ${line}`);
const thousands = (n: number) => n.toLocaleString('en');

async function main() {
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  process.env.MEDIASOUP_WORKER_BIN = resolveWorkerBin();
  const child = new HavenProcess();
  let probe: RemotePingProbe | null = null;
  let connection: Connection | null = null;
  try {
    const greeting = await child.greeting();
    log(`Haven on ${greeting.url}, pid ${greeting.pid}, database ${greeting.dbName}`);
    const members = await registerMembers(greeting.url, MEMBERS);
    connection = await connectBench(greeting.mongoUri, greeting.dbName);
    const r = randomSource(20261206);
    const bench = new Bench(child, connection, { url: greeting.url, cookie: members.cookie }, plan);
    const rss: RunSummary['rss'] = [];
    const memory = async (step: string) => {
      await child.ask('gc');
      const m = serverRssMb(greeting.pid);
      rss.push({ step, ...m });
      log(
        `${step}: RSS ${Math.round(m.haven)} MB (${Math.round(m.withChildren)} MB with children)`,
      );
      return m.withChildren;
    };
    await memory('start');

    log(
      `inserting ${thousands(COMMUNITY.posts)} posts, ${thousands(COMMUNITY.groups)} groups, ${thousands(COMMUNITY.events)} events`,
    );
    await insertCommunity(connection, r, COMMUNITY, members.ids);
    const community = `${thousands(COMMUNITY.posts)} posts, ${thousands(COMMUNITY.groups)} groups, ${thousands(COMMUNITY.events)} events`;
    await bench.measure(community, 'posts: newest first', () => '/api/posts');
    await bench.measure(community, 'groups: list', () => '/api/groups');
    await bench.measure(community, 'events: upcoming', () => '/api/events');

    let inserted = 0;
    let defaultList: Row | null = null;
    let largestStep = '';
    let rssAtLargest = Number.NaN;
    for (const total of MEETING_STEPS) {
      const t0 = Date.now();
      await insertMeetings(connection, r, total - inserted, members.ids);
      inserted = total;
      largestStep = `${thousands(total)} meetings`;
      log(`${largestStep} in the directory (inserted in ${Date.now() - t0} ms)`);
      await checkListed(bench, connection);
      defaultList = await directoryScenarios(bench, largestStep);
      rssAtLargest = await memory(largestStep);
    }

    probe = await RemotePingProbe.connect(greeting.url, members.cookie);
    log(`session:ping idle for ${PING_IDLE_MS / 1000} s, then while the default list runs`);
    await probe.start();
    await new Promise((resolve) => setTimeout(resolve, PING_IDLE_MS));
    const idle = await probe.stop();
    const pingLoads: RunSummary['ping']['loads'] = [];
    for (const clients of pingClientCounts) {
      const load = { ...plan, clients, maxRequests: Number.POSITIVE_INFINITY };
      log(`session:ping while ${clients} client(s) run the default list back to back`);
      await probe.start();
      await runLoad(load, () => bench.get('/api/meetings').then(() => undefined));
      const loaded = await probe.stop();
      // The same machine load without Haven's work: the bare replay of the list's database
      // calls keeps the bench and the database as busy, while Haven's process only answers
      // pings. What the ping loses here is the machine's (two cores shared by all of it).
      log(`session:ping while ${clients} client(s) run the bare replay of the default list`);
      await probe.start();
      await runLoad(load, bench.bareReplay('directory: default list'));
      pingLoads.push({ clients, loaded, bareLoaded: await probe.stop(), bareServerLoaded: [] });
    }
    log('session:ping beside a bare server (node:http and the driver) serving the same list');
    const bareServer = await barePing(
      greeting.mongoUri,
      greeting.dbName,
      bench.recordedLine('directory: default list'),
      plan,
      pingClientCounts,
      PING_IDLE_MS,
    );
    pingLoads.forEach((load, i) => {
      load.bareServerLoaded = bareServer.loaded[i] ?? [];
    });

    const lookupStep = `${thousands(LOOKUP_DOCS)} documents`;
    const t0 = Date.now();
    await insertLookupDocs(connection, LOOKUP_DOCS);
    log(`${lookupStep} in ${LOOKUP_COLLECTION} (inserted in ${Date.now() - t0} ms)`);
    await memory(`+ ${lookupStep}`);
    const Lookup = connection.model(
      'BenchLookup',
      new Schema({ key: String, n: Number, group: Number, note: String }),
      LOOKUP_COLLECTION,
    );
    const key = (n: number) => lookupKey((n * 7_919 + r.int(LOOKUP_DOCS)) % LOOKUP_DOCS);
    const viaMongoose = async (n: number) => {
      if (!(await Lookup.findOne({ key: key(n) }).lean())) throw new Error('lookup missed');
    };
    const collection = connection.db?.collection(LOOKUP_COLLECTION);
    const viaDriver = async (n: number) => {
      if (!(await collection?.findOne({ key: key(n) }))) throw new Error('lookup missed');
    };
    // One unmeasured round first: right after a million inserts the database is still busy
    // with them (its garbage collector, the stand-in's journal compaction), which is not
    // what a lookup costs, and would fall on whichever side ran first.
    await runLoad(plan, viaDriver);
    await viaMongoose(0);
    // A lookup takes a millisecond or two: `requests` of them would be a window of a few
    // tenths of a second, where one pause of either process decides the p95. Each side
    // gets LOOKUP_WINDOW_MS instead.
    const lookupPlan = { ...plan, maxRequests: Number.POSITIVE_INFINITY, maxMs: LOOKUP_WINDOW_MS };
    const mongooseLookup = await runLoad(lookupPlan, viaMongoose);
    const driverLookup = await runLoad(lookupPlan, viaDriver);
    const lookupName = 'indexed lookup by key (findOne)';
    bench.rows.push(
      { step: lookupStep, scenario: lookupName, side: 'mongoose', result: mongooseLookup },
      { step: lookupStep, scenario: lookupName, side: 'bare driver', result: driverLookup },
    );
    log(
      `${lookupStep}: lookup p95 ${p95(mongooseLookup).toFixed(2)} ms (mongoose), ${p95(driverLookup).toFixed(2)} ms (driver)`,
    );

    const run: RunSummary = {
      rows: bench.rows,
      calls: bench.calls,
      rss,
      ping: {
        idle,
        loads: pingLoads,
        bareServerIdle: bareServer.idle,
        loadScenario: 'directory: default list',
        step: largestStep,
      },
      directoryP95: defaultList ? p95(defaultList.result) : Number.NaN,
      indexedP95: p95(mongooseLookup),
      rssAtLargest,
      labels: { largestStep, lookupStep, quick: QUICK },
      machine: {
        cores: availableParallelism(),
        loadAtStart,
        loadAtEnd: loadavg()[0] ?? Number.NaN,
      },
    };
    report(run);
  } finally {
    probe?.close();
    await connection?.close().catch(() => undefined);
    await child.stop();
  }
}

/** "20,000 meetings" as "20k meetings", for the chart's narrow labels. */
const shortCount = (step: string) =>
  step.replace(/\d{1,3}(,\d{3})+/, (n) => {
    const v = Number(n.replaceAll(',', ''));
    return v >= 1e6 ? `${v / 1e6}M` : `${v / 1e3}k`;
  });

function report(run: RunSummary) {
  console.log(markdownReport(run, plan.clients));
  const bars: Bar[] = [];
  for (const row of run.rows) {
    if (row.side !== 'Haven' && row.side !== 'mongoose') continue;
    const bare = run.rows.find(
      (other) =>
        other.side === 'bare driver' && other.step === row.step && other.scenario === row.scenario,
    );
    const where = row.step.includes('posts') ? '' : ` @ ${shortCount(row.step)}`;
    const what = row.side === 'mongoose' ? 'indexed lookup, mongoose' : row.scenario;
    bars.push({
      label: `${what.replace(/ \(.*\)$/, '')}${where}`,
      haven: p95(row.result),
      bare: bare ? p95(bare.result) : null,
    });
  }
  bars.push(
    // The ping's grey bars are the bare server's (bare-server.ts), idle and serving the list.
    {
      label: 'session:ping, idle',
      haven: percentile(run.ping.idle, 95),
      bare: percentile(run.ping.bareServerIdle, 95),
    },
    ...run.ping.loads.map((load) => ({
      label: `session:ping, ${load.clients} client${load.clients === 1 ? '' : 's'} listing`,
      haven: percentile(load.loaded, 95),
      bare: percentile(load.bareServerLoaded, 95),
    })),
  );
  mkdirSync(OUT_DIR, { recursive: true });
  const png = join(OUT_DIR, 'data.png');
  writeFileSync(
    png,
    renderPng(
      dataChartSvg(
        bars,
        [
          { label: 'list goal 50 ms', ms: 50 },
          { label: 'lookup goal 5 ms', ms: 5 },
        ],
        `Data layer p95, ${plan.clients} concurrent clients${run.labels.quick ? ' (quick run)' : ''}`,
      ),
    ),
  );
  writeFileSync(
    join(OUT_DIR, 'data.json'),
    `${JSON.stringify(
      {
        quick: run.labels.quick,
        plan,
        rows: run.rows.map((row) => ({ ...row, result: { ...row.result } })),
        calls: Object.fromEntries(run.calls),
        rss: run.rss,
        ping: run.ping,
        machine: run.machine,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Chart: ${png}`);
  console.log(resultLine(run));
}

main().catch((error) => {
  console.error(`[bench:data] ${error?.stack ?? error}`);
  process.exit(1);
});
