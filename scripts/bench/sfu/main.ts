// `npm run bench:sfu`: SFU capacity of one mediasoup worker, bare mediasoup and Haven's sfu/
// layer side by side in one run. See README "Benchmarks" and scripts/bench/sfu/*.ts.
//
//   npm run bench:sfu -- [--transports-per-step 25] [--settle-ms 2000] [--window-ms 4000]
//                        [--max-transports 1000] [--sockets 8]
//                        [--order interleaved|bare-first|haven-first]
//                        [--out bench-results]
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBarePath } from './bare-path.ts';
import { chartSvg, renderPng } from './chart.ts';
import { Generator } from './generator.ts';
import { startHavenPath } from './haven-path.ts';
import { findCrossing, packetsAtLimit, resultLine } from './limits.ts';
import { PACKETS_PER_SECOND } from './media-params.ts';
import { buildReceiver, Receiver } from './receiver.ts';
import { markdownReport, type RunReport } from './report.ts';
import type { SfuPath } from './sfu-path.ts';
import { type Contender, DEFAULT_PLAN, runSteps, type StepPlan } from './stepper.ts';
import { resolveWorkerBin } from './worker-bin.ts';

const { values } = parseArgs({
  options: {
    'transports-per-step': { type: 'string', default: String(DEFAULT_PLAN.transportsPerStep) },
    'settle-ms': { type: 'string', default: String(DEFAULT_PLAN.settleMs) },
    'window-ms': { type: 'string', default: String(DEFAULT_PLAN.windowMs) },
    'max-transports': { type: 'string', default: String(DEFAULT_PLAN.maxTransports) },
    sockets: { type: 'string', default: '8' },
    order: { type: 'string', default: 'interleaved' },
    out: { type: 'string', default: 'bench-results' },
  },
});

const positive = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`);
  return n;
};
const plan: StepPlan = {
  ...DEFAULT_PLAN,
  transportsPerStep: positive('transports-per-step'),
  settleMs: positive('settle-ms'),
  windowMs: positive('window-ms'),
  maxTransports: positive('max-transports'),
};
const sockets = positive('sockets');
if (!['interleaved', 'bare-first', 'haven-first'].includes(values.order ?? ''))
  throw new Error('--order is interleaved, bare-first or haven-first');
const mode = values.order === 'interleaved' ? 'interleaved' : 'sequential';
const order: SfuPath['name'][] =
  values.order === 'haven-first' ? ['haven', 'bare'] : ['bare', 'haven'];
const outDir = resolve(values.out ?? 'bench-results');

const LABELS = { bare: 'bare mediasoup', haven: "Haven's sfu/ layer" } as const;
const COLORS = { bare: '#777777', haven: '#1f6feb' } as const;

const workerBin = resolveWorkerBin();
const receiverBin = buildReceiver();
const startLoad = loadavg().map((l) => l.toFixed(2));
console.log(`worker: ${workerBin}`);
console.log(
  `plan: ${plan.transportsPerStep} transports (x2 consumers) per step, settle ${plan.settleMs} ms, ` +
    `window ${plan.windowMs} ms, ${PACKETS_PER_SECOND} packets/s in, ${sockets} receiver sockets, ` +
    `limits ${plan.limits.cpuPercent}% CPU / ${plan.limits.lossPercent}% loss; load average ${startLoad.join(' ')}`,
);

async function startContender(name: SfuPath['name']): Promise<Contender> {
  const receiver = await Receiver.start(receiverBin, sockets);
  try {
    const path = name === 'bare' ? await startBarePath(workerBin) : await startHavenPath(workerBin);
    try {
      const generator = await Generator.start(path.ingress.ip, path.ingress.port, true);
      return { path, generator, receiver, steps: [], done: false };
    } catch (error) {
      await path.close();
      throw error;
    }
  } catch (error) {
    await receiver.stop();
    throw error;
  }
}

const contenders: Contender[] = [];
try {
  for (const name of order) contenders.push(await startContender(name));
  for (const c of contenders) console.log(`${LABELS[c.path.name]}: worker pid ${c.path.workerPid}`);
  console.log('');
  await runSteps(contenders, plan, mode, (c, s, extras) => {
    console.log(
      `  ${c.path.name.padEnd(5)} ${String(s.consumers).padStart(5)} consumers  cpu ${s.cpuPercent.toFixed(1).padStart(5)}%  ` +
        `loss ${s.lossPercent.toFixed(2).padStart(6)}%  ${Math.round(s.packetsPerCpuSecond).toString().padStart(6)} pkt/cpu-s` +
        `  (setup ${Math.round(extras.setupMs)} ms, probe ${extras.probePackets}, rtcp ${extras.rtcpPackets}, late ticks ${extras.generatorCatchUps})`,
    );
  });
} finally {
  for (const c of contenders) {
    await c.generator.stop();
    await c.path.close();
    await c.receiver.stop();
  }
}
const runs: RunReport[] = contenders.map((c) => ({
  name: c.path.name,
  label: LABELS[c.path.name],
  steps: c.steps,
  crossing: findCrossing(c.steps, plan.limits),
}));
const bare = runs.find((r) => r.name === 'bare') as RunReport;
const haven = runs.find((r) => r.name === 'haven') as RunReport;
const havenPackets = packetsAtLimit(haven.steps, haven.crossing);

const notes = [
  mode === 'interleaved'
    ? `order: interleaved step by step (${order.join(', ')}, ${order.join(', ')}, ...), only the measured worker fed; fresh worker for each; load average at start ${startLoad.join(' ')}`
    : `order: ${order.join(' then ')}; fresh worker for each; load average at start ${startLoad.join(' ')}`,
  'consumers_per_worker: linear interpolation between the last step under both limits and the first step over either (the lower of the CPU and loss crossings)',
  'packets_per_cpu_second: at the last step under the limit',
];
const md = markdownReport(runs, notes);
await mkdir(outDir, { recursive: true });
const svg = chartSvg(
  runs.map((r) => ({ label: r.label, color: COLORS[r.name], steps: r.steps })),
  `SFU capacity, one mediasoup worker: ${PACKETS_PER_SECOND} packets/s in, SRTP consumers`,
);
await writeFile(join(outDir, 'sfu.svg'), svg);
await writeFile(join(outDir, 'sfu.png'), renderPng(svg));
await writeFile(join(outDir, 'sfu.md'), `${md}\n`);
await writeFile(join(outDir, 'sfu.json'), `${JSON.stringify({ plan, runs }, null, 2)}\n`);

console.log(`\n${md}`);
console.log(`\nchart: ${join(outDir, 'sfu.png')}`);
console.log(resultLine({ crossing: haven.crossing, packetsPerCpuSecond: havenPackets }, bare));
