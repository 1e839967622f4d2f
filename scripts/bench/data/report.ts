// The markdown tables, the goals and the RESULT line of bench:data.
import { percentile } from '../join/stats.ts';
import type { LoadResult } from './load.ts';

export interface Row {
  step: string;
  scenario: string;
  side: 'Haven' | 'Haven, 1 client' | 'bare driver' | 'mongoose';
  result: LoadResult;
  /** CPU ms per request: Haven's process, and the processes it started (its database). */
  cpu?: { haven: number; database: number };
}

export interface RunSummary {
  rows: Row[];
  /** Which database calls the bare side replays, per scenario. */
  calls: Map<string, string>;
  rss: Array<{ step: string; haven: number; withChildren: number }>;
  ping: {
    idle: number[];
    /** The first load (one client running the list back to back) is the goal's; see main.ts. */
    loads: Array<{
      clients: number;
      loaded: number[];
      /** While the bare replay of the same list loads the machine, Haven answering pings only. */
      bareLoaded: number[];
      /** A bare server (bare-server.ts) pinged while it serves the same list. */
      bareServerLoaded: number[];
    }>;
    bareServerIdle: number[];
    loadScenario: string;
    step: string;
  };
  directoryP95: number;
  indexedP95: number;
  rssAtLargest: number;
  labels: { largestStep: string; lookupStep: string; quick: boolean };
  /** 1-minute load averages at start and end, and the cores: other work skews every figure. */
  machine: { cores: number; loadAtStart: number; loadAtEnd: number };
}

const fmt = (v: number) =>
  !Number.isFinite(v)
    ? 'n/a'
    : v < 10
      ? v.toFixed(2)
      : v < 100
        ? v.toFixed(1)
        : String(Math.round(v));

export const p50 = (r: LoadResult) => percentile(r.latenciesMs, 50);
export const p95 = (r: LoadResult) => percentile(r.latenciesMs, 95);
export const rps = (r: LoadResult) => (r.latenciesMs.length * 1000) / r.elapsedMs;

/** The ping's p95 rise over idle under the goal's load: one client running the heavy list. */
function pingDelta(run: RunSummary, pick: 'loaded' | 'bareServerLoaded' = 'loaded'): number {
  const load = run.ping.loads[0];
  const idle = pick === 'loaded' ? run.ping.idle : run.ping.bareServerIdle;
  return load ? percentile(load[pick], 95) - percentile(idle, 95) : Number.NaN;
}

function pingRow(what: string, samples: number[]): string {
  return `| ${what} | ${samples.length} | ${fmt(percentile(samples, 50))} | ${fmt(percentile(samples, 95))} | ${fmt(Math.max(...samples))} |`;
}

export function markdownReport(run: RunSummary, clients: number): string {
  const { idle, loads, loadScenario } = run.ping;
  const delta = pingDelta(run);
  const bareDelta = pingDelta(run, 'bareServerLoaded');
  const yes = (ok: boolean) => (ok ? 'met' : '**not met**');
  const who = (n: number) => (n === 1 ? '1 client' : `${n} clients`);
  const lines = [
    '',
    `## Data layer: latency and throughput, ${clients} concurrent clients (closed loop)`,
    '',
    '| data | request | side | n | p50 ms | p95 ms | req/s | CPU ms/req: Haven | database | errors |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...run.rows.map(
      (row) =>
        `| ${row.step} | ${row.scenario} | ${row.side} | ${row.result.latenciesMs.length} | ${fmt(p50(row.result))} | ${fmt(p95(row.result))} | ${fmt(rps(row.result))} | ${row.cpu ? fmt(row.cpu.haven) : ''} | ${row.cpu ? fmt(row.cpu.database) : ''} | ${row.result.errors} |`,
    ),
    '',
    '"bare driver" replays, through the mongodb driver from the bench process, the database calls',
    "Haven made for the same request (recorded with mongoose's debug hook), so Haven - bare is what",
    "Haven's HTTP, session, validation and view work add. CPU ms/req is the CPU time Haven's process",
    '(and apart, the processes it started: its database) used during the run, per request; it does',
    'not depend on what else the machine runs, unlike the latencies. The calls replayed:',
    '',
    ...[...run.calls].map(([scenario, calls]) => `- ${scenario}: ${calls || '(none)'}`),
    '',
    `## Socket.IO session:ping round trip at ${run.ping.step}`,
    '',
    '| while | n | p50 ms | p95 ms | max ms |',
    '|---|---:|---:|---:|---:|',
    pingRow('idle', idle),
    ...loads.flatMap((load) => [
      pingRow(`${loadScenario} runs (${who(load.clients)})`, load.loaded),
      pingRow(`its bare replay runs (${who(load.clients)}; Haven idle)`, load.bareLoaded),
    ]),
    pingRow('bare server idle', run.ping.bareServerIdle),
    ...loads.map((load) =>
      pingRow(`bare server serves the list (${who(load.clients)})`, load.bareServerLoaded),
    ),
    '',
    'One client running the list back to back is the goal\'s "while a heavy list runs": it shows',
    `whether a list stalls signalling. With ${who(clients)} in a closed loop every core of this`,
    'machine is busy, and the ping waits for a core as it would beside any server: the bare replay',
    'keeps the bench and the database as busy while Haven only answers pings, and the bare server',
    "(node:http, Socket.IO and the driver in one process, none of Haven) serves the same list's",
    'database calls.',
    '',
    '## Server memory (RSS, MB, after a full garbage collection in Haven)',
    '',
    '| after | Haven process | with its child processes |',
    '|---|---:|---:|',
    ...run.rss.map((m) => `| ${m.step} | ${Math.round(m.haven)} | ${Math.round(m.withChildren)} |`),
    '',
    '| goal | measured | |',
    '|---|---:|---|',
    `| directory default list p95 <= 50 ms at ${run.labels.largestStep} | ${fmt(run.directoryP95)} ms | ${yes(run.directoryP95 <= 50)} |`,
    `| indexed lookup p95 <= 5 ms in ${run.labels.lookupStep} | ${fmt(run.indexedP95)} ms | ${yes(run.indexedP95 <= 5)} |`,
    `| session:ping p95 rises <= 5 ms while a heavy list runs (${who(loads[0]?.clients ?? 1)}) | ${fmt(delta)} ms | ${yes(delta <= 5)} (bare server: ${fmt(bareDelta)} ms) |`,
    '',
    `Machine: ${run.machine.cores} cores, 1-minute load average ${run.machine.loadAtStart.toFixed(1)} at the start and ${run.machine.loadAtEnd.toFixed(1)} at the end (the bench itself adds about 2).`,
    'p50/p95 interpolate between the closest ranks. Each measurement follows one unmeasured warm-up',
    'request. RSS "with its child processes" adds every process Haven started (the mediasoup worker;',
    'a MongoDB server when it runs in its own process).',
    ...(run.labels.quick
      ? [
          '',
          `**Quick run**: the RESULT keys keep their names, but "_20k" is at ${run.labels.largestStep} and "_1m" at ${run.labels.lookupStep}.`,
        ]
      : []),
    '',
  ];
  return lines.join('\n');
}

export function resultLine(run: RunSummary): string {
  const delta = pingDelta(run);
  const n = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : 'NaN');
  return `RESULT directory_p95_ms_20k=${n(run.directoryP95, 1)} indexed_p95_ms_1m=${n(run.indexedP95, 2)} ping_p95_delta_ms=${n(delta, 1)} rss_mb_20k=${n(run.rssAtLargest, 0)}`;
}
