import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverRedis } from '../../../server/infra/redis.ts';
import { startTestHaven } from '../../helpers/haven.ts';
import { capturingLogger } from '../../helpers/logger.ts';

/**
 * Closing a node while its Redis is slow to answer. The Socket.IO Redis adapter
 * unsubscribes on close without awaiting (or catching) the replies, so a node that cut
 * its connection at once left those commands to be rejected with "Connection is closed."
 * as unhandled rejections (CI on Node 22 caught 12 of them: 2 per namespace, 2 nodes).
 */
describe('closing a node of the cluster', () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  afterEach(() => {
    process.off('unhandledRejection', onRejection);
  });

  it('lets the adapter’s last Redis commands finish instead of leaving them rejected', async () => {
    const { logger } = capturingLogger();
    // A Redis of its own (never 127.0.0.1:1), so pausing it slows no other test.
    const redis = await discoverRedis({ localUrl: 'redis://127.0.0.1:1', logger });
    expect(redis.backend).toBe('spawned');
    const haven = await startTestHaven({ redis });
    process.on('unhandledRejection', onRejection);
    const admin = new Redis(redis.url as string);
    try {
      // Every client's commands wait 300 ms: the unsubscribes are still pending at close.
      await admin.call('CLIENT', 'PAUSE', '300', 'ALL');
      await haven.close();
      // Unhandled rejections are reported after the microtask queue drains.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      admin.disconnect();
    }
    expect(rejections.map((reason) => String(reason))).toEqual([]);
  });
});
