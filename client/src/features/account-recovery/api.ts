import type { z } from 'zod';
import {
  acceptedResponse,
  type passwordChangeBody,
  type passwordResetConfirmBody,
} from '../../../../shared/api/accounts.ts';
import { okSchema } from '../../../../shared/api/common.ts';
import { type ApiClient, api } from '../../api/client.ts';

/** Password reset and change (docs/accounts.md); every answer parsed with the shared schemas. */
export function recoveryApi(client: ApiClient = api) {
  return {
    /** Answered the same whether or not the address has an account. */
    async requestReset(email: string): Promise<void> {
      await client.post('/api/auth/password-reset', { email }, acceptedResponse);
    },
    /** Every session ends, this browser's too: the member then signs in afresh. */
    async confirmReset(input: z.input<typeof passwordResetConfirmBody>): Promise<void> {
      await client.post('/api/auth/password-reset/confirm', input, okSchema);
      client.resetCsrf();
    },
    async changePassword(input: z.input<typeof passwordChangeBody>): Promise<void> {
      await client.post('/api/me/password', input, okSchema);
    },
  };
}

export const recovery = recoveryApi();
