// The ping beside a bare server (bare-server.ts): the same probe, the same closed-loop loads of
// the directory's default list (one load per client count), but served by node:http and the
// driver alone.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { httpGet, type LoadPlan, runLoad } from './load.ts';
import { RemotePingProbe } from './probes.ts';

export async function barePing(
  mongoUri: string,
  dbName: string,
  recordedLine: string,
  plan: LoadPlan,
  clientCounts: number[],
  idleMs: number,
): Promise<{ idle: number[]; loaded: number[][] }> {
  const proc = fork(join(import.meta.dirname, 'bare-server.ts'), [mongoUri, dbName], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      proc.once('message', (m) => resolve(m as Record<string, unknown>));
      proc.once('exit', () => reject(new Error('the bare server exited')));
    });
  let probe: RemotePingProbe | null = null;
  try {
    const { url } = (await next()) as { url: string };
    const ready = next();
    proc.send(recordedLine);
    await ready;
    const get = httpGet(url, '');
    await get('/list');
    probe = await RemotePingProbe.connect(url, 'none=0');
    await probe.start();
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const idle = await probe.stop();
    const loaded: number[][] = [];
    for (const clients of clientCounts) {
      await probe.start();
      await runLoad({ ...plan, clients, maxRequests: Number.POSITIVE_INFINITY }, () =>
        get('/list').then(() => undefined),
      );
      loaded.push(await probe.stop());
    }
    return { idle, loaded };
  } finally {
    probe?.close();
    if (proc.connected) proc.disconnect();
  }
}
