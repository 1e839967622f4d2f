import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { WorkerPool } from '../sfu/index.ts';
import { isClientRoute } from '../shared/routes.ts';
import { SESSION_COOKIE } from './accounts/sessions.ts';
import { createApi } from './api.ts';
import { LivePresence, PRESENCE_TTL_SECONDS, presenceAudiences } from './chat/live-presence.ts';
import { Presence } from './chat/presence.ts';
import { createSendClaims } from './chat/send-claims.ts';
import { bindChatSockets, presenceAnnouncer } from './chat/socket.ts';
import {
  declaredSizeGuard,
  JSON_BODY_LIMIT_BYTES,
  limitSlowRequests,
} from './infra/body-limits.ts';
import type { Config, TrustProxy } from './infra/config.ts';
import { AppError } from './infra/errors.ts';
import { checkHealth, type SfuStatus } from './infra/health.ts';
import { errorHandler, notFoundHandler, requestMetrics } from './infra/http.ts';
import type { Logger } from './infra/logger.ts';
import { type Metrics, metricsAllowed } from './infra/metrics.ts';
import type { MongoHandle } from './infra/mongo.ts';
import { createLimiter } from './infra/rate-limit.ts';
import type { RedisHandle } from './infra/redis.ts';
import type { MailCatcher } from './mail/catcher.ts';
import { devMailRoutes } from './mail/dev-routes.ts';
import { Mailer } from './mail/mailer.ts';
import { SlipSigner } from './meetings/attendance-slips/index.ts';
import { LiveMeetings } from './meetings/live/registry.ts';
import { bindLiveMeetingSockets } from './meetings/live/socket.ts';
import { createSocketServer, type SocketServer } from './realtime/socket-server.ts';
import { buildServices, type Services } from './services.ts';

export interface AppDeps {
  config: Pick<Config, 'allowedOrigins' | 'NODE_ENV'> & {
    PUBLIC_URL?: string | undefined;
    METRICS_TOKEN?: string | undefined;
    TRUST_PROXY?: TrustProxy;
  };
  logger: Logger;
  metrics: Metrics;
  mongo: MongoHandle;
  redis: RedisHandle;
  sfu: SfuStatus & WorkerPool;
  /** HAVEN_DATA_DIR: where files Haven keeps outside MongoDB live (uploaded training videos). */
  dataDir: string;
  /** The largest training video an upload may send, in bytes (default 500 MB). */
  trainingVideoMaxBytes?: number | undefined;
  /** The built client (client/dist); left out, the server answers the API only. */
  clientDir?: string | undefined;
  version?: string;
  limitsNamespace?: string;
  /** Live meetings: how long a meeting waits for a facilitator who left before it ends. */
  facilitatorGraceMs?: number | undefined;
  /** The live rooms' clock of time spent in a room; tests move it (attendance slips). */
  liveClock?: (() => number) | undefined;
  /** The training platform's clock (heartbeat credit, quiz cool-downs); tests move it. */
  trainingClock?: (() => number) | undefined;
  /** A minute of breakout-room time (tests shorten it). */
  breakoutMinuteMs?: number | undefined;
  /** Group-chat lines a member may send in 5 seconds (default 6; the chat benchmark raises it). */
  chatSendLimit?: number | undefined;
  /** This node's name in the live-meeting registry (defaults to host:pid). */
  nodeId?: string | undefined;
  /** How often an open socket's session is looked up again (default 15 minutes). */
  sessionRecheckMs?: number | undefined;
  /**
   * Where emails go: SMTP_URL, or the local catcher's (whose mail /dev/mail shows outside
   * production). `retryEveryMs`: how often owed mail is tried again.
   */
  mail: { smtpUrl: string; from: string; catcher?: MailCatcher | undefined; retryEveryMs?: number };
  /** Signs attendance slips; main.ts passes the configured key, others get a key for this process only. */
  attendanceSlips?: SlipSigner | undefined;
}

