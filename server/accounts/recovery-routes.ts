import type { Response } from 'express';
import {
  acceptedResponse,
  emailChangeBody,
  emailTokenBody,
  passwordChangeBody,
  passwordResetBody,
  passwordResetConfirmBody,
} from '../../shared/api/accounts.ts';
import { okSchema } from '../../shared/api/common.ts';
import type { ApiRoutes } from '../infra/api/routes.ts';
import type { Limiter } from '../infra/rate-limit.ts';
import { accountKey } from './account-key.ts';
import type { EmailAddresses } from './email-address.ts';
import type { AccountRecovery } from './recovery.ts';
import { SESSION_COOKIE } from './sessions.ts';

export interface RecoveryRouteDeps {
  recovery: AccountRecovery;
  addresses: EmailAddresses;
  closeMemberSockets: (userId: string) => void;
  clearSession: (res: Response) => void;
  limits: {
    resetPerAddress: Limiter;
    resetPerEmail: Limiter;
    resetConfirmPerAddress: Limiter;
    passwordChangePerMember: Limiter;
    emailChangePerMember: Limiter;
  };
}

const TAG = 'accounts';

export function mountRecoveryRoutes(api: ApiRoutes, deps: RecoveryRouteDeps): void {
  api.post(
    '/auth/password-reset',
    {
      summary: 'Ask for a password reset link by email (the same answer for any address)',
      tag: TAG,
      auth: 'public',
      body: passwordResetBody,
      response: acceptedResponse,
      status: 202,
    },
    async ({ body, req }) => {
      await deps.limits.resetPerAddress.consume(req.ip ?? 'unknown');
      // Counted for every address alike, so the limit says nothing about who has an account.
      await deps.limits.resetPerEmail.consume(accountKey(body.email));
      await deps.recovery.requestReset(body.email);
      return { accepted: true as const };
    },
  );

  api.post(
    '/auth/password-reset/confirm',
    {
      summary: 'Set a new password with the token from the reset email; every session ends',
      tag: TAG,
      auth: 'public',
      body: passwordResetConfirmBody,
      response: okSchema,
      status: 200,
    },
    async ({ body, req, res }) => {
      await deps.limits.resetConfirmPerAddress.consume(req.ip ?? 'unknown');
      const { userId } = await deps.recovery.confirmReset(body.token, body.password);
      deps.closeMemberSockets(userId);
      // The member signs in afresh with the new password (docs/accounts.md).
      deps.clearSession(res);
      return { ok: true };
    },
  );

  api.post(
    '/me/password',
    {
      summary: 'Change my password (the current one required); my other sessions end',
      tag: TAG,
      auth: 'user',
      body: passwordChangeBody,
      response: okSchema,
      status: 200,
    },
    async ({ user, body, req }) => {
      await deps.limits.passwordChangePerMember.consume(user.id);
      await deps.recovery.changePassword(
        user.id,
        req.cookies?.[SESSION_COOKIE],
        body.currentPassword,
        body.newPassword,
      );
      // Sockets of the ended sessions close; this tab's reconnect on its live session.
      deps.closeMemberSockets(user.id);
      return { ok: true };
    },
  );

  api.post(
    '/me/email',
    {
      summary: 'Move my account to another address (confirmed there; the old one is told)',
      tag: TAG,
      auth: 'user',
      body: emailChangeBody,
      response: acceptedResponse,
      status: 202,
    },
    async ({ user, body }) => {
      await deps.limits.emailChangePerMember.consume(user.id);
      await deps.addresses.requestChange(user.id, body.newEmail, body.currentPassword);
      return { accepted: true as const };
    },
  );

  api.post(
    '/me/email/confirm',
    {
      summary: 'Confirm the new address with the token from its email',
      tag: TAG,
      auth: 'public',
      body: emailTokenBody,
      response: okSchema,
      status: 200,
    },
    async ({ body, req }) => {
      await deps.limits.resetConfirmPerAddress.consume(req.ip ?? 'unknown');
      await deps.addresses.confirmChange(body.token);
      return { ok: true };
    },
  );
}
