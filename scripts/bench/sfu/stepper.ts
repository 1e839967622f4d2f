// Adds receiving transports step by step and measures each step over a fixed window, until
// the worker passes its CPU or loss limit.
import { setTimeout as delay } from 'node:timers/promises';
import { cpuSeconds, machineBusySeconds } from './cpu.ts';
import type { Generator } from './generator.ts';
import { DEFAULT_LIMITS, type Limits, overLimit, type StepResult } from './limits.ts';
import type { Receiver } from './receiver.ts';
import type { SfuPath } from './sfu-path.ts';

export interface StepPlan {
  transportsPerStep: number;
  settleMs: number;
  windowMs: number;
  /** Safety stop if the limit is never reached. */
  maxTransports: number;
  limits: Limits;
}

export const DEFAULT_PLAN: StepPlan = {
  transportsPerStep: 25,
  settleMs: 2_000,
  windowMs: 4_000,
  maxTransports: 1_000,
  limits: DEFAULT_LIMITS,
};

export interface StepExtras {
  /** Ticks the generator sent late (in a burst) during the window. */
  generatorCatchUps: number;
  /** Probation (bandwidth probing) packets mediasoup sent during the window. */
  probePackets: number;
  rtcpPackets: number;
  setupMs: number;
}

interface Sample {
  at: number;
  cpu: number;
  machine: number;
  sent: number;
  catchUps: number;
  rtp: number;
  rtcp: number;
  probe: number;
}

async function sample(path: SfuPath, generator: Generator, receiver: Receiver): Promise<Sample> {
  const [gen, rec] = await Promise.all([generator.counts(), receiver.counts()]);
  return {
    at: performance.now(),
    cpu: cpuSeconds(path.workerPid),
    machine: machineBusySeconds(),
    sent: gen.sent,
    catchUps: gen.catchUps,
    rtp: rec.rtp,
    rtcp: rec.rtcp,
    probe: rec.probe,
  };
}

/** Measures the current load over one window. */
export async function measure(
  path: SfuPath,
  generator: Generator,
  receiver: Receiver,
  windowMs: number,
): Promise<{ step: StepResult; extras: Omit<StepExtras, 'setupMs'> }> {
  const a = await sample(path, generator, receiver);
  await delay(windowMs);
  const b = await sample(path, generator, receiver);
  const cpu = b.cpu - a.cpu;
  const wall = (b.at - a.at) / 1_000;
  const expected = (b.sent - a.sent) * path.transports;
  const received = b.rtp - a.rtp;
  return {
    step: {
      consumers: path.transports * path.consumersPerTransport,
      transports: path.transports,
      cpuPercent: (100 * cpu) / wall,
      lossPercent: expected > 0 ? 100 * (1 - received / expected) : 0,
      packetsPerCpuSecond: cpu > 0 ? received / cpu : 0,
      otherCpuPercent: (100 * (b.machine - a.machine - cpu)) / wall,
    },
    extras: {
      generatorCatchUps: b.catchUps - a.catchUps,
      probePackets: b.probe - a.probe,
      rtcpPackets: b.rtcp - a.rtcp,
    },
  };
}

/** One path under test with its own generator and receiver, and the steps measured so far. */
export interface Contender {
  path: SfuPath;
  generator: Generator;
  receiver: Receiver;
  steps: StepResult[];
  done: boolean;
}

/** Adds the next step's transports to `c` (none at step 0), settles and measures it. */
async function stepOnce(
  c: Contender,
  plan: StepPlan,
  onStep: (c: Contender, step: StepResult, extras: StepExtras) => void,
): Promise<void> {
  const started = performance.now();
  if (c.steps.length > 0) {
    const { ports } = c.receiver;
    await c.path.addTransports(plan.transportsPerStep, (i) => ports[i % ports.length] as number);
  }
  const setupMs = performance.now() - started;
  await delay(plan.settleMs);
  const { step, extras } = await measure(c.path, c.generator, c.receiver, plan.windowMs);
  c.steps.push(step);
  onStep(c, step, { ...extras, setupMs });
  if (
    overLimit(step, plan.limits) ||
    c.path.transports + plan.transportsPerStep > plan.maxTransports
  )
    c.done = true;
}

/**
 * Step 0 measures the producers alone; then each step adds `transportsPerStep` transports,
 * settles, and measures; a contender stops after its first step over a limit.
 *
 * Interleaved (the default), the contenders take turns step by step (A B A B ..., so each
 * waits, unfed, for exactly one step of the other between its own) and only the one being
 * measured is fed (the other's generator is paused, so its worker idles): load from
 * elsewhere on the machine then falls on both alike.
 * Sequential, each runs all its steps alone, in the order given.
 */
export async function runSteps(
  contenders: Contender[],
  plan: StepPlan,
  mode: 'interleaved' | 'sequential',
  onStep: (c: Contender, step: StepResult, extras: StepExtras) => void,
): Promise<void> {
  if (mode === 'sequential') {
    for (const c of contenders) {
      await c.generator.resume();
      while (!c.done) await stepOnce(c, plan, onStep);
      await c.generator.pause();
      await c.path.close();
    }
    return;
  }
  while (contenders.some((c) => !c.done)) {
    for (const c of contenders) {
      if (c.done) continue;
      await c.generator.resume();
      await stepOnce(c, plan, onStep);
      await c.generator.pause();
      // A finished contender's worker is closed, so it cannot weigh on the others' steps.
      if (c.done) await c.path.close();
    }
  }
}
