import type { CookieOptions, Response } from 'express';
import { z } from 'zod';
import {
  csrfResponse,
  loginBody,
  memberPageResponse,
  memberResponse,
  memberSearchQuery,
  profileUpdateBody,
  rolesUpdateBody,
  userResponse,
} from '../../shared/api/accounts.ts';
import { idParams, okSchema } from '../../shared/api/common.ts';
import { twoFactorRequiredResponse } from '../../shared/api/sign-in.ts';
import type { ApiRoutes } from '../infra/api/routes.ts';
import type { Limiter } from '../infra/rate-limit.ts';
import { accountKey } from './account-key.ts';
import { CSRF_COOKIE, issueCsrfToken } from './csrf.ts';
import { DEVICE_COOKIE, DEVICE_COOKIE_TTL_MS, type DeviceCookies } from './device-cookies.ts';
import { PENDING_LOGIN_COOKIE, PENDING_LOGIN_TTL_MS, type PendingLogins } from './pending-login.ts';
import { mountRecoveryRoutes, type RecoveryRouteDeps } from './recovery-routes.ts';
import { mountRegistrationRoutes, type RegistrationRouteDeps } from './registration-routes.ts';
import type { AccountService } from './service.ts';
import { mountSessionRoutes } from './session-routes.ts';
import { SESSION_COOKIE, SESSION_TTL_MS, type SessionService } from './sessions.ts';
import type { TwoFactor } from './two-factor.ts';
import { mountTwoFactorRoutes } from './two-factor-routes.ts';

export interface AccountRouteDeps {
  accounts: AccountService;
  sessions: SessionService;
  devices: DeviceCookies;
  twoFactor: TwoFactor;
  pendingLogins: PendingLogins;
  secureCookies: boolean;
  closeMemberSockets: (userId: string) => void;
  limits: {
    loginPerAccount: Limiter;
    loginPerAccountAnywhere: Limiter;
    loginPerAddress: Limiter;
    /** A browser holding the account's device cookie: its own limit instead of the account's. */
    loginPerDevice: Limiter;
    twoFactorPerMember: Limiter;
  };
  /** Signing up and confirming the address (registration-routes.ts). */
  registration: Omit<RegistrationRouteDeps, 'setSession'>;
  /** Password reset and change (recovery-routes.ts). */
  recovery: Omit<RecoveryRouteDeps, 'closeMemberSockets' | 'clearSession'>;
}

const TAG = 'accounts';

