import { Dispatcher } from './commands/dispatch.ts';
import { CursorRegistry } from './cursors.ts';
import { Persistence } from './persistence/data-dir.ts';
import { Store } from './store/store.ts';
import { defaultParameters, startTtlMonitor } from './ttl.ts';
import { type StandinLogger, silentLogger } from './types.ts';
import { WireServer } from './wire/server.ts';

export type { StandinLogger } from './types.ts';

export interface MongoStandinOptions {
  dataDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  logger?: StandinLogger;
  /** Journal size that triggers a background snapshot; mainly for tests. Default 64 MiB. */
  compactAfterBytes?: number;
  /**
   * Called once when the journal fails. Every later command but the handshake is refused
   * already; the CLI exits here so a restart serves only what reached the disk.
   */
  onJournalFailure?: (err: Error) => void;
}

export interface MongoStandin {
  port: number;
  host: string;
  uri: string;
  /** Stops listening, waits for in-flight commands and journal flushes, releases the lock. */
  close(): Promise<void>;
  /** Tests only: closes the journal file under the stand-in, so the next write fails. */
  breakJournalForTests(): Promise<void>;
}

/**
 * Starts an in-process MongoDB wire-protocol server backed by memory plus a journal in
 * `dataDir`, for offline development and CI where no mongod is available.
 */
export async function startMongoStandin(opts: MongoStandinOptions): Promise<MongoStandin> {
  const logger = opts.logger ?? silentLogger;
  const host = opts.host ?? '127.0.0.1';
  const store = new Store();
  const persistence = await Persistence.open(
    {
      dir: opts.dataDir,
      logger,
      ...(opts.compactAfterBytes ? { compactAfterBytes: opts.compactAfterBytes } : {}),
      onJournalFailure: (err) => {
        logger.error({ err: err.message }, 'mongo stand-in: journal failed, refusing commands');
        opts.onJournalFailure?.(err);
      },
    },
    store,
  );
  const cursors = new CursorRegistry();
  const parameters = defaultParameters();
  let wire: WireServer | null = null;
  const dispatcher = new Dispatcher({
    store,
    cursors,
    persistence,
    logger,
    server: {
      startedAt: new Date(),
      host: () => host,
      connections: () => wire?.connectionCount ?? 0,
      journal: () => ({ ...persistence.journalStats }),
      parameters,
    },
  });
  wire = new WireServer((msg, conn) => dispatcher.handleMessage(msg, conn), logger);
  let port: number;
  try {
    port = await wire.listen(opts.port ?? 0, host);
  } catch (err) {
    cursors.close();
    await persistence.close();
    throw err;
  }
  const stopTtl = startTtlMonitor(store, persistence, logger, parameters);
  logger.info({ host, port, dataDir: opts.dataDir }, 'mongo stand-in: listening');

  let closing: Promise<void> | null = null;
  const server = wire;
  return {
    port,
    host,
    uri: `mongodb://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    breakJournalForTests: () => persistence.breakJournalForTests(),
    close() {
      closing ??= (async () => {
        stopTtl();
        await server.close();
        cursors.close();
        await persistence.close();
        logger.info({ port }, 'mongo stand-in: closed');
      })();
      return closing;
    },
  };
}
