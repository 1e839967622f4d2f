import { describe, expect, it } from 'vitest';
import {
  DeliveryStep,
  NO_ACK,
  percentileSorted,
  type StepSummary,
  sortedCopy,
  summarize,
} from '../../scripts/bench/chat/deliveries.ts';
import { type ChatRun, goals, resultLine, type StepRow } from '../../scripts/bench/chat/report.ts';
import { sendDuration } from '../../scripts/bench/chat/server-time.ts';
import { percentile } from '../../scripts/bench/join/stats.ts';

describe('bench:chat percentiles', () => {
  it('interpolates between the closest ranks, as the other benches do', () => {
    const values = [12, 3, 7, 40, 1, 9, 15, 2];
    const sorted = sortedCopy(values);
    for (const p of [0, 25, 50, 90, 99, 100])
      expect(percentileSorted(sorted, p)).toBeCloseTo(percentile(values, p), 10);
    expect(percentileSorted(sortedCopy([]), 50)).toBeNaN();
    // A typed-array sort is numeric, not by string: 10 comes after 9.
    expect([...sortedCopy([10, 9, 100])]).toEqual([9, 10, 100]);
  });
});

describe('bench:chat delivery bookkeeping', () => {
  it('times each receipt from its send, leaving the warm-up out', () => {
    const step = new DeliveryStep(2, 3, 1);
    step.sent(0, 0);
    step.sent(1, 100);
    step.sent(2, 200);
    for (const seq of [0, 1, 2]) step.acked(seq, seq * 100 + 5, null);
    step.received(0, 0, 50); // warm-up: checked, not timed
    step.received(1, 0, 60);
    step.received(0, 1, 110);
    step.received(1, 1, 130);
    step.received(0, 2, 210);
    step.received(1, 2, 300);
    expect(step.complete).toBe(true);
    expect(step.allAcked).toBe(true);
    const s = step.summary();
    expect(s).toMatchObject({
      messages: 2,
      deliveries: 4,
      expected: 4,
      lost: 0,
      incomplete: 0,
      duplicates: 0,
      refused: 0,
    });
    // 10, 30, 10, 100
    expect(s.p50).toBe(20);
    expect(s.max).toBe(100);
    expect(s.ackP50).toBe(5);
    // 4 deliveries from the first measured send (100) to the last receipt (300).
    expect(s.deliveriesPerSecond).toBe(20);
  });

  it('counts what never came, what came twice, and what the server refused', () => {
    const step = new DeliveryStep(3, 2, 0);
    step.sent(0, 0);
    step.sent(1, 10);
    step.acked(0, 1, null);
    step.acked(1, 11, 'RATE_LIMITED');
    step.received(0, 0, 5);
    step.received(0, 0, 6);
    step.received(1, 0, 7);
    // Out of range (another step's line, a sender's own socket): ignored.
    step.received(3, 0, 8);
    step.received(0, 7, 8);
    expect(step.complete).toBe(false);
    const s = step.summary();
    expect(s).toMatchObject({
      messages: 2,
      deliveries: 2,
      expected: 6,
      lost: 4,
      incomplete: 2,
      duplicates: 1,
      refused: 1,
      firstRefusal: 'RATE_LIMITED',
    });
  });

  it('waits for acks of every line sent, and tells a missing ack from a refusal', () => {
    const step = new DeliveryStep(1, 2, 0);
    step.sent(0, 0);
    expect(step.allAcked).toBe(false);
    step.acked(0, 1, NO_ACK);
    expect(step.allAcked).toBe(true);
    step.received(0, 0, 2);
    // Delivered all the same: late acks are not lines that went to nobody.
    expect(step.summary()).toMatchObject({ lost: 0, refused: 0, noAck: 1, firstRefusal: null });
  });
});

describe('bench:chat rounds', () => {
  it('splits each receipt by the node its member is on, and pools the rounds of a step', () => {
    // Members 0 and 1 on the sending node, 2 on the other.
    const first = new DeliveryStep(3, 2, 1, 2);
    first.sent(0, 0);
    first.sent(1, 100);
    for (const seq of [0, 1]) first.acked(seq, seq * 100 + 4, null);
    for (const member of [0, 1, 2]) first.received(member, 0, 1); // warm-up
    first.received(0, 1, 102);
    first.received(1, 1, 104);
    first.received(2, 1, 110);
    const second = new DeliveryStep(3, 1, 0, 2);
    second.sent(0, 1_000);
    second.acked(0, 1_008, null);
    second.received(0, 0, 1_006);
    second.received(1, 0, 1_008);
    // Member 2 never gets it: lost in the pool as in its round.
    expect(first.summary()).toMatchObject({ p50Near: 3, p50Far: 10, lost: 0 });
    const pooled = summarize([first, second]);
    expect(pooled).toMatchObject({
      messages: 2,
      deliveries: 5,
      expected: 6,
      lost: 1,
      incomplete: 1,
      // Near: 2, 4, 6, 8; far: 10.
      p50Near: 5,
      p50Far: 10,
      p50: 6,
      max: 10,
      ackP50: 6,
    });
    // 5 deliveries over the rounds' spans added up: 10 ms (100 to 110) and 8 ms.
    expect(pooled.deliveriesPerSecond).toBeCloseTo(5_000 / 18, 10);
  });
});

