import cookieParser from 'cookie-parser';
import { Router } from 'express';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { mountAdminTwoFactorRoutes } from './accounts/admin-two-factor-routes.ts';
import { csrfProtection } from './accounts/csrf.ts';
import { DeviceCookies } from './accounts/device-cookies.ts';
import { EmailAddresses } from './accounts/email-address.ts';
import { accountTokenModel, EmailTokens } from './accounts/email-tokens.ts';
import { PendingLogins } from './accounts/pending-login.ts';
import { AccountRecovery } from './accounts/recovery.ts';
import { Registrations } from './accounts/registration.ts';
import { mountAccountRoutes } from './accounts/routes.ts';
import { ServerKeys } from './accounts/server-keys.ts';
import { sessionMiddleware } from './accounts/session-middleware.ts';
import { TwoFactor } from './accounts/two-factor.ts';
import { SecretBox, twoFactorModel } from './accounts/two-factor-store.ts';
import { mountChatReportRoutes } from './chat/routes.ts';
import { mountCommunity } from './community/index.ts';
import { createOpenApi } from './infra/api/openapi.ts';
import { operatorGuard } from './infra/api/operator-guard.ts';
import { apiRoutes } from './infra/api/routes.ts';
import { notFoundHandler } from './infra/http.ts';
import type { Logger } from './infra/logger.ts';
import { createLimiter } from './infra/rate-limit.ts';
import type { Mailer } from './mail/mailer.ts';
import { mountAttendanceRoutes, type SlipSigner } from './meetings/attendance-slips/index.ts';
import { mountDirectory } from './meetings/directory/index.ts';
import { mountProgramme } from './programme/index.ts';
import type { Services } from './services.ts';
import { mountSupport } from './support/index.ts';
import { mountTrainingCredentials } from './training/credentials/index.ts';
import { mountTraining } from './training/index.ts';

export interface ApiDeps {
  services: Services;
  /** Sends Haven's emails through the outbox (server/mail). */
  mailer: Mailer;
  /** The site's address for links in emails, without a trailing slash. */
  publicBase: () => string;
  connection: Connection;
  redisClient: Redis | undefined;
  production: boolean;
  /** Verifies attendance slips (public routes); the live room issues them. */
  attendanceSlips: SlipSigner;
  version: string;
  /** Rate-limit keys live under this prefix in Redis; tests give each server its own. */
  limitsNamespace?: string;
  publicUrl?: string | undefined;
  /** Closes a member's open sockets (sign-out, deletion, new roles): they reconnect and re-authenticate. */
  closeMemberSockets: (userId: string) => void;
  /** The training platform's clock (time credited from heartbeats, cool-downs); tests move it. */
  trainingClock?: (() => number) | undefined;
  /** For what fails away from a request (the course-completion hook). */
  logger?: Logger | undefined;
  /** HAVEN_DATA_DIR: uploaded training videos live in its `training-videos/` folder. */
  dataDir: string;
  /** The largest training video an upload may send, in bytes (TRAINING_VIDEO_MAX_MB). */
  trainingVideoMaxBytes?: number | undefined;
}

/**
 * Everything under /api, given the services createApp built: the guards every route passes (operator-shaped input, session,
 * CSRF), then each feature's routes. Features register what they store about a member
 * in `accountData` so export and deletion cover them.
 */
