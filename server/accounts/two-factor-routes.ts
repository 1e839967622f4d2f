import type { Response } from 'express';
import { userResponse } from '../../shared/api/accounts.ts';
import { okSchema } from '../../shared/api/common.ts';
import {
  recoveryCodesResponse,
  twoFactorCodeBody,
  twoFactorDisableBody,
  twoFactorPasswordBody,
  twoFactorSetupResponse,
  twoFactorStatusResponse,
} from '../../shared/api/sign-in.ts';
import type { ApiRoutes } from '../infra/api/routes.ts';
import { AppError } from '../infra/errors.ts';
import type { Limiter } from '../infra/rate-limit.ts';
import { PENDING_LOGIN_COOKIE, type PendingLogins } from './pending-login.ts';
import type { AccountService } from './service.ts';
import type { SessionService } from './sessions.ts';
import type { TwoFactor } from './two-factor.ts';

export interface TwoFactorRouteDeps {
  twoFactor: TwoFactor;
  pending: PendingLogins;
  accounts: AccountService;
  sessions: SessionService;
  /** Sets the session cookie (and its CSRF token) and the device cookie: a whole sign-in. */
  signedIn: (res: Response, token: string, account: string) => Promise<void>;
  clearPending: (res: Response) => void;
  limits: {
    /** The code step and every change to two-factor, per member. */
    codePerMember: Limiter;
  };
}

const TAG = 'accounts';

export function mountTwoFactorRoutes(api: ApiRoutes, deps: TwoFactorRouteDeps): void {
  api.post(
    '/auth/login/two-factor',
    {
      summary: "Sign in's second step: a code from the app or a recovery code",
      tag: TAG,
      auth: 'public',
      body: twoFactorCodeBody,
      response: userResponse,
      status: 200,
    },
    async ({ body, req, res }) => {
      const pending = await deps.pending.read(req.cookies?.[PENDING_LOGIN_COOKIE]);
      if (!pending) throw new AppError('UNAUTHENTICATED', 'sign in with your password first');
      await deps.limits.codePerMember.consume(pending.userId);
      await deps.twoFactor.verifySignIn(pending.userId, body.code);
      await deps.limits.codePerMember.reset(pending.userId);
      const user = await deps.accounts.me(pending.userId);
      const { token } = await deps.sessions.create(user.id, req.get('user-agent') ?? '');
      deps.clearPending(res);
      await deps.signedIn(res, token, pending.account);
      return { user };
    },
  );

  api.get(
    '/me/two-factor',
    {
      summary: 'Whether two-factor sign-in is on, and how many recovery codes are left',
      tag: TAG,
      auth: 'user',
      response: twoFactorStatusResponse,
    },
    ({ user }) => deps.twoFactor.status(user.id),
  );

  api.post(
    '/me/two-factor/setup',
    {
      summary: 'Start two-factor set-up: a new key, as text and QR code (not on until confirmed)',
      tag: TAG,
      auth: 'user',
      response: twoFactorSetupResponse,
      status: 200,
    },
    ({ user }) => deps.twoFactor.setup(user.id),
  );

  api.post(
    '/me/two-factor/confirm',
    {
      summary: 'Turn two-factor sign-in on with a code from the app; recovery codes, shown once',
      tag: TAG,
      auth: 'user',
      body: twoFactorCodeBody,
      response: recoveryCodesResponse,
      status: 200,
    },
    async ({ user, body }) => {
      await deps.limits.codePerMember.consume(user.id);
      const recoveryCodes = await deps.twoFactor.confirm(user.id, body.code);
      await deps.limits.codePerMember.reset(user.id);
      return { recoveryCodes };
    },
  );

  api.post(
    '/me/two-factor/recovery-codes',
    {
      summary: 'New recovery codes (the old ones stop working), with the password',
      tag: TAG,
      auth: 'user',
      body: twoFactorPasswordBody,
      response: recoveryCodesResponse,
      status: 200,
    },
    async ({ user, body }) => {
      await deps.limits.codePerMember.consume(user.id);
      return { recoveryCodes: await deps.twoFactor.regenerate(user.id, body.currentPassword) };
    },
  );

  api.post(
    '/me/two-factor/disable',
    {
      summary: 'Turn two-factor sign-in off, with the password and a code',
      tag: TAG,
      auth: 'user',
      body: twoFactorDisableBody,
      response: okSchema,
      status: 200,
    },
    async ({ user, body }) => {
      await deps.limits.codePerMember.consume(user.id);
      await deps.twoFactor.disable(user.id, body.currentPassword, body.code);
      return { ok: true as const };
    },
  );
}
