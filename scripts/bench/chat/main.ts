// `npm run bench:chat`: group-chat delivery (issue 16). Two Haven nodes run in child processes
// (haven-child.ts) on the machine's Redis and one MongoDB stand-in; 500 members of one group
// connect from this process over the websocket transport, half to each node, and one sender
// on the first node posts through Haven's own path (`chat:send`: validation, membership, the
// send limit raised for its account, storage, fan-out through the Redis adapter) at 20 and
// then 100 lines a second: 10,000 and 50,000 deliveries a second. In the same run, a bare
// Socket.IO server pair on the same adapter and Redis (bare-server.ts) carries the same load.
// Then history pages with 1,000,000 stored lines in the group. Prints markdown tables,
// writes bench-results/chat.png and chat.json, and ends with one RESULT line (first rate).
//
// Environment, for short runs while developing (defaults are the issue's numbers):
//   BENCH_CHAT_MEMBERS=500  BENCH_CHAT_RATES=20,100  BENCH_CHAT_SECONDS=20 (measured, a step)
//   BENCH_CHAT_ROUNDS=4 (each step's seconds in rounds, the sides alternating: Haven, bare,
//     bare, Haven, ...)
//   BENCH_CHAT_WARMUP=3 (seconds sent first at the step's rate, checked but not measured,
//     before a side's first round; 1 s before its later ones)
//   BENCH_CHAT_HISTORY=1000000 (0: no history)  BENCH_CHAT_HISTORY_PAGES=200
//   BENCH_CHAT_OUT=bench-results  BENCH_CPU_PROFILE=<dir> (each child writes a V8 CPU profile)
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Connection } from 'mongoose';
import type { Socket } from 'socket.io-client';
import { HavenProcess } from '../data/haven-process.ts';
import { connectBench } from '../data/seeding.ts';
import { resolveWorkerBin } from '../sfu/worker-bin.ts';
import { chatChartPng } from './chart.ts';
import { closeSockets, drain, openSockets, type Pacing, Router, sendPaced } from './clients.ts';
import { type CpuUsed, cpuMeter, settle } from './cpu.ts';
import { DeliveryStep, percentileSorted, sortedCopy, summarize } from './deliveries.ts';
import { seedHistory, timeHistory } from './history.ts';
import { type ChatRun, markdownReport, resultLine, type StepRow } from './report.ts';
import { sendTimer } from './server-time.ts';
import { createBenchGroup } from './setup.ts';

