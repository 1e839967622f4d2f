import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type HavenApp } from '../../server/app.ts';
import type { TrustProxy } from '../../server/infra/config.ts';
import { createMetrics, type Metrics } from '../../server/infra/metrics.ts';
import { discoverMongo, type MongoHandle } from '../../server/infra/mongo.ts';
import { discoverRedis, type RedisHandle } from '../../server/infra/redis.ts';
import { MailCatcher } from '../../server/mail/catcher.ts';
import { WorkerPool } from '../../sfu/index.ts';
import { capturingLogger } from './logger.ts';

export interface TestHaven {
  url: string;
  port: number;
  haven: HavenApp;
  mongo: MongoHandle;
  redis: RedisHandle;
  sfu: WorkerPool;
  metrics: Metrics;
  /** Its rate-limit keys' prefix in Redis; a second node of the cluster shares it. */
  limitsNamespace: string;
  /** Its throw-away HAVEN_DATA_DIR (uploaded training videos land in `training-videos/`). */
  dataDir: string;
  logLines: () => Array<Record<string, unknown>>;
  /** The SMTP catcher this Haven's emails are delivered to (tests read mail from it). */
  mail: MailCatcher;
  close(): Promise<void>;
}

/**
 * A whole Haven on real parts, as main.ts wires it: the project's MongoDB (the stand-in
 * on this machine, or MONGODB_URI when CI points at a real server), the machine's Redis,
 * one real mediasoup worker, on an ephemeral port with a throw-away data folder.
 */
export async function startTestHaven(
  options: {
    clientDir?: string;
    nodeEnv?: 'test' | 'production';
    sessionRecheckMs?: number;
    facilitatorGraceMs?: number;
    /** TRUST_PROXY: loopback in tests unless given (false: no proxy trusted). */
    trustProxy?: TrustProxy;
    /** The live rooms' clock of time spent in a room (attendance slip tests move it). */
    liveClock?: () => number;
    /** The training platform's clock (heartbeat credit, quiz cool-downs). */
    trainingClock?: () => number;
    /** A minute of breakout-room time, shortened to see rooms close on time. */
    breakoutMinuteMs?: number;
    /** Start a second node of `shareWith`'s cluster: same MongoDB and Redis (two-node tests). */
    shareWith?: TestHaven;
    /** Group-chat lines a member may send in 5 seconds (the default is production's). */
    chatSendLimit?: number;
    /** Another process's MongoDB and database: a node of a cluster in a child process. */
    mongo?: { uri: string; dbName: string };
    /** The largest training video an upload may send, in bytes (tests make it small). */
    trainingVideoMaxBytes?: number;
    /** A Redis of the test's own (closed with this Haven), instead of the machine's. */
    redis?: RedisHandle;
    /**
     * The database's name and the limits' prefix, for a cluster whose nodes run in separate
     * processes (bench:chat), where `shareWith` cannot reach: the second node is given the
     * first's MongoDB as MONGODB_URI and both of these. The limits' prefix is also presence's.
     */
    dbName?: string;
    limitsNamespace?: string;
  } = {},
): Promise<TestHaven> {
  const dataDir = mkdtempSync(join(tmpdir(), 'haven-test-'));
  const { logger, lines } = capturingLogger();
  const metrics = createMetrics();
  const shared = options.shareWith;
  const mongo =
    shared?.mongo ??
    (await discoverMongo({
      uri: options.mongo?.uri ?? process.env.MONGODB_URI,
      dataDir,
      dbName: options.mongo?.dbName ?? options.dbName ?? `test_${process.pid}_${Date.now()}`,
      allowDownload: false,
      logger,
    }));
  const redis =
    shared?.redis ?? options.redis ?? (await discoverRedis({ url: process.env.REDIS_URL, logger }));
  // Nodes of one cluster share their limits, as production's nodes do.
  const limitsNamespace =
    shared?.limitsNamespace ?? options.limitsNamespace ?? `test-${process.pid}-${Date.now()}`;
  const sfu = await WorkerPool.create({
    size: 1,
    workerBin: process.env.MEDIASOUP_WORKER_BIN,
    logger,
  });
  // One cluster, one SMTP server: the outbox is shared, so whichever node's worker sends a
  // node's email, it must land where that node's tests read it.
  const mail = shared?.mail ?? (await MailCatcher.start(dataDir));
  const haven = createApp({
    mail: {
      smtpUrl: mail.smtpUrl,
      from: 'Haven <no-reply@haven.test>',
      catcher: mail,
      retryEveryMs: 500,
    },
    config: {
      allowedOrigins: ['https://haven.example'],
      NODE_ENV: options.nodeEnv ?? 'test',
      // Tests stand where a local proxy would, spreading requests over addresses with
      // X-Forwarded-For (the per-address limits); `trustProxy: false` is production's default.
      TRUST_PROXY: options.trustProxy ?? ['loopback'],
    },
    logger,
    metrics,
    mongo,
    redis,
    sfu,
    clientDir: options.clientDir,
    dataDir,
    trainingVideoMaxBytes: options.trainingVideoMaxBytes,
    version: 'test',
    limitsNamespace,
    chatSendLimit: options.chatSendLimit,
    sessionRecheckMs: options.sessionRecheckMs,
    facilitatorGraceMs: options.facilitatorGraceMs,
    liveClock: options.liveClock,
    trainingClock: options.trainingClock,
    breakoutMinuteMs: options.breakoutMinuteMs,
    nodeId: `test-node-${process.pid}-${Date.now()}-${Math.random()}`,
  });
  const address = await haven.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    haven,
    mongo,
    redis,
    sfu,
    metrics,
    limitsNamespace,
    dataDir,
    logLines: lines,
    mail,
    async close() {
      await haven.close();
      if (!shared) await mail.close();
      await sfu.close();
      if (shared) {
        rmSync(dataDir, { recursive: true, force: true });
        return;
      }
      await redis.close();
      // Another process's database is that process's to drop.
      if (!options.mongo && !options.dbName)
        await mongo.connection.db?.dropDatabase().catch(() => {});
      await mongo.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