export interface HavenApp {
  app: Express;
  httpServer: HttpServer;
  sockets: SocketServer;
  api: ReturnType<typeof createApi>;
  services: Services;
  live: LiveMeetings;
  /** For the live room: issues a participant's attendance slip (docs/attendance-slips.md). */
  attendanceSlips: SlipSigner;
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting, tells sockets to reconnect elsewhere, and closes them. Dependencies are the caller's. */
  close(): Promise<void>;
}

/** Start-up wires real dependencies here and only here; tests call it with their own real instances. */
export function createApp(deps: AppDeps): HavenApp {
  const startedAt = Date.now();
  const app = express();
  app.disable('x-powered-by');
  // API answers are not cached (api.ts), so a hash of every JSON body would serve nothing;
  // static files keep their own ETags (express.static).
  app.set('etag', false);
  app.set('trust proxy', deps.config.TRUST_PROXY ?? false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // WebRTC and Socket.IO need the page to reach its own origin over ws/wss.
          connectSrc: ["'self'", 'ws:', 'wss:'],
          // A training video is Haven's own upload or an https address a trainer chose
          // (shared/training/content.ts); nothing else plays media. `blob:` is for a video's
          // WebVTT captions: they come inside the item's JSON, and the page hands them to the
          // <track> as a Blob URL it made itself (client VideoView), which media-src governs.
          mediaSrc: ["'self'", 'https:', 'blob:'],
          upgradeInsecureRequests: deps.config.NODE_ENV === 'production' ? [] : null,
        },
      },
    }),
  );
  app.use(requestMetrics(deps.metrics));
  // A trainer's video upload streams its own body, to its own cap (training/routes-videos.ts).
  app.use(declaredSizeGuard((path) => path === '/api/training/videos'));
  app.use(express.json({ limit: JSON_BODY_LIMIT_BYTES }));

  app.get('/healthz', async (_req, res) => {
    const health = await checkHealth({ ...deps, version: deps.version ?? 'dev', startedAt });
    res
      .status(health.status === 'ok' ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(health);
  });
  app.get('/metrics', async (req, res, next) => {
    if (!metricsAllowed(req, deps.config.METRICS_TOKEN, Boolean(deps.config.TRUST_PROXY))) {
      next(
        new AppError(
          'FORBIDDEN',
          'metrics are served to the local machine or with the metrics token',
        ),
      );
      return;
    }
    res
      .set('Content-Type', deps.metrics.registry.contentType)
      .send(await deps.metrics.registry.metrics());
  });
  // The one composition root: services first, then the edges (sockets, REST) that use them.
  const services = buildServices(deps.mongo.connection, {
    redis: deps.redis.client,
    limitsNamespace: deps.limitsNamespace,
    // Called only once requests flow, by which time `sockets` below exists.
    rolesChanged: (userId) => sockets.disconnectMember(userId),
  });
  const attendanceSlips = deps.attendanceSlips ?? SlipSigner.ephemeral();
  const httpServer = createServer(app);
  limitSlowRequests(httpServer);
  const sockets = createSocketServer(httpServer, {
    allowedOrigins: deps.config.allowedOrigins,
    sessionCookie: SESSION_COOKIE,
    sessionRecheckMs: deps.sessionRecheckMs,
    logger: deps.logger,
    metrics: deps.metrics,
    redisClient: deps.redis.client,
    redisKeyPrefix: deps.limitsNamespace,
    resolveSession: async (token) => {
      const resolved = await services.sessions.resolve(token);
      return resolved ? { user: resolved.user, expiresAt: resolved.expiresAt } : null;
    },
  });
  const live = new LiveMeetings({
    pool: deps.sfu,
    directory: services.directory,
    connection: deps.mongo.connection,
    redis: deps.redis.client,
    logger: deps.logger,
    metrics: deps.metrics,
    nodeId: deps.nodeId,
    facilitatorGraceMs: deps.facilitatorGraceMs,
    now: deps.liveClock,
    breakoutMinuteMs: deps.breakoutMinuteMs,
    namespace: sockets.meeting,
  });
  bindLiveMeetingSockets(sockets, live, { ...deps, attendanceSlips });
  const redisClient = deps.redis.client;
  const presence = redisClient
    ? new LivePresence({
        presence: new Presence({
          redis: redisClient,
          namespace: deps.limitsNamespace ?? 'haven',
          ttlSeconds: PRESENCE_TTL_SECONDS,
        }),
        announcer: presenceAnnouncer(sockets),
        choicesOf: (userIds) => services.users.presenceChoicesOf(userIds),
        audiencesOf: presenceAudiences(services.groups, services.chat.contacts),
        logger: deps.logger,
      })
    : undefined;
  bindChatSockets(sockets, {
    presence,
    chat: services.chat,
    reports: services.chatReports,
    groups: services.groups,
    users: services.users,
    sendLimiter: createLimiter(deps.redis.client, {
      keyPrefix: `${deps.limitsNamespace ?? 'haven'}:chat-send`,
      // Five lines in five seconds and a little room for a burst; benchmarks raise it.
      points: deps.chatSendLimit ?? 6,
      durationSeconds: 5,
      // A member's budget holds across nodes; without Redis, chat refuses (UNAVAILABLE).
      whenRedisDown: 'unavailable',
    }),
    sendClaims: createSendClaims(deps.redis.client, deps.limitsNamespace ?? 'haven'),
    redis: deps.redis.client,
    logger: deps.logger,
    metrics: deps.metrics,
  });
  // Meetings whose stored occurrence has ended move on to their next one (schedule.ts).
  const scheduleSweep = services.directory.startSweep((error) =>
    deps.logger.warn(
      { err: (error as Error).message, event: 'directory:sweep' },
      'schedule sweep failed',
    ),
  );
  const mailer = new Mailer({
    connection: deps.mongo.connection,
    smtpUrl: deps.mail.smtpUrl,
    from: deps.mail.from,
    logger: deps.logger,
    retryEveryMs: deps.mail.retryEveryMs,
  });
  // Links in emails lead to the public address, or to where this server listens.
  const publicBase = () =>
    (
      deps.config.PUBLIC_URL ?? `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`
    ).replace(/\/$/, '');
  const api = createApi({
    services,
    mailer,
    publicBase,
    closeMemberSockets: (userId) => sockets.disconnectMember(userId),
    connection: deps.mongo.connection,
    redisClient: deps.redis.client,
    production: deps.config.NODE_ENV === 'production',
    attendanceSlips,
    version: deps.version ?? 'dev',
    publicUrl: deps.config.PUBLIC_URL,
    trainingClock: deps.trainingClock,
    logger: deps.logger,
    dataDir: deps.dataDir,
    trainingVideoMaxBytes: deps.trainingVideoMaxBytes,
    ...(deps.limitsNamespace ? { limitsNamespace: deps.limitsNamespace } : {}),
  });
  app.use('/api', api.router);

  if (deps.config.NODE_ENV !== 'production' && deps.mail.catcher)
    app.use('/dev/mail', devMailRoutes(deps.mail.catcher));

  const clientDir = deps.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // The client routes in the browser; any other GET gets its shell, which shows the
    // not-found page, with a 404 for paths the client has no page for (shared/routes.ts).
    app.get(/^\/(?!api\/|socket\.io\/).*/, (req, res) => {
      res
        .status(isClientRoute(req.path) ? 200 : 404)
        .set('Cache-Control', 'no-cache')
        .sendFile(join(clientDir, 'index.html'));
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));

  let closing: Promise<void> | undefined;
  return {
    app,
    httpServer,
    sockets,
    api,
    services,
    live,
    attendanceSlips,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve(httpServer.address() as AddressInfo);
        });
      });
    },
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await scheduleSweep.close();
        // Before the sockets' Redis clients close: this node's members are announced offline.
        await presence?.close();
        await live.close();
        await sockets.close();
        httpServer.closeIdleConnections();
        await stopped;
        await mailer.close();
      })();
      return closing;
    },
  };
}
