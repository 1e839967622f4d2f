import { mkdirSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkerPool } from '../sfu/index.ts';
import { createApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './infra/config.ts';
import { createLogger, type Logger } from './infra/logger.ts';
import { createMetrics } from './infra/metrics.ts';
import { discoverMongo } from './infra/mongo.ts';
import { discoverRedis } from './infra/redis.ts';
import { MailCatcher } from './mail/catcher.ts';
import { loadSlipKeys, SlipSigner } from './meetings/attendance-slips/index.ts';
import { isEmpty, seedDemoCommunity } from './seed.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function start(config: Config, logger: Logger): Promise<void> {
  mkdirSync(config.dataDir, { recursive: true });
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const metrics = createMetrics();
  // First, so a production start without its signing key stops before touching anything.
  const attendanceSlips = new SlipSigner(
    loadSlipKeys({
      dataDir: config.dataDir,
      production: config.NODE_ENV === 'production',
      configuredKey: config.ATTENDANCE_SIGNING_KEY,
      previousPublicKeys: config.ATTENDANCE_PREVIOUS_PUBLIC_KEYS,
    }),
    { minMinutes: config.ATTENDANCE_SLIP_MIN_MINUTES },
  );
  logger.info(
    { source: attendanceSlips.keySource, keyId: attendanceSlips.keyId },
    'attendance slips: signing key ready',
  );
  const cleanups: Array<() => Promise<void>> = [];

  const mongo = await discoverMongo({
    uri: config.MONGODB_URI,
    dataDir: config.dataDir,
    allowDownload: config.MONGO_DOWNLOAD,
    logger,
  });
  cleanups.unshift(() => mongo.close());
  logger.info(
    { backend: mongo.backend, discovery: mongo.discovery },
    `MongoDB: ${mongo.describe()}`,
  );
  // A newcomer's first start shows a living community. Only in a database Haven found or
  // started itself: a MONGODB_URI is someone's real store (a deployment that forgot
  // NODE_ENV=production must not gain admin@haven.local), and production never seeds.
  const localDatabase = mongo.discovery !== 'uri';
  if (config.NODE_ENV !== 'production' && localDatabase && (await isEmpty(mongo.connection))) {
    await seedDemoCommunity(mongo.connection, logger);
  }

  const redis = await discoverRedis({ url: config.REDIS_URL, logger });
  cleanups.unshift(() => redis.close());
  logger.info({ backend: redis.backend }, `Redis: ${redis.describe()}`);

  if (!config.MEDIASOUP_WORKER_BIN) {
    throw new Error(
      'MEDIASOUP_WORKER_BIN is not set: start Haven with `npm start`, which builds the worker',
    );
  }
  const sfu = await WorkerPool.create({
    size: config.SFU_WORKERS,
    workerBin: config.MEDIASOUP_WORKER_BIN,
    rtcMinPort: config.RTC_MIN_PORT,
    rtcMaxPort: config.RTC_MAX_PORT,
    network: {
      listenIp: config.RTC_LISTEN_IP ?? (isIP(config.HOST) ? config.HOST : '127.0.0.1'),
      announcedIp: config.RTC_ANNOUNCED_IP,
      webRtcServer: config.RTC_WEBRTC_SERVER,
      webRtcServerPort: config.RTC_SERVER_PORT,
    },
    logger,
    // Each live meeting hears of its own router's loss and moves to a live worker.
    onRoutersLost: (lost) =>
      logger.warn({ workerPid: lost.workerPid, routers: lost.routerIds.length }, 'sfu worker died'),
  });
  cleanups.unshift(() => sfu.close());
  logger.info({ workers: config.SFU_WORKERS }, `SFU: ${config.SFU_WORKERS} mediasoup worker(s)`);

  // Production mails through its SMTP server; elsewhere a local catcher keeps them (/dev/mail).
  if (config.NODE_ENV === 'production' && !config.SMTP_URL)
    throw new Error('SMTP_URL is required in production (emails for accounts go through it)');
  let catcher: MailCatcher | undefined;
  if (!config.SMTP_URL) {
    catcher = await MailCatcher.start(config.dataDir);
    const started = catcher;
    cleanups.unshift(() => started.close());
    logger.info({ port: catcher.port }, 'mail: caught locally, read at /dev/mail');
  }
  const smtpUrl = config.SMTP_URL ?? catcher?.smtpUrl ?? '';

  const haven = createApp({
    mail: { smtpUrl, from: config.MAIL_FROM, catcher },
    config,
    logger,
    metrics,
    mongo,
    redis,
    sfu,
    clientDir: join(root, 'client', 'dist'),
    version,
    attendanceSlips,
    dataDir: config.dataDir,
    trainingVideoMaxBytes: config.TRAINING_VIDEO_MAX_MB * 1024 * 1024,
  });
  cleanups.unshift(() => haven.close());
  // What a crash left of an upload (a .part file, a file without its document) goes now;
  // failing to tidy up is no reason not to start.
  try {
    const swept = await haven.api.training.videos?.sweep();
    if (swept && (swept.parts || swept.orphans))
      logger.info({ event: 'training:videos-swept', ...swept }, 'unfinished video uploads removed');
  } catch (error) {
    logger.warn(
      { event: 'training:videos-swept', err: (error as Error).message },
      'could not tidy up unfinished video uploads',
    );
  }
  // Meetings stored before the directory kept each one's next occurrence get it now.
  const scheduled = await haven.services.directory.advanceSchedules({ includeUnset: true });
  logger.info({ event: 'directory:schedules', meetings: scheduled }, 'meeting schedules current');
  const address = await haven.listen(config.PORT, config.HOST);
  const shownHost =
    address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address;
  logger.info({ port: address.port }, 'listening');
  console.log(`\n  Haven is running: open http://${shownHost}:${address.port}/\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);
    force.unref();
    for (const cleanup of cleanups) {
      await cleanup().catch((error: Error) =>
        logger.error({ err: error.message }, 'cleanup failed'),
      );
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

const config = readConfig();
const logger = createLogger(config.LOG_LEVEL);
start(config, logger).catch((error: Error) => {
  logger.fatal({ err: error.message }, 'Haven could not start');
  console.error(`Haven could not start: ${error.message}`);
  process.exit(1);
});
