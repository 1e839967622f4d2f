// `npx tsx scripts/bench-mongo-standin.ts [--seconds 5] [--dir <data dir>]`
// Measures acknowledged inserts per second against the offline MongoDB stand-in, run as its own
// process with its journal fsync on, from one mongoose client. For scale it first times a raw
// write+fdatasync loop on the same disk: with one insert in flight, that is the ceiling.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, dir: { type: 'string' } },
});
const seconds = Number(values.seconds);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const dataDir = values.dir ?? (await mkdtemp(join(tmpdir(), 'haven-bench-standin-')));

interface Result {
  scenario: string;
  inFlight: number;
  ops: number;
  docs: number;
  docsPerSec: number;
  p50ms?: number;
  p99ms?: number;
  journalSyncs: number;
}

async function rawFsyncRate(dir: string, ms: number): Promise<number> {
  const fh = await open(join(dir, 'fsync-probe.bin'), 'a');
  const buf = Buffer.alloc(200, 1);
  let n = 0;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await fh.write(buf);
    await fh.datasync();
    n++;
  }
  await fh.close();
  await rm(join(dir, 'fsync-probe.bin'));
  return n / (ms / 1000);
}

async function startChild(dir: string): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/infra/mongo-standin/main.ts',
      '--dir',
      dir,
      '--port',
      '0',
      '--quiet',
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(
    createInterface({ input: proc.stdout as NodeJS.ReadableStream }),
    'line',
  )) as [string];
  return { proc, port: (JSON.parse(line) as { port: number }).port };
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function journalSyncs(conn: mongoose.Connection): Promise<number> {
  const db = conn.db;
  if (!db) throw new Error('not connected');
  const status = await db.admin().command({ serverStatus: 1 });
  return (status.havenStandIn as { journal: { syncs: number } }).journal.syncs;
}

async function run(
  conn: mongoose.Connection,
  scenario: string,
  inFlight: number,
  docsPerOp: number,
): Promise<Result> {
  const coll = conn.collection(`bench_${scenario.replace(/\W+/g, '_')}`);
  const latencies: number[] = [];
  const syncsBefore = await journalSyncs(conn);
  const end = Date.now() + seconds * 1000;
  let ops = 0;
  let seq = 0;
  const worker = async (): Promise<void> => {
    while (Date.now() < end) {
      const t0 = performance.now();
      if (docsPerOp === 1) {
        await coll.insertOne({ seq: seq++, at: new Date(), body: 'x'.repeat(100) });
      } else {
        const batch = Array.from({ length: docsPerOp }, () => ({
          seq: seq++,
          at: new Date(),
          body: 'x'.repeat(100),
        }));
        await coll.insertMany(batch);
      }
      latencies.push(performance.now() - t0);
      ops++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    scenario,
    inFlight,
    ops,
    docs: ops * docsPerOp,
    docsPerSec: Math.round((ops * docsPerOp) / elapsed),
    p50ms: Number(percentile(latencies, 0.5).toFixed(2)),
    p99ms: Number(percentile(latencies, 0.99).toFixed(2)),
    journalSyncs: (await journalSyncs(conn)) - syncsBefore,
  };
}

await mkdir(dataDir, { recursive: true });
const fsyncPerSec = await rawFsyncRate(dataDir, 2000);
console.log(`raw write+fdatasync on ${dataDir}: ${Math.round(fsyncPerSec)} /s`);
const { proc, port } = await startChild(dataDir);
const conn = await mongoose
  .createConnection(`mongodb://127.0.0.1:${port}/`, { dbName: 'bench', maxPoolSize: 32 })
  .asPromise();
try {
  const results = [
    await run(conn, 'insertOne sequential', 1, 1),
    await run(conn, 'insertOne concurrent', 16, 1),
    await run(conn, 'insertMany x100 sequential', 1, 100),
  ];
  console.table(results);
} finally {
  await conn.close();
  const exited = once(proc, 'exit');
  proc.kill('SIGTERM');
  await exited;
  if (!values.dir) await rm(dataDir, { recursive: true, force: true });
}
