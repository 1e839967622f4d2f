import { okSchema } from '../../../../shared/api/common.ts';
import {
  type OwnSession,
  ownSessionsResponse,
  signedOutCountResponse,
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
  };
}

export const signInSecurity = signInSecurityApi();
