// bench:join, run by run.mjs inside a loopback-only network namespace: the time from a click
// on Join to the first remote video frame, in Haven and on a bare mediasoup-client page, in
// one run, interleaved join by join. Prints a markdown table, writes bench-results/join.png
// (and join.json with every sample) and ends with one RESULT line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../tests/helpers/browser.ts';
import { type BareSide, startBareSide } from './bare-side.ts';
import { joinChartSvg, renderPng } from './chart.ts';
import { type HavenSide, startHavenSide } from './haven-side.ts';
import { type Joiner, type JoinSample, sampleOf } from './joiner.ts';
import { requestsOf, type Signalling, signallingOf } from './signalling.ts';
import { max, median, percentile } from './stats.ts';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    burst: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '1' },
  },
});
const RUNS = Number(opts.runs);
const BURST = Number(opts.burst);
const WARMUP = Number(opts.warmup);
const OUT_DIR = join(import.meta.dirname, '..', '..', '..', 'bench-results');

const HAVEN_NAMES = {
  first: 'meeting:join',
  consume: 'media:consume',
  resume: 'media:resumeConsumer',
};
const BARE_NAMES = { first: 'caps', consume: 'consume', resume: 'resume' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.error(`[bench:join] ${line}`);

interface Side {
  name: 'haven' | 'bare';
  prepare(): Promise<Joiner>;
}

interface Sample extends JoinSample {
  signalling: Signalling | null;
}

function withSignalling(side: Side, sample: JoinSample): Sample {
  const { click, frame, frames } = sample.probe;
  const names = side.name === 'haven' ? HAVEN_NAMES : BARE_NAMES;
  return { ...sample, signalling: signallingOf(frames, click ?? 0, frame ?? 0, names) };
}

/** One join on a fresh page; null when no frame came within the timeout. */
async function once(side: Side): Promise<Sample | null> {
  const joiner = await side.prepare();
  try {
    await sleep(300);
    await joiner.click();
    return withSignalling(side, await sampleOf(joiner));
  } catch (error) {
    log(`${side.name} join failed: ${(error as Error).message.split('\n')[0]}`);
    return null;
  } finally {
    await joiner.close();
    // Let the server notice the socket go and tear the peer down before the next join.
    await sleep(500);
  }
}

/** `n` pages prepared, then all clicked at once; each timed from its own click. */
async function burst(side: Side, n: number): Promise<{ samples: Sample[]; failed: number }> {
  const joiners: Joiner[] = [];
  for (let i = 0; i < n; i++) joiners.push(await side.prepare());
  await sleep(500);
  try {
    await Promise.all(joiners.map((j) => j.click()));
    const results = await Promise.allSettled(joiners.map((j) => sampleOf(j, 30_000)));
    const samples = results
      .filter((r): r is PromiseFulfilledResult<JoinSample> => r.status === 'fulfilled')
      .map((r) => withSignalling(side, r.value));
    return { samples, failed: n - samples.length };
  } finally {
    await Promise.all(joiners.map((j) => j.close()));
    await sleep(1000);
  }
}

const round = (v: number) => (Number.isFinite(v) ? Math.round(v) : Number.NaN);
const fmt = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : 'n/a');
const sig = (samples: Sample[], pick: (s: Signalling) => number) =>
  samples.flatMap((s) => (s.signalling ? [pick(s.signalling)] : []));

