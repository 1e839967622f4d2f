// Markdown tables of a run's steps.
import type { Crossing, StepResult } from './limits.ts';

export interface RunReport {
  name: 'bare' | 'haven';
  label: string;
  steps: StepResult[];
  crossing: Crossing;
}

export function stepTable(steps: StepResult[]): string {
  const rows = steps.map(
    (s) =>
      `| ${s.consumers} | ${s.transports} | ${s.cpuPercent.toFixed(1)} | ${s.lossPercent.toFixed(2)} | ${Math.round(s.packetsPerCpuSecond).toLocaleString('en-US')} |`,
  );
  return [
    '| consumers | transports | worker CPU % | loss % | packets forwarded / CPU-s |',
    '|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

export function crossingSentence(c: Crossing): string {
  if (c.limitedBy === 'none')
    return `limit not reached; last step: ${Math.round(c.consumers)} consumers`;
  const what = c.limitedBy === 'cpu' ? '80% of a core' : '1% loss';
  const between = c.lastUnder
    ? `between ${c.lastUnder.consumers} and ${c.firstOver?.consumers}`
    : `below ${c.firstOver?.consumers}`;
  return `${what} at about ${Math.round(c.consumers)} consumers (interpolated ${between})`;
}

export function markdownReport(runs: RunReport[], notes: string[]): string {
  const parts = runs.map(
    (r) => `### ${r.label}\n\n${stepTable(r.steps)}\n\nLimit: ${crossingSentence(r.crossing)}.\n`,
  );
  return [...parts, ...notes.map((n) => `- ${n}`)].join('\n');
}