export function mountAccountRoutes(api: ApiRoutes, deps: AccountRouteDeps): void {
  const cookieOptions: CookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.secureCookies,
    path: '/',
  };
  // A new session, or none: a new CSRF token bound to it (csrf.ts); the browser fetches it.
  const setSession = (res: Response, token: string) =>
    res
      .cookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: SESSION_TTL_MS })
      .cookie(CSRF_COOKIE, issueCsrfToken(token), cookieOptions);
  const clearSession = (res: Response) =>
    res
      .clearCookie(SESSION_COOKIE, cookieOptions)
      .cookie(CSRF_COOKIE, issueCsrfToken(undefined), cookieOptions);
  /** After a whole sign-in: this browser gets (or keeps) the account's device cookie. */
  const rememberDevice = async (res: Response, account: string, held: string | null) => {
    if (held) return;
    res.cookie(DEVICE_COOKIE, await deps.devices.issue(account), {
      ...cookieOptions,
      path: '/api/auth',
      maxAge: DEVICE_COOKIE_TTL_MS,
    });
  };
  mountTwoFactorRoutes(api, {
    twoFactor: deps.twoFactor,
    pending: deps.pendingLogins,
    accounts: deps.accounts,
    sessions: deps.sessions,
    signedIn: async (res, token, account) => {
      setSession(res, token);
      await rememberDevice(res, account, null);
    },
    clearPending: (res) =>
      res.clearCookie(PENDING_LOGIN_COOKIE, { ...cookieOptions, path: '/api/auth' }),
    limits: { codePerMember: deps.limits.twoFactorPerMember },
  });
  mountSessionRoutes(api, {
    sessions: deps.sessions,
    closeMemberSockets: deps.closeMemberSockets,
    clearSession,
  });
  mountRecoveryRoutes(api, {
    ...deps.recovery,
    closeMemberSockets: deps.closeMemberSockets,
    clearSession,
  });
  mountRegistrationRoutes(api, { ...deps.registration, setSession });

  api.get(
    '/auth/csrf',
    {
      summary: 'Get a CSRF token (also set as a cookie)',
      tag: TAG,
      auth: 'public',
      response: csrfResponse,
    },
    ({ req, res }) => {
      const csrfToken = issueCsrfToken(req.cookies?.[SESSION_COOKIE], req.cookies?.[CSRF_COOKIE]);
      res.cookie(CSRF_COOKIE, csrfToken, cookieOptions);
      return { csrfToken };
    },
  );

  api.post(
    '/auth/login',
    {
      summary: 'Sign in',
      tag: TAG,
      auth: 'public',
      body: loginBody,
      response: z.union([userResponse, twoFactorRequiredResponse]),
      status: 200,
    },
    async ({ body, req, res }) => {
      const address = req.ip ?? 'unknown';
      const account = accountKey(body.email);
      await deps.limits.loginPerAddress.consume(address);
      const device = await deps.devices.verify(req.cookies?.[DEVICE_COOKIE], account);
      if (device) {
        // A browser that signed in here before is not locked out by strangers' guesses
        // (docs/accounts.md); a device cookie guessing on its own meets its own limit.
        await deps.limits.loginPerDevice.consume(device);
      } else {
        await deps.limits.loginPerAccount.consume(`${address}:${account}`);
        // Guessing spread over many addresses still meets a ceiling per account.
        await deps.limits.loginPerAccountAnywhere.consume(account);
      }
      const user = await deps.accounts.checkCredentials(body.email, body.password);
      if (device) await deps.limits.loginPerDevice.reset(device);
      else await deps.limits.loginPerAccount.reset(`${address}:${account}`);
      if (await deps.twoFactor.isEnabled(user.id)) {
        // No session until the second step (two-factor-routes.ts).
        res.cookie(PENDING_LOGIN_COOKIE, await deps.pendingLogins.issue(user.id, account), {
          ...cookieOptions,
          path: '/api/auth',
          maxAge: PENDING_LOGIN_TTL_MS,
        });
        return { twoFactorRequired: true as const };
      }
      const { token } = await deps.sessions.create(user.id, req.get('user-agent') ?? '');
      setSession(res, token);
      await rememberDevice(res, account, device);
      return { user };
    },
  );

  api.post(
    '/auth/logout',
    { summary: 'Sign out', tag: TAG, auth: 'public', response: okSchema, status: 200 },
    async ({ req, res }) => {
      await deps.sessions.destroy(req.cookies?.[SESSION_COOKIE]);
      clearSession(res);
      if (req.user) deps.closeMemberSockets(req.user.id);
      return { ok: true };
    },
  );

  api.get(
    '/me',
    { summary: 'My account', tag: TAG, auth: 'user', response: userResponse },
    async ({ user }) => ({
      user: await deps.accounts.me(user.id),
    }),
  );

  api.patch(
    '/me',
    {
      summary: 'Update my profile and privacy choices',
      tag: TAG,
      auth: 'user',
      body: profileUpdateBody,
      response: userResponse,
    },
    async ({ user, body }) => ({ user: await deps.accounts.updateProfile(user.id, body) }),
  );

  api.get(
    '/me/export',
    { summary: 'Download all my data (JSON)', tag: TAG, auth: 'user' },
    async ({ user, res }) => {
      const data = await deps.accounts.exportData(user.id);
      res
        .set('Content-Disposition', 'attachment; filename="haven-my-data.json"')
        .set('Cache-Control', 'no-store');
      return data;
    },
  );

  api.delete(
    '/me',
    {
      summary: 'Delete my account and everything that points to me',
      tag: TAG,
      auth: 'user',
      status: 204,
    },
    async ({ user, res }) => {
      await deps.accounts.deleteAccount(user.id);
      deps.closeMemberSockets(user.id);
      clearSession(res);
    },
  );

  api.get(
    '/members',
    {
      summary: 'Find members by name and role (admin, acting for the board; never emails)',
      tag: TAG,
      auth: ['admin'],
      query: memberSearchQuery,
      response: memberPageResponse,
    },
    ({ query }) => deps.accounts.searchMembers(query),
  );

  api.get(
    '/members/:id',
    {
      summary: "A member's public profile",
      tag: TAG,
      auth: 'user',
      params: idParams,
      response: memberResponse,
    },
    async ({ params }) => ({ member: await deps.accounts.publicProfile(params.id) }),
  );

  api.put(
    '/members/:id/roles',
    {
      summary: "Set a member's roles (admin, acting for the board)",
      tag: TAG,
      auth: ['admin'],
      params: idParams,
      body: rolesUpdateBody,
      response: memberResponse,
      status: 200,
    },
    async ({ user, params, body }) => {
      const member = await deps.accounts.setRoles(user.id, params.id, body.roles);
      // Open sockets carry the roles they were opened with; they reconnect with the new ones.
      deps.closeMemberSockets(params.id);
      return { member };
    },
  );
}
