import type { CursorRegistry } from '../cursors.ts';
import { Codes, CommandError, errorReply, toCommandError } from '../errors.ts';
import type { Persistence } from '../persistence/data-dir.ts';
import type { Store } from '../store/store.ts';
import type { Doc, StandinLogger } from '../types.ts';
import { decodeMessage, encodeOpMsg, encodeOpReply, WireFormatError } from '../wire/codec.ts';
import type { ConnectionInfo } from '../wire/server.ts';
import { collModCommands } from './coll-mod.ts';
import type { CommandContext, CommandHandler, ServerInfo } from './context.ts';
import { ddlCommands } from './ddl.ts';
import { explainCommands } from './explain.ts';
import { findAndModifyCommands } from './find-and-modify.ts';
import { handshakeCommands } from './handshake.ts';
import { indexCommands } from './indexes.ts';
import { parameterCommands } from './parameters.ts';
import { readCommands } from './read.ts';
import { writeCommands } from './write.ts';

const COMMANDS = new Map<string, CommandHandler>(
  Object.entries({
    ...handshakeCommands,
    ...parameterCommands,
    ...ddlCommands,
    ...collModCommands,
    ...indexCommands,
    ...writeCommands,
    ...findAndModifyCommands,
    ...readCommands,
    ...explainCommands,
  }),
);

/**
 * Answered even after a journal failure: they read no data, and the driver needs them to
 * learn that this server is still there.
 */
const HANDSHAKE = new Set(Object.keys(handshakeCommands));

export const supportedCommands = (): string[] => Array.from(COMMANDS.keys()).sort();

export interface DispatcherDeps {
  store: Store;
  cursors: CursorRegistry;
  persistence: Persistence;
  logger: StandinLogger;
  server: ServerInfo;
}

/** Stack frames without the message line: error messages may quote document values. */
function stackOnly(err: unknown): string | undefined {
  return err instanceof Error ? err.stack?.split('\n').slice(1, 6).join('\n') : undefined;
}

/** A reply BSON cannot encode (over the size limit) becomes an error reply, not a dropped connection. */
function encodeReply(
  encode: (responseTo: number, doc: Doc) => Buffer,
  responseTo: number,
  reply: Doc,
): Buffer {
  try {
    return encode(responseTo, reply);
  } catch (err) {
    if (!(err instanceof RangeError) && (err as Error).name !== 'BSONError') throw err;
    return encode(
      responseTo,
      errorReply(
        new CommandError(Codes.BSONObjectTooLarge, 'reply exceeds the maximum BSON document size'),
      ),
    );
  }
}

export class Dispatcher {
  private readonly deps: DispatcherDeps;
  private readonly reportedUnknown = new Set<string>();

  constructor(deps: DispatcherDeps) {
    this.deps = deps;
  }

  async handleMessage(msg: Buffer, conn: ConnectionInfo): Promise<Buffer | null> {
    let req: ReturnType<typeof decodeMessage>;
    try {
      req = decodeMessage(msg);
    } catch (err) {
      if (!(err instanceof WireFormatError) && !(err instanceof RangeError)) throw err;
      this.deps.logger.warn(
        { conn: conn.id, err: err.message },
        'mongo stand-in: malformed message',
      );
      throw err;
    }
    if (req.kind === 'msg') {
      const reply = await this.run(req.body, conn);
      // moreToCome requests (w:0 writes) must not be answered.
      return req.moreToCome ? null : encodeReply(encodeOpMsg, req.requestId, reply);
    }
    if (req.kind === 'query') {
      // Only the legacy handshake (and very old tools) still use OP_QUERY, always on `db.$cmd`.
      if (!req.collection.endsWith('.$cmd')) {
        return encodeOpReply(req.requestId, {
          $err: 'OP_QUERY is no longer supported for queries; use OP_MSG',
          code: 5739101,
          ok: 0,
        });
      }
      const inner = req.query.$query;
      const body: Doc =
        inner && typeof inner === 'object' ? { ...(inner as Doc) } : { ...req.query };
      body.$db = req.collection.slice(0, -'.$cmd'.length);
      return encodeReply(encodeOpReply, req.requestId, await this.run(body, conn));
    }
    this.deps.logger.warn(
      { conn: conn.id, opCode: req.opCode },
      'mongo stand-in: unsupported opcode',
    );
    throw new WireFormatError(`unsupported opcode ${req.opCode}`);
  }

  /** Executes one command and, if it changed anything, waits until that is durable. */
  async run(body: Doc, conn: ConnectionInfo): Promise<Doc> {
    const name = Object.keys(body)[0] ?? '';
    const { store, cursors, persistence, logger, server } = this.deps;
    let reply: Doc;
    try {
      const handler = COMMANDS.get(name);
      if (!handler) {
        if (!this.reportedUnknown.has(name)) {
          this.reportedUnknown.add(name);
          logger.warn({ command: name }, 'mongo stand-in: unknown command');
        }
        throw new CommandError(Codes.CommandNotFound, `no such command: '${name}'`);
      }
      if (body.txnNumber !== undefined || body.startTransaction === true) {
        throw new CommandError(
          Codes.IllegalOperation,
          'Transaction numbers are only allowed on a replica set member or mongos',
        );
      }
      const db = body.$db;
      if (typeof db !== 'string' || db.length === 0) {
        throw new CommandError(Codes.FailedToParse, "OP_MSG requests require a '$db' argument");
      }
      // Checked before the handler runs, so a refused write never touches memory; reads are
      // refused too, because memory may hold the write whose journaling failed.
      if (persistence.failed && !HANDSHAKE.has(name)) {
        throw new CommandError(
          Codes.ShutdownInProgress,
          'the journal failed; this stand-in refuses commands until it restarts from its data',
        );
      }
      const ctx: CommandContext = { db, store, cursors, conn, server };
      reply = handler(body, ctx);
    } catch (err) {
      const ce = toCommandError(err);
      if (!(err instanceof CommandError)) {
        logger.error(
          { command: name, code: ce.code, stack: stackOnly(err) },
          'mongo stand-in: command failed',
        );
      }
      reply = errorReply(ce);
    }
    // Drained synchronously after the handler, so the journal sees changes in apply order.
    const records = store.drain();
    if (records.length > 0) {
      try {
        await persistence.append(records);
      } catch (err) {
        logger.error(
          { command: name, err: (err as Error).message },
          'mongo stand-in: journal write failed',
        );
        reply = errorReply(
          new CommandError(
            Codes.InternalError,
            'write could not be made durable (journal failure)',
          ),
        );
      }
    }
    if (!('ok' in reply)) reply.ok = 1;
    return reply;
  }
}
