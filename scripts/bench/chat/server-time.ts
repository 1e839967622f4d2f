// How long Haven's own handler took per `chat:send` (socket frame in to ack out: schema, both
// limits, membership, storage, the view and the emit), from Haven's own histogram
// haven_socket_event_duration_seconds on the sending node's /metrics (served to loopback).
// Beside the delivery latency it tells the time spent in the send path from the time spent
// carrying the line to 500 sockets.

const SERIES = 'haven_socket_event_duration_seconds';
const LABELS = /namespace="\/chat",event="chat:send"/;

/** The histogram's sum (s) and count for chat:send in a Prometheus text exposition. */
export function sendDuration(exposition: string): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const line of exposition.split('\n')) {
    if (!LABELS.test(line)) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (line.startsWith(`${SERIES}_sum{`)) sum = value;
    else if (line.startsWith(`${SERIES}_count{`)) count = value;
  }
  return { sum, count };
}

/** Mean ms per chat:send on the node at `url` from now until the returned function is called. */
export async function sendTimer(url: string): Promise<() => Promise<number>> {
  const read = async () => sendDuration(await (await fetch(`${url}/metrics`)).text());
  const before = await read();
  return async () => {
    const after = await read();
    const n = after.count - before.count;
    return n > 0 ? ((after.sum - before.sum) * 1000) / n : Number.NaN;
  };
}
