import type { Response } from 'express';
import {
  acceptedResponse,
  emailTokenBody,
  registerBody,
  userResponse,
  verificationResendBody,
} from '../../shared/api/accounts.ts';
import type { ApiRoutes } from '../infra/api/routes.ts';
import type { Limiter } from '../infra/rate-limit.ts';
import { accountKey } from './account-key.ts';
import type { Registrations } from './registration.ts';

export interface RegistrationRouteDeps {
  registrations: Registrations;
  /** Sets a new session's cookie and a CSRF token bound to it, as signing in does. */
  setSession: (res: Response, token: string) => void;
  limits: {
    registerPerAddress: Limiter;
    verifyPerAddress: Limiter;
    resendPerAddress: Limiter;
    resendPerEmail: Limiter;
  };
}

const TAG = 'accounts';

export function mountRegistrationRoutes(api: ApiRoutes, deps: RegistrationRouteDeps): void {
  api.post(
    '/auth/register',
    {
      summary:
        'Sign up: a confirmation link goes to the address (the same answer whether or not it has an account; no one is signed in)',
      tag: TAG,
      auth: 'public',
      body: registerBody,
      response: acceptedResponse,
      status: 202,
    },
    async ({ body, req }) => {
      await deps.limits.registerPerAddress.consume(req.ip ?? 'unknown');
      await deps.registrations.register(body);
      return { accepted: true as const };
    },
  );

  api.post(
    '/auth/verify-email',
    {
      summary: "Confirm my address with the token from the email's link; signs me in here",
      tag: TAG,
      auth: 'public',
      body: emailTokenBody,
      response: userResponse,
      status: 200,
    },
    async ({ body, req, res }) => {
      await deps.limits.verifyPerAddress.consume(req.ip ?? 'unknown');
      const { user, sessionToken } = await deps.registrations.confirm(body.token);
      deps.setSession(res, sessionToken);
      return { user };
    },
  );

  api.post(
    '/auth/verify-email/resend',
    {
      summary: 'Send the confirmation link again (the same answer for any address)',
      tag: TAG,
      auth: 'public',
      body: verificationResendBody,
      response: acceptedResponse,
      status: 202,
    },
    async ({ body, req }) => {
      await deps.limits.resendPerAddress.consume(req.ip ?? 'unknown');
      // Counted for every address alike, so the limit says nothing about who signed up.
      await deps.limits.resendPerEmail.consume(accountKey(body.email));
      await deps.registrations.resend(body.email);
      return { accepted: true as const };
    },
  );
}
