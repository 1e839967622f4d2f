// Where a run crossed its limit: pure, so it is unit-tested.

export interface StepResult {
  consumers: number;
  transports: number;
  /** Worker CPU over the window, % of one core. */
  cpuPercent: number;
  /** 1 - received / (sent × transports), in %. */
  lossPercent: number;
  /** Media packets the receiver got per worker CPU-second. */
  packetsPerCpuSecond: number;
  /** Everything else the machine ran in the window (generator, receiver, other people), % of a core. */
  otherCpuPercent?: number;
}

export interface Limits {
  cpuPercent: number;
  lossPercent: number;
}

export const DEFAULT_LIMITS: Limits = { cpuPercent: 80, lossPercent: 1 };

export function overLimit(step: StepResult, limits: Limits = DEFAULT_LIMITS): boolean {
  return step.cpuPercent >= limits.cpuPercent || step.lossPercent >= limits.lossPercent;
}

export interface Crossing {
  /** Consumers at the limit, linearly interpolated (see `findCrossing`). */
  consumers: number;
  limitedBy: 'cpu' | 'loss' | 'none';
  /** The last step under both limits, if any. */
  lastUnder: StepResult | undefined;
  /** The first step at or over either limit, if any. */
  firstOver: StepResult | undefined;
}

/**
 * The consumer count at which the run reached its limit: between the last step under both
 * limits and the first step at or over either, each crossed metric is interpolated linearly
 * and the lower count wins. With no step under the limit, the line starts from zero
 * consumers at no load; with no step over it, the run never got there and the answer is
 * the last step's count (limitedBy 'none').
 */
export function findCrossing(steps: StepResult[], limits: Limits = DEFAULT_LIMITS): Crossing {
  const overIndex = steps.findIndex((s) => overLimit(s, limits));
  if (overIndex < 0) {
    const last = steps.at(-1);
    return {
      consumers: last?.consumers ?? 0,
      limitedBy: 'none',
      lastUnder: last,
      firstOver: undefined,
    };
  }
  const over = steps[overIndex] as StepResult;
  const lastUnder = overIndex > 0 ? steps[overIndex - 1] : undefined;
  const from = lastUnder ?? { consumers: 0, cpuPercent: 0, lossPercent: 0 };
  const at = (a: number, b: number, limit: number) => {
    if (b <= a) return over.consumers; // noise: no slope to follow, take the step itself
    const t = Math.min(1, Math.max(0, (limit - a) / (b - a)));
    return from.consumers + t * (over.consumers - from.consumers);
  };
  const candidates: { consumers: number; limitedBy: 'cpu' | 'loss' }[] = [];
  if (over.cpuPercent >= limits.cpuPercent)
    candidates.push({
      consumers: at(from.cpuPercent, over.cpuPercent, limits.cpuPercent),
      limitedBy: 'cpu',
    });
  if (over.lossPercent >= limits.lossPercent)
    candidates.push({
      consumers: at(Math.max(0, from.lossPercent), over.lossPercent, limits.lossPercent),
      limitedBy: 'loss',
    });
  candidates.sort((a, b) => a.consumers - b.consumers);
  const first = candidates[0] as (typeof candidates)[number];
  return { consumers: first.consumers, limitedBy: first.limitedBy, lastUnder, firstOver: over };
}

/** The RESULT line's packets figure: at the last step under the limit (else the first step). */
export function packetsAtLimit(steps: StepResult[], crossing: Crossing): number {
  return (crossing.lastUnder ?? steps[0])?.packetsPerCpuSecond ?? 0;
}

export function resultLine(
  haven: { crossing: Crossing; packetsPerCpuSecond: number },
  bare: { crossing: Crossing },
): string {
  const ratio =
    bare.crossing.consumers > 0 ? haven.crossing.consumers / bare.crossing.consumers : 0;
  return (
    `RESULT consumers_per_worker=${Math.round(haven.crossing.consumers)} ` +
    `bare_consumers_per_worker=${Math.round(bare.crossing.consumers)} ` +
    `ratio_to_bare=${ratio.toFixed(2)} ` +
    `packets_per_cpu_second=${Math.round(haven.packetsPerCpuSecond)}`
  );
}

/**
 * A least-squares line through the steps' worker CPU (consumers → %), solved for the CPU
 * limit: less sensitive to one noisy window than the crossing, so reported beside it.
 */
export function fittedConsumersAt(steps: StepResult[], cpuPercent: number): number | undefined {
  const n = steps.length;
  if (n < 2) return undefined;
  const mx = steps.reduce((a, s) => a + s.consumers, 0) / n;
  const my = steps.reduce((a, s) => a + s.cpuPercent, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const s of steps) {
    sxy += (s.consumers - mx) * (s.cpuPercent - my);
    sxx += (s.consumers - mx) ** 2;
  }
  if (sxx === 0 || sxy <= 0) return undefined;
  const slope = sxy / sxx;
  return mx + (cpuPercent - my) / slope;
}
