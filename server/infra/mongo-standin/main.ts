import { parseArgs } from 'node:util';
import { startMongoStandin } from './index.ts';
import { JOURNAL_FAILED_EXIT_CODE, type StandinLogger } from './types.ts';

/**
 * CLI: `tsx server/infra/mongo-standin/main.ts --dir <path> [--port <n>] [--host <h>]
 * [--quiet] [--watch-stdin]`. With --watch-stdin it exits when stdin closes (its parent died).
 * Prints exactly one JSON line `{"event":"listening","port":N}` on stdout once ready;
 * diagnostics go to stderr so stdout stays machine-readable.
 */

const stderrLogger: StandinLogger = {
  info: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'info', msg, ...obj })}\n`),
  warn: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg, ...obj })}\n`),
  error: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'error', msg, ...obj })}\n`),
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      quiet: { type: 'boolean', default: false },
      'watch-stdin': { type: 'boolean', default: false },
    },
  });
  if (!values.dir) {
    process.stderr.write(
      'usage: main.ts --dir <data dir> [--port <n>] [--host <addr>] [--quiet] [--watch-stdin]\n',
    );
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`invalid --port ${values.port}\n`);
    process.exit(2);
  }
  // Handlers go in before startup so a signal that arrives while loading still exits cleanly.
  let standin: Awaited<ReturnType<typeof startMongoStandin>> | null = null;
  let stopSignal: string | null = null;
  const stop = (signal: string): void => {
    if (stopSignal) return;
    stopSignal = signal;
    if (!standin) return; // handled once startup finishes
    standin.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(
          `mongo stand-in: close failed after ${signal}: ${(err as Error).message}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (values['watch-stdin']) {
    // The parent holds the other end of stdin; it closes when the parent exits in any way,
    // SIGKILL included, so the stand-in never outlives the Haven that started it.
    process.stdin.on('end', () => stop('parent exited'));
    process.stdin.on('error', () => stop('parent exited'));
    process.stdin.resume();
  }

  standin = await startMongoStandin({
    dataDir: values.dir,
    port,
    host: values.host,
    // Memory may now hold a write the journal lacks: exit so a restart serves only what is on disk.
    onJournalFailure: () => {
      // After this turn, so the failing write's error reply is on the wire before close()
      // drops the connections.
      setImmediate(() => {
        standin?.close().finally(() => process.exit(JOURNAL_FAILED_EXIT_CODE));
      });
    },
    ...(values.quiet ? {} : { logger: stderrLogger }),
  });
  if (stopSignal) {
    const signal = stopSignal;
    stopSignal = null;
    stop(signal);
    return;
  }
  process.stdout.write(`${JSON.stringify({ event: 'listening', port: standin.port })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`mongo stand-in failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