const count = (name: string, fallback: number, min = 1) => {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}`);
  return n;
};
const MEMBERS = count('BENCH_CHAT_MEMBERS', 500, 2);
const SECONDS = count('BENCH_CHAT_SECONDS', 20);
const WARMUP = count('BENCH_CHAT_WARMUP', 3, 0);
const ROUNDS = count('BENCH_CHAT_ROUNDS', 4);
/** Before a side's later rounds: its queues and JIT are warm, only the pace needs to settle. */
const REWARM = Math.min(WARMUP, 1);
const RATES = (process.env.BENCH_CHAT_RATES || '20,100').split(',').map(Number);
if (RATES.some((r) => !Number.isInteger(r) || r <= 0)) throw new Error('BENCH_CHAT_RATES: 20,100');
const HISTORY = count('BENCH_CHAT_HISTORY', 1_000_000, 0);
const HISTORY_PAGES = count('BENCH_CHAT_HISTORY_PAGES', 200);
const OUT_DIR = resolve(process.env.BENCH_CHAT_OUT || 'bench-results');
/** Lines a second each sender socket carries: under Haven's 60 points in 5 s a connection. */
const PER_SENDER_SOCKET = 4;
/** A step's last lines count as lost after this long with no receipt at all (or the cap). */
const DRAIN_QUIET_MS = 10_000;
const DRAIN_CAP_MS = 120_000;

const log = (line: string) => console.error(`[bench:chat] ${line}`);
const runId = Date.now().toString(36);

interface NodeGreeting {
  url: string;
  mongoUri: string;
  dbName: string;
  redisUrl: string;
  pid: number;
}

/** One side's round of a step, and what it cost. */
interface Round {
  step: DeliveryStep;
  lagMs: number[];
  used: CpuUsed;
}

interface Side {
  name: StepRow['side'];
  receivers: Socket[];
  senders: Socket[];
  router: Router;
  /** The side's two server processes (the first one's children: Haven's database). */
  pids: number[];
  /** The sending node, for Haven's own chat:send timing (/metrics); none for bare. */
  metricsUrl?: string;
}

async function main() {
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  process.env.MEDIASOUP_WORKER_BIN = resolveWorkerBin();
  const entry = (file: string) => join(import.meta.dirname, file);
  const nodeEnv = {
    BENCH_CHAT_DB: `bench_chat_${runId}`,
    BENCH_CHAT_LIMITS: `bench-chat-${runId}`,
  };
  const children: HavenProcess[] = [];
  const sockets: Socket[] = [];
  let connection: Connection | null = null;
  try {
    const nodeA = new HavenProcess({ entry: entry('haven-child.ts'), env: nodeEnv });
    children.push(nodeA);
    const a = (await nodeA.greeting()) as unknown as NodeGreeting;
    // The second node: the first's database (MONGODB_URI, same name) and the first's Redis.
    const nodeB = new HavenProcess({
      entry: entry('haven-child.ts'),
      env: { ...nodeEnv, MONGODB_URI: a.mongoUri, REDIS_URL: a.redisUrl },
    });
    children.unshift(nodeB);
    const b = (await nodeB.greeting()) as unknown as NodeGreeting;
    log(
      `Haven nodes on ${a.url} (pid ${a.pid}) and ${b.url} (pid ${b.pid}), database ${a.dbName}, Redis ${a.redisUrl}`,
    );
    const bareEnv = {
      BENCH_CHAT_REDIS: a.redisUrl,
      BENCH_CHAT_ADAPTER_KEY: `bench-chat-bare-${runId}`,
    };
    const bare = [0, 1].map(
      () => new HavenProcess({ entry: entry('bare-server.ts'), env: bareEnv }),
    );
    children.push(...bare);
    const [bareA, bareB] = (await Promise.all(
      bare.map((p) => p.greeting()),
    )) as unknown as NodeGreeting[];
    if (!bareA || !bareB) throw new Error('the bare servers did not greet');

    connection = await connectBench(a.mongoUri, a.dbName);
    let t0 = Date.now();
    const group = await createBenchGroup(connection, MEMBERS, runId);
    log(`${MEMBERS} members and their sessions in ${Date.now() - t0} ms`);

    const half = Math.ceil(MEMBERS / 2);
    const cookies = group.members.map((m) => m.cookie);
    const senderCount = Math.ceil(Math.max(...RATES) / PER_SENDER_SOCKET);
    const open = async (url: string, of: string[]) => {
      const opened = await openSockets(url, of);
      sockets.push(...opened);
      return opened;
    };
    t0 = Date.now();
    const haven: Side = {
      name: 'Haven',
      receivers: [
        ...(await open(a.url, cookies.slice(0, half))),
        ...(await open(b.url, cookies.slice(half))),
      ],
      senders: await open(a.url, Array(senderCount).fill(group.sender.cookie)),
      router: new Router(),
      pids: [a.pid, b.pid],
      metricsUrl: a.url,
    };
    const blank = (n: number) => Array<string>(n).fill('');
    const bareSide: Side = {
      name: 'bare Socket.IO',
      receivers: [
        ...(await open(bareA.url, blank(half))),
        ...(await open(bareB.url, blank(MEMBERS - half))),
      ],
      senders: await open(bareA.url, blank(senderCount)),
      router: new Router(),
      pids: [bareA.pid, bareB.pid],
    };
    log(
      `${sockets.length} sockets connected in ${Date.now() - t0} ms (${senderCount} sender sockets a side)`,
    );
    const sides = [haven, bareSide];
    for (const side of sides) side.router.listen(side.receivers);

    let stepIndex = 0;
    const text = (seq: number) =>
      `Line ${seq}: checking in after tonight's meeting, thank you all for being here.`;
    /** One round: `warmup` seconds sent first (checked, not measured), then `seconds`. */
    const runRound = async (
      side: Side,
      rate: number,
      seconds: number,
      warmup: number,
    ): Promise<Round> => {
      await Promise.all(children.map((c) => c.ask('gc')));
      const warm = Math.round(rate * warmup);
      const step = new DeliveryStep(MEMBERS, warm + Math.round(rate * seconds), warm, half);
      const prefix = `b${runId}x${stepIndex++}n`;
      side.router.start(step, prefix);
      const pacing: Pacing = { rate, count: step.total, lagMs: [] };
      const cpu = cpuMeter(side.pids);
      const from = process.hrtime.bigint() / 1000n;
      await sendPaced(side.senders, step, pacing, (seq) => ({
        groupId: group.groupId,
        clientId: `${prefix}${seq}`,
        text: text(seq),
      }));
      await drain(step, DRAIN_QUIET_MS, DRAIN_CAP_MS);
      side.router.stop();
      const used = cpu();
      // CPU profiles time their samples on this same clock (µs): the round's slice of them.
      if (process.env.BENCH_CPU_PROFILE)
        log(
          `${side.name} @ ${rate}/s: profile window ${from}-${process.hrtime.bigint() / 1000n} µs`,
        );
      const { p50, p99 } = step.summary();
      log(`${side.name} @ ${rate}/s, a round: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
      return { step, lagMs: pacing.lagMs, used };
    };
    /**
     * A rate's measured seconds, in ROUNDS rounds that alternate the sides (Haven, bare,
     * bare, Haven, ...): the machine's drift over a run (its neighbours, the database's
     * housekeeping) then falls on both sides alike, where one long step each put it all on
     * one. Each side's rounds are pooled into its row.
     */
    const runRate = async (rate: number): Promise<StepRow[]> => {
      const rounds = new Map<Side, Round[]>(sides.map((side) => [side, []]));
      const timers = new Map<Side, () => Promise<number>>();
      for (const side of sides)
        if (side.metricsUrl) timers.set(side, await sendTimer(side.metricsUrl));
      const perRound = SECONDS / ROUNDS;
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? sides : [...sides].reverse();
        for (const side of order)
          rounds
            .get(side)
            ?.push(await runRound(side, rate, perRound, round === 0 ? WARMUP : REWARM));
      }
      const rows: StepRow[] = [];
      for (const side of sides) {
        const done = rounds.get(side) ?? [];
        const lines = done.reduce((n, r) => n + r.step.total, 0);
        const perLine = (pick: (u: CpuUsed) => number) =>
          done.reduce((n, r) => n + pick(r.used), 0) / lines;
        const summary = summarize(done.map((r) => r.step));
        const cpuPerLine = {
          servers: perLine((u) => u.servers),
          database: perLine((u) => u.database),
          bench: perLine((u) => u.bench),
        };
        rows.push({
          side: side.name,
          rate,
          members: MEMBERS,
          summary,
          senderLagP99: percentileSorted(sortedCopy(done.flatMap((r) => r.lagMs)), 99),
          cpuPerLine,
          serverSendMs: await timers.get(side)?.(),
        });
        log(
          `${side.name} @ ${rate}/s, ${ROUNDS} rounds: ${summary.messages} lines, p50 ${summary.p50.toFixed(1)} ms (${summary.p50Near.toFixed(1)} on the sending node, ${summary.p50Far.toFixed(1)} on the other), p99 ${summary.p99.toFixed(1)} ms, ${Math.round(summary.deliveriesPerSecond)} deliveries/s, lost ${summary.lost}, refused ${summary.refused}${summary.firstRefusal ? ` (${summary.firstRefusal})` : ''}, CPU ms/line ${cpuPerLine.servers.toFixed(1)} servers + ${cpuPerLine.database.toFixed(1)} database, ${cpuPerLine.bench.toFixed(1)} bench`,
        );
      }
      return rows;
    };
    // Every member's socket must be in the group's room before anything counts: Haven joins
    // a socket's rooms just after its handshake, from a database lookup.
    for (const side of sides) {
      const ready = (await runRound(side, 5, 1, 0)).step.summary();
      if (ready.lost > 0 || ready.refused > 0)
        throw new Error(
          `${side.name}: not every member hears the sender (${ready.lost} receipts missing, ${ready.refused} refused: ${ready.firstRefusal})`,
        );
    }

    const steps: StepRow[] = [];
    for (const rate of RATES) steps.push(...(await runRate(rate)));

    let history: ChatRun['history'] = [];
    if (HISTORY > 0) {
      t0 = Date.now();
      const senderIds = [group.sender.id, ...group.members.map((m) => m.id)];
      const deepId = await seedHistory(connection, group.groupId, senderIds, HISTORY, 0.9, (n) => {
        if (n % 100_000 === 0 || n === HISTORY)
          log(
            `history: ${n.toLocaleString('en')} lines inserted (${Math.round((Date.now() - t0) / 1000)} s)`,
          );
      });
      log(
        `history: ${HISTORY.toLocaleString('en')} lines in ${Math.round((Date.now() - t0) / 1000)} s`,
      );
      log(
        `history: the database settled in ${Math.round((await settle(a.pid, 120_000)) / 1000)} s`,
      );
      history = await timeHistory(
        connection,
        haven.receivers,
        group.groupId,
        deepId,
        HISTORY_PAGES,
      );
      for (const h of history)
        log(
          `history ${h.page}, ${h.side}: p50 ${h.p50.toFixed(1)} ms, p95 ${h.p95.toFixed(1)} ms, errors ${h.errors}`,
        );
    }

    report({
      steps,
      history,
      historyCount: HISTORY,
      seconds: SECONDS,
      rounds: ROUNDS,
      senders: senderCount,
      machine: {
        cores: availableParallelism(),
        loadAtStart,
        loadAtEnd: loadavg()[0] ?? Number.NaN,
      },
    });
  } finally {
    closeSockets(sockets);
    await connection?.close().catch(() => undefined);
    // The second node first: the first one holds the database both use.
    for (const child of children) await child.stop();
  }
}

function report(run: ChatRun) {
  console.log(markdownReport(run));
  mkdirSync(OUT_DIR, { recursive: true });
  const png = join(OUT_DIR, 'chat.png');
  const members = run.steps[0]?.members ?? MEMBERS;
  writeFileSync(
    png,
    chatChartPng(run, `Group chat, ${members} members on two nodes: Haven and bare Socket.IO`),
  );
  writeFileSync(join(OUT_DIR, 'chat.json'), `${JSON.stringify(run, null, 2)}\n`);
  console.log(`Chart: ${png}`);
  console.log(resultLine(run));
}

main().catch((error) => {
  console.error(`[bench:chat] ${error?.stack ?? error}`);
  process.exit(1);
});
