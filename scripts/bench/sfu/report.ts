// Markdown tables of a run's steps.
import { type Crossing, fittedConsumersAt, type StepResult } from './limits.ts';

export interface RunReport {
  name: 'bare' | 'haven';
  label: string;
  steps: StepResult[];
  crossing: Crossing;
}

export function stepTable(steps: StepResult[]): string {
  const rows = steps.map(
    (s) =>
      `| ${s.consumers} | ${s.transports} | ${s.cpuPercent.toFixed(1)} | ${s.lossPercent.toFixed(2)} | ${Math.round(s.packetsPerCpuSecond).toLocaleString('en-US')} | ${s.otherCpuPercent === undefined ? '' : s.otherCpuPercent.toFixed(0)} |`,
  );
  return [
    '| consumers | transports | worker CPU % | loss % | packets forwarded / CPU-s | rest of machine CPU % |',
    '|---:|---:|---:|---:|---:|---:|',
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

export function fitSentence(steps: StepResult[], cpuPercent = 80): string {
  const fitted = fittedConsumersAt(steps, cpuPercent);
  return fitted === undefined
    ? 'no CPU trend to fit'
    : `a straight line fitted through every step's CPU reaches ${cpuPercent}% at about ${Math.round(fitted)} consumers`;
}

export function markdownReport(runs: RunReport[], notes: string[]): string {
  const parts = runs.map(
    (r) =>
      `### ${r.label}\n\n${stepTable(r.steps)}\n\nLimit: ${crossingSentence(r.crossing)}; ${fitSentence(r.steps)}.\n`,
  );
  return [...parts, ...notes.map((n) => `- ${n}`)].join('\n');
}