async function main() {
  const browsers: Browser[] = [];
  let havenSide: HavenSide | null = null;
  let bareSide: BareSide | null = null;
  const seq: Record<'haven' | 'bare', Sample[]> = { haven: [], bare: [] };
  const failed = { haven: 0, bare: 0 };
  let bursts: Record<'haven' | 'bare', { samples: Sample[]; failed: number }>;
  let serverEvents: Array<{ event: string; count: number; meanMs: number }> = [];
  try {
    const producerBrowser = await launchChromium();
    browsers.push(producerBrowser);
    const joinerBrowser = await launchChromium();
    browsers.push(joinerBrowser);
    log('building the bare page and starting the bare server');
    bareSide = await startBareSide(producerBrowser, joinerBrowser);
    log('starting Haven; the host joins, turns the camera on and sets auto-admit');
    havenSide = await startHavenSide(producerBrowser, joinerBrowser, WARMUP + RUNS + BURST);
    const sides: Side[] = [
      { name: 'haven', prepare: (havenSide as HavenSide).prepare },
      { name: 'bare', prepare: (bareSide as BareSide).prepare },
    ];
    await sleep(2000);
    for (let i = 0; i < WARMUP; i++) for (const side of sides) await once(side);
    const before = await havenSide.eventTimes();
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first, so neither always follows the other's teardown.
      for (const side of i % 2 === 0 ? sides : [...sides].reverse()) {
        const sample = await once(side);
        if (sample) seq[side.name].push(sample);
        else failed[side.name]++;
        log(
          `join ${i + 1}/${RUNS} ${side.name}: ${sample ? `${Math.round(sample.ms)} ms` : 'failed'}`,
        );
      }
    }
    const after = await havenSide.eventTimes();
    serverEvents = [...after]
      .map(([event, a]) => {
        const b = before.get(event) ?? { count: 0, sumMs: 0 };
        const count = a.count - b.count;
        return { event, count, meanMs: count ? (a.sumMs - b.sumMs) / count : 0 };
      })
      .filter((e) => e.count > 0);
    log(`${BURST} joining at once`);
    bursts = {
      haven: await burst(sides[0] as Side, BURST),
      bare: await burst(sides[1] as Side, BURST),
    };
  } finally {
    await havenSide?.close().catch(() => undefined);
    await bareSide?.close().catch(() => undefined);
    for (const browser of browsers) await browser.close().catch(() => undefined);
  }
  report(seq, failed, bursts, serverEvents);
}

/** One join for join.json: its time, signalling, and every request (event, sent, acked in ms after the click). */
const detail = ({ ms, signalling, probe }: Sample) => ({
  ms,
  signalling,
  requests: requestsOf(probe.frames).map((r) => [
    r.event,
    Math.round(r.sent - (probe.click ?? 0)),
    r.acked === null ? null : Math.round(r.acked - (probe.click ?? 0)),
  ]),
});

