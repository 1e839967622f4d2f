import { parseArgs } from 'node:util';
import { startMongoStandin } from './index.ts';
import type { StandinLogger } from './types.ts';

/**
 * CLI: `tsx server/infra/mongo-standin/main.ts --dir <path> [--port <n>] [--host <h>]`.
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
    },
  });
  if (!values.dir) {
    process.stderr.write(
      'usage: main.ts --dir <data dir> [--port <n>] [--host <addr>] [--quiet]\n',
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

  standin = await startMongoStandin({
    dataDir: values.dir,
    port,
    host: values.host,
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
