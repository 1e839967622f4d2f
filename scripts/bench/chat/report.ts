// The markdown tables, the goals and the RESULT line of bench:chat.
import type { StepSummary } from './deliveries.ts';
import type { HistoryRow } from './history.ts';

export interface StepRow {
  side: 'Haven' | 'bare Socket.IO';
  /** Lines a second from the one sender. */
  rate: number;
  members: number;
  summary: StepSummary;
  /** p99 of how late the bench sent a line against its schedule (its own lag). */
  senderLagP99: number;
  /**
   * CPU ms per line sent, over the step: both server processes, the database (the stand-in,
   * Haven's only), and the bench's own process (its clients). Unlike latency, it does not
   * depend on what else the machine runs.
   */
  cpuPerLine?: { servers: number; database: number; bench: number } | undefined;
  /** Haven only: its handler's mean time per chat:send, from its own histogram (/metrics). */
  serverSendMs?: number | undefined;
}

export interface ChatRun {
  steps: StepRow[];
  history: HistoryRow[];
  historyCount: number;
  /** Seconds measured per step, after the warm-up. */
  seconds: number;
  /** The rounds each step's seconds were run in, the sides alternating (main.ts). */
  rounds?: number;
  senders: number;
  machine: { cores: number; loadAtStart: number; loadAtEnd: number };
}

export const fmt = (v: number) =>
  !Number.isFinite(v)
    ? 'n/a'
    : v < 10
      ? v.toFixed(2)
      : v < 100
        ? v.toFixed(1)
        : Math.round(v).toLocaleString('en');

const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

/** Haven's row and the bare row at each rate, in the order they ran. */
export function pairs(run: ChatRun): Array<{ rate: number; haven?: StepRow; bare?: StepRow }> {
  const rates = [...new Set(run.steps.map((s) => s.rate))];
  return rates.map((rate) => ({
    rate,
    haven: run.steps.find((s) => s.rate === rate && s.side === 'Haven'),
    bare: run.steps.find((s) => s.rate === rate && s.side === 'bare Socket.IO'),
  }));
}

export function goals(run: ChatRun): Array<{ goal: string; measured: string; met: boolean }> {
  const all = pairs(run);
  const out = all.map(({ rate, haven, bare }) => {
    const r = ratio(haven?.summary.p50 ?? Number.NaN, bare?.summary.p50 ?? Number.NaN);
    return {
      goal: `p50 within 1.2x of bare at ${(rate * (haven?.members ?? 0)).toLocaleString('en')}/s`,
      measured: `${fmt(r)}x (${fmt(haven?.summary.p50 ?? Number.NaN)} / ${fmt(bare?.summary.p50 ?? Number.NaN)} ms)`,
      met: r <= 1.2,
    };
  });
  const first = all[0]?.haven;
  if (first)
    out.push({
      goal: `p99 under 100 ms at ${(first.rate * first.members).toLocaleString('en')}/s`,
      measured: `${fmt(first.summary.p99)} ms`,
      met: first.summary.p99 < 100,
    });
  const lost = run.steps
    .filter((s) => s.side === 'Haven')
    .reduce((n, s) => n + s.summary.lost + s.summary.duplicates, 0);
  out.push({ goal: 'nothing lost (nor duplicated)', measured: String(lost), met: lost === 0 });
  return out;
}