const summary = (over: Partial<StepSummary>): StepSummary => ({
  messages: 400,
  deliveries: 200_000,
  expected: 200_000,
  lost: 0,
  incomplete: 0,
  duplicates: 0,
  refused: 0,
  firstRefusal: null,
  noAck: 0,
  p50: 10,
  p99: 20,
  max: 30,
  p50Near: 9,
  p50Far: 11,
  deliveriesPerSecond: 10_000,
  ackP50: 5,
  ackP99: 9,
  ...over,
});
const row = (side: StepRow['side'], rate: number, over: Partial<StepSummary>): StepRow => ({
  side,
  rate,
  members: 500,
  summary: summary(over),
  senderLagP99: 1,
});
const run = (steps: StepRow[]): ChatRun => ({
  steps,
  history: [],
  historyCount: 0,
  seconds: 20,
  senders: 25,
  machine: { cores: 2, loadAtStart: 1, loadAtEnd: 1 },
});

describe('bench:chat RESULT line and goals', () => {
  it("reports the first rate's Haven against bare, with the issue's keys", () => {
    const line = resultLine(
      run([
        row('Haven', 20, { p50: 12.04, p99: 42.66, deliveriesPerSecond: 9_900, lost: 3 }),
        row('bare Socket.IO', 20, { p50: 10, p99: 21, deliveriesPerSecond: 10_000 }),
        row('Haven', 100, { p50: 500 }),
        row('bare Socket.IO', 100, { p50: 14 }),
      ]),
    );
    expect(line).toBe(
      'RESULT p50_ratio=1.20 p99_ratio=2.03 throughput_ratio=0.99 p50_ms=12.0 p99_ms=42.7 lost=3',
    );
  });

  it('says NaN rather than a number when a side is missing', () => {
    expect(resultLine(run([row('Haven', 20, {})]))).toBe(
      'RESULT p50_ratio=NaN p99_ratio=NaN throughput_ratio=NaN p50_ms=10.0 p99_ms=20.0 lost=0',
    );
  });

  it('checks p50 against bare at every rate, p99 at the first, and loss everywhere', () => {
    const checked = goals(
      run([
        row('Haven', 20, { p50: 11, p99: 99 }),
        row('bare Socket.IO', 20, { p50: 10 }),
        row('Haven', 100, { p50: 30, duplicates: 1 }),
        row('bare Socket.IO', 100, { p50: 14, lost: 5 }),
      ]),
    );
    expect(checked.map((g) => [g.goal, g.met])).toEqual([
      ['p50 within 1.2x of bare at 10,000/s', true],
      ['p50 within 1.2x of bare at 50,000/s', false],
      ['p99 under 100 ms at 10,000/s', true],
      // Only Haven's own losses count against it; a duplicate is a failure too.
      ['nothing lost (nor duplicated)', false],
    ]);
  });
});

describe("bench:chat's reading of Haven's own send timing", () => {
  it('takes the chat:send sum and count out of the /metrics exposition', () => {
    const exposition = [
      '# TYPE haven_socket_event_duration_seconds histogram',
      'haven_socket_event_duration_seconds_bucket{le="0.005",namespace="/chat",event="chat:send"} 3',
      'haven_socket_event_duration_seconds_sum{namespace="/chat",event="chat:history"} 9',
      'haven_socket_event_duration_seconds_count{namespace="/chat",event="chat:history"} 90',
      'haven_socket_event_duration_seconds_sum{namespace="/chat",event="chat:send"} 0.125',
      'haven_socket_event_duration_seconds_count{namespace="/chat",event="chat:send"} 25',
      'haven_socket_event_duration_seconds_sum{namespace="/meeting",event="chat:send"} 7',
    ].join('\n');
    expect(sendDuration(exposition)).toEqual({ sum: 0.125, count: 25 });
    expect(sendDuration('')).toEqual({ sum: 0, count: 0 });
  });
});
