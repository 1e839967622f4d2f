// What one step of the delivery benchmark saw: when each line was sent, which members got it,
// and when. Send and receive are timed in this one process (performance.now), so no clocks
// are compared. Pure bookkeeping, with no sockets in it, so it is unit-tested on its own.

export interface StepSummary {
  /** Lines sent in the measured window (the warm-up's are left out). */
  messages: number;
  /** Distinct (member, line) receipts of those lines. */
  deliveries: number;
  expected: number;
  /** expected - deliveries: receipts that never came. */
  lost: number;
  /** Lines at least one member never got. */
  incomplete: number;
  /** A member receiving the same line again (should be 0). */
  duplicates: number;
  /** Sends the server refused (their ack was not ok): their lines went to nobody. */
  refused: number;
  firstRefusal: string | null;
  /** Sends with no ack in time (their lines may still have been delivered, late). */
  noAck: number;
  p50: number;
  p99: number;
  max: number;
  /** p50 of the members on the sending node, and of those on the other. */
  p50Near: number;
  p50Far: number;
  /** Measured deliveries over the time from the first measured send to the last receipt. */
  deliveriesPerSecond: number;
  /** Send to ack, the sender's view of its own line (p50 and p99). */
  ackP50: number;
  ackP99: number;
}

/** Percentile by linear interpolation between the closest ranks, of an ascending array. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (rank - low);
}

export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

export const NO_ACK = Symbol('no ack');

export class DeliveryStep {
  readonly members: number;
  /** Every line of the step, warm-up first. */
  readonly total: number;
  /** Lines before this sequence number are the warm-up: delivered, checked, not measured. */
  readonly measuredFrom: number;
  readonly #sentAt: Float64Array;
  readonly #ackedAt: Float64Array;
  readonly #receivers: Uint16Array;
  readonly #seen: Uint8Array;
  /** Members numbered below this are on the sending node (main.ts connects them first). */
  readonly #near: number;
  readonly #nearLatencies: number[] = [];
  readonly #farLatencies: number[] = [];
  #duplicates = 0;
  #refused = 0;
  #noAck = 0;
  #firstRefusal: string | null = null;
  #acks = 0;
  #sent = 0;
  #receipts = 0;
  #lastReceipt = Number.NaN;

  constructor(members: number, total: number, measuredFrom: number, near = members) {
    if (members > 65_535) throw new Error('at most 65,535 members a step');
    this.members = members;
    this.#near = near;
    this.total = total;
    this.measuredFrom = measuredFrom;
    this.#sentAt = new Float64Array(total).fill(Number.NaN);
    this.#ackedAt = new Float64Array(total).fill(Number.NaN);
    this.#receivers = new Uint16Array(total);
    this.#seen = new Uint8Array(members * total);
  }

  sent(seq: number, at: number): void {
    if (Number.isNaN(this.#sentAt[seq] ?? 0)) this.#sent++;
    this.#sentAt[seq] = at;
  }

  /** `refusal`: null for an ok ack, the error code otherwise; `noAck` when none came in time. */
  acked(seq: number, at: number, refusal: string | null | typeof NO_ACK): void {
    this.#acks++;
    if (refusal === null) {
      this.#ackedAt[seq] = at;
    } else if (refusal === NO_ACK) {
      this.#noAck++;
    } else {
      this.#refused++;
      this.#firstRefusal ??= refusal;
    }
  }

  /** Receipts and acks so far: while it grows, late lines are still coming in. */
  get progress(): number {
    return this.#acks + this.#receipts + this.#duplicates;
  }

  /** Every sent line has its ack (ok or not). */
  get allAcked(): boolean {
    return this.#acks >= this.#sent;
  }

  received(member: number, seq: number, at: number): void {
    if (seq < 0 || seq >= this.total || member < 0 || member >= this.members) return;
    const slot = member * this.total + seq;
    if (this.#seen[slot]) {
      this.#duplicates++;
      return;
    }
    this.#seen[slot] = 1;
    this.#receipts++;
    this.#receivers[seq] = (this.#receivers[seq] ?? 0) + 1;
    if (seq >= this.measuredFrom) {
      const latency = at - (this.#sentAt[seq] ?? Number.NaN);
      (member < this.#near ? this.#nearLatencies : this.#farLatencies).push(latency);
      this.#lastReceipt = at;
    }
  }

  /** Every sent line reached every member (the drain can stop waiting). */
  get complete(): boolean {
    for (let seq = 0; seq < this.total; seq++)
      if (!Number.isNaN(this.#sentAt[seq] ?? Number.NaN) && this.#receivers[seq] !== this.members)
        return false;
    return true;
  }

  summary(): StepSummary {
    return summarize([this]);
  }

  /** What `summarize` pools over a step's rounds. */
  tally(): Tally {
    let messages = 0;
    let deliveries = 0;
    let incomplete = 0;
    let firstSend = Number.POSITIVE_INFINITY;
    const acks: number[] = [];
    for (let seq = this.measuredFrom; seq < this.total; seq++) {
      const sentAt = this.#sentAt[seq] ?? Number.NaN;
      if (Number.isNaN(sentAt)) continue;
      messages++;
      firstSend = Math.min(firstSend, sentAt);
      const got = this.#receivers[seq] ?? 0;
      deliveries += got;
      if (got < this.members) incomplete++;
      const ackedAt = this.#ackedAt[seq] ?? Number.NaN;
      if (!Number.isNaN(ackedAt)) acks.push(ackedAt - sentAt);
    }
    return {
      members: this.members,
      messages,
      deliveries,
      incomplete,
      duplicates: this.#duplicates,
      refused: this.#refused,
      firstRefusal: this.#firstRefusal,
      noAck: this.#noAck,
      near: this.#nearLatencies,
      far: this.#farLatencies,
      acks,
      spanMs: this.#lastReceipt - firstSend,
    };
  }
}

interface Tally {
  members: number;
  messages: number;
  deliveries: number;
  incomplete: number;
  duplicates: number;
  refused: number;
  firstRefusal: string | null;
  noAck: number;
  near: number[];
  far: number[];
  acks: number[];
  /** From the first measured send to the last measured receipt. */
  spanMs: number;
}

/**
 * One summary of a step run in rounds (main.ts alternates Haven's and bare's): receipts and
 * latencies pooled, deliveries a second over the rounds' spans added up.
 */
export function summarize(rounds: DeliveryStep[]): StepSummary {
  const tallies = rounds.map((r) => r.tally());
  const sum = (pick: (t: Tally) => number) => tallies.reduce((n, t) => n + pick(t), 0);
  const pooled = (pick: (t: Tally) => number[]) => sortedCopy(tallies.flatMap(pick));
  const near = pooled((t) => t.near);
  const far = pooled((t) => t.far);
  const latencies = sortedCopy([...near, ...far]);
  const acks = pooled((t) => t.acks);
  const messages = sum((t) => t.messages);
  const deliveries = sum((t) => t.deliveries);
  const expected = sum((t) => t.messages * t.members);
  const spanMs = sum((t) => (t.spanMs > 0 ? t.spanMs : 0));
  return {
    messages,
    deliveries,
    expected,
    lost: expected - deliveries,
    incomplete: sum((t) => t.incomplete),
    duplicates: sum((t) => t.duplicates),
    refused: sum((t) => t.refused),
    firstRefusal: tallies.find((t) => t.firstRefusal !== null)?.firstRefusal ?? null,
    noAck: sum((t) => t.noAck),
    p50: percentileSorted(latencies, 50),
    p99: percentileSorted(latencies, 99),
    max: latencies.length ? (latencies[latencies.length - 1] ?? Number.NaN) : Number.NaN,
    p50Near: percentileSorted(near, 50),
    p50Far: percentileSorted(far, 50),
    deliveriesPerSecond: spanMs > 0 ? (deliveries * 1000) / spanMs : Number.NaN,
    ackP50: percentileSorted(acks, 50),
    ackP99: percentileSorted(acks, 99),
  };
}
