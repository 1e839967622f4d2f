import type { z } from 'zod';
import { okSchema } from '../../../../shared/api/common.ts';
import {
  type OwnSession,
  ownSessionsResponse,
  recoveryCodesResponse,
  signedOutCountResponse,
  twoFactorSetupResponse,
  twoFactorStatusResponse,
} from '../../../../shared/api/sign-in.ts';
import { type ApiClient, api } from '../../api/client.ts';

/** The member's own sessions (docs/accounts.md), every answer parsed with the shared schemas. */
export function signInSecurityApi(client: ApiClient = api) {
  return {
    async sessions(): Promise<OwnSession[]> {
      return (await client.get('/api/me/sessions', ownSessionsResponse)).sessions;
    },
    async signOutSession(id: string): Promise<void> {
      await client.delete(`/api/me/sessions/${encodeURIComponent(id)}`, okSchema);
    },
    async signOutOthers(): Promise<number> {
      return (await client.post('/api/me/sessions/sign-out-others', {}, signedOutCountResponse))
        .signedOut;
    },
    twoFactorStatus(): Promise<z.infer<typeof twoFactorStatusResponse>> {
      return client.get('/api/me/two-factor', twoFactorStatusResponse);
    },
    twoFactorSetup(): Promise<z.infer<typeof twoFactorSetupResponse>> {
      return client.post('/api/me/two-factor/setup', {}, twoFactorSetupResponse);
    },
    async twoFactorConfirm(code: string): Promise<string[]> {
      return (await client.post('/api/me/two-factor/confirm', { code }, recoveryCodesResponse))
        .recoveryCodes;
    },
    async regenerateRecoveryCodes(currentPassword: string): Promise<string[]> {
      return (
        await client.post(
          '/api/me/two-factor/recovery-codes',
          { currentPassword },
          recoveryCodesResponse,
        )
      ).recoveryCodes;
    },
    async twoFactorDisable(currentPassword: string, code: string): Promise<void> {
      await client.post('/api/me/two-factor/disable', { currentPassword, code }, okSchema);
    },
  };
}

export const signInSecurity = signInSecurityApi();
