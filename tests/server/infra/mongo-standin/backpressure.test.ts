import { once } from 'node:events';
import { connect as tcpConnect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../server/infra/mongo-standin/types.ts';
import { WireServer } from '../../../../server/infra/mongo-standin/wire/server.ts';

const REQUESTS = 64;
const REPLY_BYTES = 1024 * 1024;

let server: WireServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A minimal well-framed message: the server only splits frames, the handler reads nothing. */
function message(): Buffer {
  const msg = Buffer.alloc(16);
  msg.writeInt32LE(16, 0);
  return msg;
}

/**
 * Resolves once `read()` has not changed for `quietMs`. There is no event for "the server
 * stopped taking requests", so stillness over a period is what shows it.
 */
async function settled(read: () => number, quietMs = 300): Promise<number> {
  let last = read();
  for (;;) {
    await delay(quietMs);
    const now = read();
    if (now === last) return now;
    last = now;
  }
}

describe('mongo stand-in wire backpressure', () => {
  it('stops taking requests from a client that does not read its replies, until it does', async () => {
    let handled = 0;
    server = new WireServer(async () => {
      handled++;
      return Buffer.alloc(REPLY_BYTES);
    }, silentLogger);
    const port = await server.listen(0, '127.0.0.1');
    const client = tcpConnect(port, '127.0.0.1');
    await once(client, 'connect');
    client.pause();
    client.write(Buffer.concat(Array.from({ length: REQUESTS }, message)));

    await expect.poll(() => handled).toBeGreaterThan(0);
    // Only as many replies as the kernel's socket buffers hold, not all 64 MiB in memory.
    expect(await settled(() => handled)).toBeLessThan(REQUESTS / 2);

    let received = 0;
    client.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    client.resume();
    await expect.poll(() => received, { timeout: 10_000 }).toBe(REQUESTS * REPLY_BYTES);
    expect(handled).toBe(REQUESTS);
    client.destroy();
  });
});
