import {
  deletableCountryParams,
  supportCountryParams,
  supportResourcesQuery,
  supportResourcesResponse,
  supportSettingsBody,
  supportSettingsList,
  supportSettingsResponse,
} from '../../shared/api/support.ts';
import type { ApiRoutes } from '../infra/api/routes.ts';
import type { SupportService } from './service.ts';

const tag = 'support';
const ADMINS = ['admin'] as const;

export function mountSupportRoutes(api: ApiRoutes, support: SupportService): void {
  // Public on purpose: someone in crisis must reach these numbers without signing in.
  api.get(
    '/support/resources',
    {
      summary:
        'Crisis and helpline resources and the donation link for a country (the general list when it has none)',
      tag,
      auth: 'public',
      query: supportResourcesQuery,
      response: supportResourcesResponse,
    },
    ({ query }) => support.resources(query.country),
  );

  api.get(
    '/admin/support',
    {
      summary: 'Every country’s crisis resources and donation link (admins)',
      tag,
      auth: ADMINS,
      response: supportSettingsList,
    },
    async () => ({ items: await support.list() }),
  );

  api.put(
    '/admin/support/:country',
    {
      summary:
        'Replace a country’s crisis resources and donation link (admins; `*` is the general list)',
      tag,
      auth: ADMINS,
      params: supportCountryParams,
      body: supportSettingsBody,
      response: supportSettingsResponse,
    },
    async ({ params, body }) => ({ settings: await support.replace(params.country, body) }),
  );

  api.delete(
    '/admin/support/:country',
    {
      summary: 'Remove a country’s settings so it shows the general list (admins; `*` stays)',
      tag,
      auth: ADMINS,
      params: deletableCountryParams,
    },
    async ({ params }) => {
      await support.remove(params.country);
    },
  );
}