export function createApi(deps: ApiDeps) {
  const router = Router();
  const openapi = createOpenApi();
  const { accountData, sessions, accounts, users, directory } = deps.services;

  const ns = deps.limitsNamespace ?? 'haven';
  /** At most `points` tries per `minutes`, counted in Redis under `name` (rate-limit.ts). */
  const limit = (name: string, points: number, minutes: number) =>
    createLimiter(deps.redisClient, {
      keyPrefix: `${ns}:${name}`,
      points,
      durationSeconds: minutes * 60,
    });
  const emailTokens = new EmailTokens(accountTokenModel(deps.connection));
  const addresses = new EmailAddresses({
    models: deps.services.accountModels,
    tokens: emailTokens,
    mailer: deps.mailer,
    publicBase: deps.publicBase,
  });
  // A ceiling per address on the whole API, ahead of any database work, so no public list
  // (the meeting directory computes occurrences) can be hammered cheaply.
  const perAddress = limit('api-address', 600, 1);
  // What the API answers is a member's own business: a shared family or library computer
  // must not keep it in its cache (a route that serves something public may say otherwise).
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.use((req, _res, next) => {
    perAddress.consume(req.ip ?? 'unknown').then(() => next(), next);
  });
  router.use(operatorGuard);
  router.use(cookieParser());
  router.use(sessionMiddleware(sessions, deps.production));
  router.use(csrfProtection());
  router.get('/openapi.json', (_req, res) => {
    res.json(openapi.document(deps.version));
  });

  const api = apiRoutes(router, openapi, '');
  const serverKeys = new ServerKeys(deps.connection);
  const twoFactor = new TwoFactor({
    model: twoFactorModel(deps.connection),
    accounts: deps.services.accountModels,
    box: new SecretBox(serverKeys),
  });
  // Only the fact of enrolment leaves in an export: the key and codes are for signing in.
  accountData.register('twoFactor', {
    export: async (userId) => ({ enabled: await twoFactor.isEnabled(userId) }),
    erase: (userId) => twoFactor.erase(userId),
  });
  mountAdminTwoFactorRoutes(api, { policy: deps.services.adminTwoFactor, twoFactor });
  mountAccountRoutes(api, {
    accounts,
    sessions,
    devices: new DeviceCookies(serverKeys),
    twoFactor,
    pendingLogins: new PendingLogins(serverKeys),
    secureCookies: deps.production,
    closeMemberSockets: deps.closeMemberSockets,
    limits: {
      loginPerAccount: limit('login-account', 10, 15),
      loginPerAccountAnywhere: limit('login-account-anywhere', 100, 60),
      loginPerAddress: limit('login-address', 100, 15),
      loginPerDevice: limit('login-device', 10, 15),
      twoFactorPerMember: limit('two-factor', 5, 15),
    },
    registration: {
      registrations: new Registrations({
        models: deps.services.accountModels,
        tokens: emailTokens,
        mailer: deps.mailer,
        sessions,
        publicBase: deps.publicBase,
      }),
      limits: {
        registerPerAddress: limit('register', 30, 60),
        verifyPerAddress: limit('verify-email', 60, 15),
        resendPerAddress: limit('verify-resend-address', 20, 60),
        resendPerEmail: limit('verify-resend-email', 5, 60),
      },
    },
    recovery: {
      recovery: new AccountRecovery({
        models: deps.services.accountModels,
        tokens: emailTokens,
        mailer: deps.mailer,
        publicBase: deps.publicBase,
        endSessions: async (userId, keepToken) => {
          await sessions.destroyOthersFor(userId, keepToken);
        },
      }),
      addresses,
      limits: {
        resetPerAddress: limit('reset-address', 20, 60),
        resetPerEmail: limit('reset-email', 5, 60),
        resetConfirmPerAddress: limit('reset-confirm', 20, 15),
        passwordChangePerMember: limit('password-change', 5, 15),
        emailChangePerMember: limit('email-change', 5, 15),
      },
    },
  });
  const feature = {
    api,
    connection: deps.connection,
    accountData,
    users,
    redisClient: deps.redisClient,
    limitsNamespace: ns,
    publicUrl: deps.publicUrl,
    closeMemberSockets: deps.closeMemberSockets,
    logger: deps.logger,
  };
  mountCommunity(feature, deps.services.groups);
  accountData.register('groupChat', {
    export: (userId) => deps.services.chat.exportFor(userId),
    erase: (userId) => deps.services.chat.eraseFor(userId),
  });
  // After groupChat: its erase has already made the member's own lines tombstones.
  accountData.register('contacts', {
    export: (userId) => deps.services.chat.contacts.exportFor(userId),
    erase: (userId) => deps.services.chat.contacts.eraseFor(userId),
  });
  mountChatReportRoutes(api, deps.services.chatReports);
  accountData.register('groupChatReports', {
    export: (userId) => deps.services.chatReports.exportFor(userId),
    erase: (userId) => deps.services.chatReports.eraseFor(userId),
  });
  mountDirectory(feature, directory);
  mountProgramme(feature);
  mountAttendanceRoutes(api, deps.attendanceSlips);
  mountSupport(feature);
  mountTrainingCredentials(feature, deps.services.training);
  const training = mountTraining(feature, {
    now: deps.trainingClock,
    videos: { dataDir: deps.dataDir, maxBytes: deps.trainingVideoMaxBytes },
  });
  // Completing a course earns its record and certificate (and, by policy, the facilitator
  // role): the course feature tells, the credentials act (docs/training.md).
  training.events.on('courseCompleted', async (userId, courseId) => {
    const course = await training.courseFacts(courseId);
    if (course) await deps.services.training.completions.courseCompleted(userId, course);
  });
  training.events.onListenerError = (error, event) =>
    deps.logger?.error({ err: (error as Error).message, event }, 'training hook failed');
  router.use(notFoundHandler);
  return { router, openapi, training, mailer: deps.mailer };
}