export function markdownReport(run: ChatRun): string {
  const members = run.steps[0]?.members ?? 0;
  const lines = [
    '',
    `## Group chat delivery: ${members.toLocaleString('en')} members on two nodes, one sender, ${run.seconds} s a step${run.rounds && run.rounds > 1 ? ` in ${run.rounds} rounds, the sides alternating` : ''}`,
    '',
    '| path | lines/s | deliveries/s target | lines | deliveries/s | p50 ms | p50 ms: sending node / other | p99 ms | max ms | lost | dup | refused | ack p50 ms | ack p99 ms | in handler, mean ms | sender lag p99 ms | CPU ms/line: servers | database | bench |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...run.steps.map(
      (s) =>
        `| ${s.side} | ${s.rate} | ${(s.rate * s.members).toLocaleString('en')} | ${s.summary.messages.toLocaleString('en')} | ${fmt(s.summary.deliveriesPerSecond)} | ${fmt(s.summary.p50)} | ${fmt(s.summary.p50Near)} / ${fmt(s.summary.p50Far)} | ${fmt(s.summary.p99)} | ${fmt(s.summary.max)} | ${s.summary.lost}${s.summary.incomplete ? ` (${s.summary.incomplete} lines)` : ''} | ${s.summary.duplicates} | ${s.summary.refused}${s.summary.firstRefusal ? ` (${s.summary.firstRefusal})` : ''}${s.summary.noAck ? `, ${s.summary.noAck} no ack` : ''} | ${fmt(s.summary.ackP50)} | ${fmt(s.summary.ackP99)} | ${s.serverSendMs === undefined ? '' : fmt(s.serverSendMs)} | ${fmt(s.senderLagP99)} | ${s.cpuPerLine ? `${fmt(s.cpuPerLine.servers)} | ${fmt(s.cpuPerLine.database)} | ${fmt(s.cpuPerLine.bench)}` : ' | | '} |`,
    ),
    '',
    `Latency is from the sender's emit to each member's \`chat:message\`, both in the bench's`,
    `process; half the members are on each node, the sender's ${run.senders} sockets on the first`,
    '("sending node / other": the p50 of each half).',
    '"lost" counts (member, line) receipts that never came (and the lines some member missed),',
    '"refused" sends whose ack was not ok',
    '("no ack": none within 2 minutes; such a line may still have been delivered, late).',
    '"in handler": Haven\'s own time per chat:send, frame in to ack out, which includes writing',
    "the line to the sending node's own sockets and, above 50 lines a second, up to 25 ms held",
    'for company before its insert (server/chat/line-writes.ts; the ack waits for it, members',
    'do not), from its haven_socket_event_duration_seconds.',
    'CPU ms/line: both server processes, the database (Haven only: the MongoDB stand-in) and the',
    "bench's own process (all the clients), over the step, per line sent (each line goes to",
    `${members} members), whatever else the machine runs.`,
    '',
  ];
  if (run.history.length)
    lines.push(
      `## History pages (\`chat:history\`, limit 50) with ${run.historyCount.toLocaleString('en')} stored lines in the group`,
      '',
      '| page | side | n | p50 ms | p95 ms | errors |',
      '|---|---|---:|---:|---:|---:|',
      ...run.history.map(
        (h) => `| ${h.page} | ${h.side} | ${h.n} | ${fmt(h.p50)} | ${fmt(h.p95)} | ${h.errors} |`,
      ),
      '',
      '"bare driver" is the same find (group, `_id` before, newest first, 51) from the bench.',
      '',
    );
  lines.push(
    '| goal | measured | |',
    '|---|---|---|',
    ...goals(run).map((g) => `| ${g.goal} | ${g.measured} | ${g.met ? 'met' : '**not met**'} |`),
    '',
    `Machine: ${run.machine.cores} cores, 1-minute load average ${run.machine.loadAtStart.toFixed(1)} at the start and ${run.machine.loadAtEnd.toFixed(1)} at the end.`,
    '',
  );
  return lines.join('\n');
}

/** The issue's line, for the first rate (20 lines/s to 500 members: 10,000 deliveries/s). */
export function resultLine(run: ChatRun): string {
  const { haven, bare } = pairs(run)[0] ?? {};
  const n = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : 'NaN');
  const h = haven?.summary;
  const b = bare?.summary;
  return [
    'RESULT',
    `p50_ratio=${n(ratio(h?.p50 ?? Number.NaN, b?.p50 ?? Number.NaN), 2)}`,
    `p99_ratio=${n(ratio(h?.p99 ?? Number.NaN, b?.p99 ?? Number.NaN), 2)}`,
    `throughput_ratio=${n(ratio(h?.deliveriesPerSecond ?? Number.NaN, b?.deliveriesPerSecond ?? Number.NaN), 2)}`,
    `p50_ms=${n(h?.p50 ?? Number.NaN, 1)}`,
    `p99_ms=${n(h?.p99 ?? Number.NaN, 1)}`,
    `lost=${h ? h.lost : 'NaN'}`,
  ].join(' ');
}