function report(
  seq: Record<'haven' | 'bare', Sample[]>,
  failed: Record<'haven' | 'bare', number>,
  bursts: Record<'haven' | 'bare', { samples: Sample[]; failed: number }>,
  serverEvents: Array<{ event: string; count: number; meanMs: number }>,
) {
  const ms = (samples: Sample[]) => samples.map((s) => s.ms);
  const h = ms(seq.haven);
  const b = ms(seq.bare);
  const hb = ms(bursts.haven.samples);
  const bb = ms(bursts.bare.samples);
  const hP50 = median(h);
  const bP50 = median(b);
  const hP95 = percentile(h, 95);
  const bP95 = percentile(b, 95);
  const ratio = hP50 / bP50;
  const burstMax = bursts.haven.failed ? Number.POSITIVE_INFINITY : max(hb);
  const bareBurstMax = bursts.bare.failed ? Number.POSITIVE_INFINITY : max(bb);
  const waiting = sig(seq.haven, (s) => s.waitingMs);
  const span = sig(seq.haven, (s) => s.spanMs);
  const clickSpread = (samples: Sample[]) =>
    samples.length
      ? max(samples.map((s) => s.clickAt)) - Math.min(...samples.map((s) => s.clickAt))
      : Number.NaN;

  const yes = (ok: boolean) => (ok ? 'met' : '**not met**');
  const goals = [
    ['Haven p50 within 1.4x of bare', ratio <= 1.4, `${ratio.toFixed(2)}x`],
    ['Haven p50 under 500 ms', hP50 < 500, `${fmt(hP50)} ms`],
    ['Haven p95 under 1.2 s', hP95 < 1200 && failed.haven === 0, `${fmt(hP95)} ms`],
    [
      `slowest of ${BURST} at once within 2x of sequential p95`,
      burstMax <= 2 * hP95,
      `${fmt(burstMax)} ms vs ${fmt(2 * hP95)} ms`,
    ],
  ] as const;

  const lines = [
    '',
    `## Join time: click on Join to first remote video frame (${RUNS} sequential joins each, interleaved; ${BURST} at once)`,
    '',
    '| measure | Haven | bare mediasoup-client |',
    '|---|---:|---:|',
    `| sequential p50, ms | ${fmt(hP50)} | ${fmt(bP50)} |`,
    `| sequential p95, ms | ${fmt(hP95)} | ${fmt(bP95)} |`,
    `| sequential min / max, ms | ${fmt(Math.min(...h))} / ${fmt(max(h))} | ${fmt(Math.min(...b))} / ${fmt(max(b))} |`,
    `| sequential joins failed (no frame in 20 s) | ${failed.haven} | ${failed.bare} |`,
    `| ${BURST} at once: slowest, ms | ${fmt(burstMax)} | ${fmt(bareBurstMax)} |`,
    `| ${BURST} at once: p50, ms | ${fmt(median(hb))} | ${fmt(median(bb))} |`,
    `| ${BURST} at once: failed / click spread, ms | ${bursts.haven.failed} / ${fmt(clickSpread(bursts.haven.samples))} | ${bursts.bare.failed} / ${fmt(clickSpread(bursts.bare.samples))} |`,
    `| click to first request, p50 ms | ${fmt(median(sig(seq.haven, (s) => s.clickToFirstRequestMs)))} | ${fmt(median(sig(seq.bare, (s) => s.clickToFirstRequestMs)))} |`,
    `| signalling span (first request sent to video resume acked), p50 / p95 ms | ${fmt(median(span))} / ${fmt(percentile(span, 95))} | ${fmt(median(sig(seq.bare, (s) => s.spanMs)))} / ${fmt(
      percentile(
        sig(seq.bare, (s) => s.spanMs),
        95,
      ),
    )} |`,
    `| waiting on the server within the span, p50 / p95 ms | ${fmt(median(waiting))} / ${fmt(percentile(waiting, 95))} | ${fmt(median(sig(seq.bare, (s) => s.waitingMs)))} / ${fmt(
      percentile(
        sig(seq.bare, (s) => s.waitingMs),
        95,
      ),
    )} |`,
    `| requests in the span, p50 | ${fmt(median(sig(seq.haven, (s) => s.requests)))} | ${fmt(median(sig(seq.bare, (s) => s.requests)))} |`,
    `| video resume acked to first frame, p50 ms | ${fmt(median(sig(seq.haven, (s) => s.resumeToFrameMs)))} | ${fmt(median(sig(seq.bare, (s) => s.resumeToFrameMs)))} |`,
    '',
    '| goal | measured | |',
    '|---|---:|---|',
    ...goals.map(([goal, ok, measured]) => `| ${goal} | ${measured} | ${yes(ok)} |`),
    '',
    'Server-side handling time per event during the sequential Haven joins (haven_socket_event_duration_seconds):',
    '',
    '| event | count | mean ms |',
    '|---|---:|---:|',
    ...serverEvents.map((e) => `| ${e.event} | ${e.count} | ${e.meanMs.toFixed(1)} |`),
    '',
    'Timing is in the joining page: performance.now() at the click (capture listener) and at the first',
    'requestVideoFrameCallback of a remote <video>. "Waiting on the server" is the time, between',
    'meeting:join leaving the page and the ack of media:resumeConsumer for the video consumer, during which',
    'at least one Socket.IO request was awaiting its ack (overlaps counted once; loopback transit included).',
    'p95 interpolates between the closest ranks. One warm-up join per side is not counted.',
    '',
  ];
  console.log(lines.join('\n'));

  mkdirSync(OUT_DIR, { recursive: true });
  const png = join(OUT_DIR, 'join.png');
  const svg = joinChartSvg(
    [
      { label: 'Haven, sequential', color: '#1f6feb', values: h },
      { label: 'bare, sequential', color: '#8a8a8a', values: b },
      { label: `Haven, ${BURST} at once`, color: '#1f6feb', values: hb },
      { label: `bare, ${BURST} at once`, color: '#8a8a8a', values: bb },
      { label: 'Haven, waiting on server', color: '#d97706', values: waiting },
    ],
    [
      { label: 'p50 goal 500 ms', ms: 500 },
      { label: 'p95 goal 1.2 s', ms: 1200 },
    ],
    'Join time: click on Join to first remote video frame (loopback, headless Chromium)',
  );
  writeFileSync(png, renderPng(svg));
  writeFileSync(
    join(OUT_DIR, 'join.json'),
    `${JSON.stringify(
      {
        sequential: {
          haven: seq.haven.map(detail),
          bare: seq.bare.map(detail),
        },
        burst: {
          haven: bursts.haven.samples.map(detail),
          bare: bursts.bare.samples.map(detail),
        },
        failed,
        serverEvents,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Chart: ${png}`);
  console.log(
    `RESULT join_p50_ms=${round(hP50)} bare_join_p50_ms=${round(bP50)} join_ratio_to_bare=${ratio.toFixed(2)} join_p95_ms=${round(hP95)} burst8_max_ms=${round(burstMax)} signalling_p95_ms=${round(percentile(waiting, 95))}`,
  );
}

main().catch((error) => {
  console.error(`[bench:join] ${error?.stack ?? error}`);
  process.exit(1);
});
