import type { z } from 'zod';
import {
  acceptedResponse,
  type loginBody,
  type OwnUser,
  type profileUpdateBody,
  type registerBody,
  userResponse,
} from '../../../shared/api/accounts.ts';
import { okSchema } from '../../../shared/api/common.ts';
import { twoFactorRequiredResponse } from '../../../shared/api/sign-in.ts';
import { type ApiClient, api } from './client.ts';
import { isApiError } from './errors.ts';

export type RegisterInput = z.input<typeof registerBody>;
export type LoginInput = z.input<typeof loginBody>;
export type ProfileUpdate = z.input<typeof profileUpdateBody>;

/** The account routes of docs/api.md, typed; every failure is an `ApiError`. */
export function accountsApi(client: ApiClient = api) {
  return {
    /** The signed-in member, or null when nobody is signed in (401). */
    async me(): Promise<OwnUser | null> {
      try {
        return (await client.get('/api/me', userResponse)).user;
      } catch (error) {
        if (isApiError(error) && error.code === 'UNAUTHENTICATED') return null;
        throw error;
      }
    },
    /**
     * Answered alike whether or not the address has an account; nobody is signed in until
     * the link emailed to the address is opened (verifyEmail).
     */
    async register(input: RegisterInput): Promise<void> {
      await client.post('/api/auth/register', input, acceptedResponse);
    },
    // Signing in or out gives a new CSRF token, bound to the new session (server csrf.ts).
    async verifyEmail(token: string): Promise<OwnUser> {
      const { user } = await client.post('/api/auth/verify-email', { token }, userResponse);
      client.resetCsrf();
      return user;
    },
    /** Answered alike for every address. */
    async resendVerification(email: string): Promise<void> {
      await client.post('/api/auth/verify-email/resend', { email }, acceptedResponse);
    },
    /** The link from an email change's confirmation mail; sessions stay as they are. */
    async confirmEmailChange(token: string): Promise<void> {
      await client.post('/api/me/email/confirm', { token }, okSchema);
    },
    /** The member, or null when the password was right and a two-factor code is asked next. */
    async login(input: LoginInput): Promise<OwnUser | null> {
      const answer = await client.post(
        '/api/auth/login',
        input,
        userResponse.or(twoFactorRequiredResponse),
      );
      if (!('user' in answer)) return null;
      client.resetCsrf();
      return answer.user;
    },
    /** Sign-in's second step: a code from the app, or a recovery code. */
    async loginCode(code: string): Promise<OwnUser> {
      const { user } = await client.post('/api/auth/login/two-factor', { code }, userResponse);
      client.resetCsrf();
      return user;
    },
    async logout(): Promise<void> {
      await client.post('/api/auth/logout', {}, okSchema);
      client.resetCsrf();
    },
    async updateProfile(patch: ProfileUpdate): Promise<OwnUser> {
      return (await client.patch('/api/me', patch, userResponse)).user;
    },
    /** Everything Haven holds about the member, as the server exports it. */
    async exportData(): Promise<unknown> {
      return client.get('/api/me/export');
    },
    async deleteAccount(): Promise<void> {
      await client.delete('/api/me');
      client.resetCsrf();
    },
  };
}

export type AccountsApi = ReturnType<typeof accountsApi>;

export const accounts = accountsApi();
