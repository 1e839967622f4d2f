import type { Redis } from 'ioredis';

const RACE = 'Command queue state error';

/**
 * A MONITOR connection like `client`'s, resolved once Redis streams every command to it.
 *
 * Why not `client.monitor()`: ioredis 6 enters monitoring a microtask after Redis's OK, so a
 * command another client sends at that moment reaches it as a reply to nothing; ioredis then
 * emits "Command queue state error" and `monitor()` rejects. On the machine's shared Redis,
 * other test files running beside this one make that happen now and then (a CI run failed
 * on it). Here that error is expected at the start and ignored: the line it drops came before
 * this resolved, so before anything the caller then does. Any other error before monitoring
 * rejects.
 */
export async function openMonitor(client: Redis): Promise<Redis> {
  const monitor = client.duplicate({ monitor: true, lazyConnect: false });
  await new Promise<void>((resolve, reject) => {
    monitor.once('monitoring', resolve);
    monitor.on('error', (error: Error) => {
      if (!error.message.startsWith(RACE)) reject(error);
    });
  });
  return monitor;
}
