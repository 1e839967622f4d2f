// A process's CPU time from /proc/<pid>/stat: utime + stime, in seconds.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let clockTicks: number | undefined;

/** USER_HZ, the unit of /proc/<pid>/stat times (100 on Linux almost always). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout;
    clockTicks = Number(out?.trim()) || 100;
  }
  return clockTicks;
}

/** Parses a /proc/<pid>/stat line; fields after the command name, which may hold spaces. */
export function cpuTicksFromStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Field 3 (state) is fields[0], so utime (14) and stime (15) are fields[11] and [12].
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error('unreadable stat line');
  return utime + stime;
}

export function cpuSeconds(pid: number): number {
  return cpuTicksFromStat(readFileSync(`/proc/${pid}/stat`, 'utf8')) / ticksPerSecond();
}

/** Seconds of CPU the whole machine spent busy (all cores; not idle, not waiting on I/O). */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [, ...ticks] = line.trim().split(/\s+/).map(Number);
  const total = ticks.slice(0, 8).reduce((a, b) => a + (b ?? 0), 0); // up to steal
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return (total - idle) / ticksPerSecond();
}
