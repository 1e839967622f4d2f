import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { standinChildEntry } from './child-entry.ts';
import { JOURNAL_FAILED_EXIT_CODE, type StandinLogger } from './types.ts';

export interface StandinProcessOptions {
  dataDir: string;
  host?: string;
  logger: StandinLogger;
  /** First wait before a restart; doubles per failed attempt up to 5 s. */
  restartDelayMs?: number;
}

export interface StandinProcess {
  host: string;
  port: number;
  uri: string;
  /** The child's pid, or null while it is down. */
  pid(): number | null;
  /** True from an unexpected exit until the restarted child listens again. */
  restarting(): boolean;
  /** How many times the child has exited unexpectedly so far. */
  crashes(): number;
  /** Stops the child (it finishes in-flight writes and releases its lock) and any restart. */
  close(): Promise<void>;
}

const MAX_RESTART_DELAY_MS = 5_000;
const STOP_GRACE_MS = 10_000;
type Level = 'info' | 'warn' | 'error';

interface Running {
  child: ChildProcess;
  port: number;
}

/**
 * Runs the stand-in (main.ts) as a child process, so Haven's event loop never executes a
 * query, and keeps it running: an unexpected exit is logged and the child is restarted on
 * the same data dir and port, where the driver finds it again by itself. The child watches
 * its stdin, a pipe from this process, and exits when it closes: Haven cannot leave an
 * orphan behind, even when it is SIGKILLed.
 */
export async function startStandinProcess(opts: StandinProcessOptions): Promise<StandinProcess> {
  const host = opts.host ?? '127.0.0.1';
  const { logger } = opts;
  const firstDelay = opts.restartDelayMs ?? 100;
  const entry = await standinChildEntry();
  let current: Running | null = await spawnStandin(entry.nodeArgs, opts.dataDir, host, 0, logger);
  const port = current.port;
  let closing = false;
  let restartTimer: NodeJS.Timeout | null = null;
  let crashes = 0;

  const restart = (attempt: number): void => {
    const delay = Math.min(firstDelay * 2 ** attempt, MAX_RESTART_DELAY_MS);
    restartTimer = setTimeout(() => {
      restartTimer = null;
      // Asked again: a Haven running for days may have had its bundle pruned by another start.
      standinChildEntry()
        .then((again) => spawnStandin(again.nodeArgs, opts.dataDir, host, port, logger))
        .then(
          (running) => {
            if (closing) {
              running.child.kill('SIGTERM');
              return;
            }
            current = running;
            watch(running);
            logger.info({ pid: running.child.pid, port, attempt }, 'mongo stand-in: restarted');
          },
          (err: Error) => {
            if (closing) return;
            logger.error({ err: err.message, port, attempt }, 'mongo stand-in: restart failed');
            restart(attempt + 1);
          },
        );
    }, delay);
  };

  const watch = (running: Running): void => {
    running.child.once('exit', (code, signal) => {
      if (current === running) current = null;
      if (closing) return;
      crashes += 1;
      const reason = code === JOURNAL_FAILED_EXIT_CODE ? 'journal failed' : 'crashed';
      logger.error(
        { pid: running.child.pid, code, signal, reason },
        'mongo stand-in: exited unexpectedly, restarting',
      );
      restart(0);
    });
  };
  watch(current);
  logger.info({ pid: current.child.pid, port, entry: entry.kind }, 'mongo stand-in: child started');

  let closed: Promise<void> | null = null;
  return {
    host,
    port,
    uri: `mongodb://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    pid: () => current?.child.pid ?? null,
    restarting: () => !closing && current === null,
    crashes: () => crashes,
    close() {
      closed ??= (async () => {
        closing = true;
        if (restartTimer) clearTimeout(restartTimer);
        if (current) await stopChild(current.child);
      })();
      return closed;
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(force);
}

/** Starts one child and resolves once it listens; rejects with its last words if it exits first. */
function spawnStandin(
  nodeArgs: string[],
  dataDir: string,
  host: string,
  port: number,
  logger: StandinLogger,
): Promise<Running> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--dir', dataDir, '--port', String(port), '--host', host, '--watch-stdin'],
    // Its own process group: a Ctrl-C meant for Haven must not stop the stand-in under Haven's
    // feet (Haven stops it last, after the app); the stdin pipe still ends it with Haven.
    { stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  const lastWords: string[] = [];
  forwardLog(child, logger, lastWords);
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const onExit = (code: number | null, signal: string | null): void => {
      lines.close();
      reject(
        new Error(
          `stand-in exited (${signal ?? code}) before listening: ${lastWords.join(' | ') || 'no output'}`,
        ),
      );
    };
    child.once('exit', onExit);
    child.once('error', reject);
    lines.once('line', (line) => {
      child.off('exit', onExit);
      lines.close();
      child.stdout?.resume();
      try {
        const msg = JSON.parse(line) as { event?: string; port?: number };
        if (msg.event === 'listening' && typeof msg.port === 'number') {
          resolve({ child, port: msg.port });
          return;
        }
      } catch {
        // falls through to the rejection below
      }
      child.kill('SIGKILL');
      reject(new Error('stand-in printed something other than its listening line'));
    });
  });
}

/** The child logs JSON lines on stderr; they go to Haven's logger with the child's pid. */
function forwardLog(child: ChildProcess, logger: StandinLogger, lastWords: string[]): void {
  const lines = createInterface({ input: child.stderr as NodeJS.ReadableStream });
  lines.on('line', (line) => {
    let entry: { level?: string; msg?: string } & Record<string, unknown>;
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      lastWords.push(line);
      if (lastWords.length > 3) lastWords.shift();
      logger.error({ pid: child.pid }, 'mongo stand-in: unstructured output on stderr');
      return;
    }
    const { level, msg, ...fields } = entry;
    const method: Level = level === 'warn' || level === 'error' ? level : 'info';
    logger[method]({ ...fields, pid: child.pid }, msg);
  });
}
