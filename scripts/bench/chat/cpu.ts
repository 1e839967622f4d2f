// Where a step's CPU goes, from /proc (bench:data's cpuSnapshot): the two server processes,
// the processes they started (Haven's database), and the bench's own process. Unlike the
// latencies, these do not depend on what else the machine runs.
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuSnapshot } from '../data/probes.ts';

export interface CpuUsed {
  servers: number;
  database: number;
  bench: number;
}

/** CPU ms two server processes, their children and this process use from now on. */
export function cpuMeter(pids: number[]): () => CpuUsed {
  const servers = pids.map((pid) => cpuSnapshot(pid));
  const bench = process.cpuUsage();
  return () => {
    const used = servers.map((read) => read());
    const own = process.cpuUsage(bench);
    return {
      servers: used.reduce((sum, u) => sum + u.haven, 0),
      // Each Haven also has an idle mediasoup worker among its children: a few ms at most.
      database: used.reduce((sum, u) => sum + u.children, 0),
      bench: (own.user + own.system) / 1000,
    };
  };
}

/**
 * Right after a million inserts the database keeps busy for a while (its garbage collector,
 * the stand-in's journal): history pages wait until the processes Haven started (the
 * stand-in; the idle mediasoup worker) use under a tenth of a core for two seconds running.
 */
export async function settle(havenPid: number, maxMs: number): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  while (quiet < 2 && Date.now() - started < maxMs) {
    const read = cpuSnapshot(havenPid);
    await sleep(1_000);
    quiet = read().children < 100 ? quiet + 1 : 0;
  }
  return Date.now() - started;
}
