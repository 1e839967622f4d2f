import { hostname } from 'node:os';
import { Codes, CommandError } from '../errors.ts';
import type { Doc } from '../types.ts';
import { MAX_MESSAGE_BYTES } from '../wire/codec.ts';
import type { CommandContext, CommandHandler } from './context.ts';

/**
 * Version the stand-in claims: MongoDB 7.0 (wire 21). Driver 7 needs at least wire 9; staying
 * below 8.0 keeps drivers off features added later (e.g. the bulkWrite command).
 */
export const SERVER_VERSION = '7.0.0';
const VERSION_ARRAY = [7, 0, 0, 0];
export const MAX_WIRE_VERSION = 21;
const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;

function helloReply(cmd: Doc, ctx: CommandContext, legacy: boolean): Doc {
  // No topologyVersion: without it drivers poll with plain hellos instead of streaming
  // (awaitable hello + exhaust), which the stand-in does not implement.
  return {
    ...(cmd.helloOk === true ? { helloOk: true } : {}),
    ...(legacy ? { ismaster: true } : { isWritablePrimary: true }),
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_BYTES,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.conn.id,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
  };
}

const notOnStandalone = (): Doc => {
  throw new CommandError(
    Codes.IllegalOperation,
    'Transaction numbers are only allowed on a replica set member or mongos',
  );
};

const ok = (): Doc => ({});

export const handshakeCommands: Record<string, CommandHandler> = {
  hello: (cmd, ctx) => helloReply(cmd, ctx, false),
  isMaster: (cmd, ctx) => helloReply(cmd, ctx, true),
  ismaster: (cmd, ctx) => helloReply(cmd, ctx, true),
  ping: ok,
  // The driver's admin().buildInfo() sends the lower-case alias, which mongod also accepts.
  buildinfo: (cmd, ctx) => handshakeCommands.buildInfo?.(cmd, ctx) ?? {},
  buildInfo: () => ({
    version: SERVER_VERSION,
    gitVersion: 'haven-mongo-standin',
    versionArray: VERSION_ARRAY,
    bits: 64,
    debug: false,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    storageEngines: ['haven-standin'],
    javascriptEngine: 'none',
    modules: [],
    havenStandIn: true,
  }),
  // Read-only, so answered after a journal failure too; setParameter is in parameters.ts.
  getParameter: (cmd, ctx) => {
    const all = cmd.getParameter === '*';
    const reply: Doc =
      all || cmd.featureCompatibilityVersion !== undefined
        ? { featureCompatibilityVersion: { version: '7.0' } }
        : {};
    if (all || cmd.ttlMonitorSleepSecs !== undefined)
      reply.ttlMonitorSleepSecs = ctx.server.parameters.ttlMonitorSleepSecs;
    return reply;
  },
  getCmdLineOpts: () => ({ argv: ['haven-mongo-standin'], parsed: {} }),
  serverStatus: (_cmd, ctx) => {
    const uptimeMs = Date.now() - ctx.server.startedAt.getTime();
    return {
      host: ctx.server.host(),
      version: SERVER_VERSION,
      process: 'mongod',
      pid: process.pid,
      uptime: Math.floor(uptimeMs / 1000),
      uptimeMillis: uptimeMs,
      localTime: new Date(),
      connections: { current: ctx.server.connections(), available: 1000 },
      havenStandIn: { journal: ctx.server.journal() },
    };
  },
  hostInfo: () => ({
    system: { hostname: hostname(), currentTime: new Date() },
    os: { type: process.platform },
  }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] } }),
  whatsmyuri: (_cmd, ctx) => ({ you: ctx.conn.remote }),
  getLog: (cmd) =>
    cmd.getLog === '*'
      ? { names: ['global', 'startupWarnings'] }
      : { totalLinesWritten: 0, log: [] },
  // Every acknowledged write is already fsynced.
  fsync: () => ({ numFiles: 1 }),
  endSessions: ok,
  refreshSessions: ok,
  killSessions: ok,
  killAllSessions: ok,
  replSetGetStatus: () => {
    throw new CommandError(Codes.NoReplicationEnabled, 'not running with --replSet');
  },
  commitTransaction: notOnStandalone,
  abortTransaction: notOnStandalone,
};
