// Reads the Socket.IO frames the probe recorded on a joining page: each request (an event
// with an ack id) paired with its ack, in the page's own clock.
import type { Frame } from './probe.ts';

export interface Request {
  event: string;
  payload: Record<string, unknown>;
  sent: number;
  acked: number | null;
  reply: unknown;
}

const EVENT = /^42(\/[^,[\d]*,)?(\d+)(\[[\s\S]*)$/;
const ACK = /^43(\/[^,[\d]*,)?(\d+)(\[[\s\S]*)$/;

export function requestsOf(frames: Frame[]): Request[] {
  const open = new Map<string, Request>();
  const all: Request[] = [];
  for (const frame of frames) {
    if (frame.dir === 'out') {
      const m = EVENT.exec(frame.data);
      if (!m) continue;
      const [event, payload] = JSON.parse(m[3] ?? '[]') as [string, Record<string, unknown>];
      const request: Request = {
        event,
        payload: payload ?? {},
        sent: frame.t,
        acked: null,
        reply: null,
      };
      open.set(`${m[1] ?? '/'}${m[2]}`, request);
      all.push(request);
    } else {
      const m = ACK.exec(frame.data);
      if (!m) continue;
      const request = open.get(`${m[1] ?? '/'}${m[2]}`);
      if (!request) continue;
      request.acked = frame.t;
      request.reply = (JSON.parse(m[3] ?? '[]') as unknown[])[0];
    }
  }
  return all;
}

/** Total time covered by the intervals (overlaps counted once). */
export function unionMs(intervals: Array<[number, number]>): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let start = Number.NEGATIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const [s, e] of sorted) {
    if (s > end) {
      if (end > start) total += end - start;
      start = s;
      end = e;
    } else end = Math.max(end, e);
  }
  if (end > start) total += end - start;
  return total;
}

export interface Signalling {
  /** From the first request sent to the ack of the resume of the video consumer. */
  spanMs: number;
  /** Within that span, the time at least one request was waiting for its ack. */
  waitingMs: number;
  /** From the click to the first request sent (page-side work before any signalling). */
  clickToFirstRequestMs: number;
  /** From the video consumer's resume ack to the first frame (media only). */
  resumeToFrameMs: number;
  requests: number;
}

/**
 * The signalling of one join. `first` names the request that starts it (meeting:join for
 * Haven, caps for the bare page); `resume` the request that resumes a consumer, whose
 * consumer id is matched with the video consumer from `consume`'s ack.
 */
export function signallingOf(
  frames: Frame[],
  click: number,
  frame: number,
  names: { first: string; consume: string; resume: string },
): Signalling | null {
  const requests = requestsOf(frames).filter((r) => r.sent >= click);
  const first = requests.find((r) => r.event === names.first);
  const videoConsumerIds = new Set(
    requests
      .filter((r) => r.event === names.consume)
      .map((r) => r.reply as Record<string, unknown> | null)
      .map((reply) => (reply && 'data' in reply ? (reply.data as Record<string, unknown>) : reply))
      .filter((data) => data?.kind === 'video')
      .map((data) => String(data?.consumerId ?? data?.id)),
  );
  const resume = requests.find(
    (r) =>
      r.event === names.resume &&
      videoConsumerIds.has(String(r.payload.consumerId)) &&
      r.acked !== null,
  );
  if (!first || !resume?.acked) return null;
  const end = resume.acked;
  const inside = requests
    .filter((r) => r.acked !== null && r.sent >= first.sent && r.sent <= end)
    .map((r): [number, number] => [r.sent, Math.min(r.acked ?? end, end)]);
  return {
    spanMs: end - first.sent,
    waitingMs: unionMs(inside),
    clickToFirstRequestMs: first.sent - click,
    resumeToFrameMs: frame - end,
    requests: inside.length,
  };
}
