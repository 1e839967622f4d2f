import {
  type AccountSettings,
  accountSettingsResponse,
  memberPageResponse,
  memberResponse,
  type PublicUser,
  type Role,
} from '../../../../shared/api/accounts.ts';
import { type Page, pageOf } from '../../../../shared/api/common.ts';
import {
  type PartnerSummary,
  partnerResponse,
  partnerSummarySchema,
} from '../../../../shared/api/programme/partners.ts';
import { type ApiClient, api } from '../../api/client.ts';
import { type MemberFilters, membersApiPath, queryString } from './model.ts';

/**
 * The admin pages' API calls, checked with the shared schemas. Loaded with `import()`
 * (see data.ts) so zod and the schemas stay out of the first-paint bundle.
 */

const encode = encodeURIComponent;
/** Partners come 100 to a page; a community has a few dozen, so this bound is never met. */
const MAX_PARTNER_PAGES = 20;

export function adminApi(client: ApiClient = api) {
  return {
    members: (filters: MemberFilters, cursor?: string | null) =>
      client.get(membersApiPath(filters, cursor), memberPageResponse),
    member: async (id: string): Promise<PublicUser> =>
      (await client.get(`/api/members/${encode(id)}`, memberResponse)).member,
    setRoles: async (id: string, roles: Role[]): Promise<PublicUser> =>
      (
        await client.request('PUT', `/api/members/${encode(id)}/roles`, {
          body: { roles },
          schema: memberResponse,
        })
      ).member,
    /** Every partner organisation, for the staff select. */
    partners: async (): Promise<PartnerSummary[]> => {
      const all: PartnerSummary[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PARTNER_PAGES; page++) {
        const answer: Page<PartnerSummary> = await client.get(
          `/api/partners${queryString({ cursor, limit: 100 })}`,
          pageOf(partnerSummarySchema),
        );
        all.push(...answer.items);
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      return all;
    },
    linkStaff: (partnerId: string, userId: string) =>
      client.post(`/api/partners/${encode(partnerId)}/staff`, { userId }, partnerResponse),
    unlinkStaff: (partnerId: string, userId: string) =>
      client.delete(`/api/partners/${encode(partnerId)}/staff/${encode(userId)}`, partnerResponse),
    accountSettings: async (): Promise<AccountSettings> =>
      (await client.get('/api/accounts/settings', accountSettingsResponse)).settings,
    updateAccountSettings: async (patch: AccountSettings): Promise<AccountSettings> =>
      (await client.patch('/api/accounts/settings', patch, accountSettingsResponse)).settings,
  };
}

export type AdminApi = ReturnType<typeof adminApi>;

export const admin = adminApi();
