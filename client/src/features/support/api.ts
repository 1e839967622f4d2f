import {
  type SupportResources,
  type SupportSettings,
  type SupportSettingsInput,
  supportResourcesResponse,
  supportSettingsList,
  supportSettingsResponse,
} from '../../../../shared/api/support.ts';
import { type ApiClient, api } from '../../api/client.ts';
import { resourcesPath } from './model.ts';

/**
 * The support feature's API calls, checked with the shared schemas. Loaded with `import()`
 * (see data.ts) so zod stays out of the first paint of the public crisis page.
 */
const encode = encodeURIComponent;

export function supportApi(client: ApiClient = api) {
  return {
    resources: (country: string | null): Promise<SupportResources> =>
      client.get(resourcesPath(country), supportResourcesResponse),
    all: async (): Promise<SupportSettings[]> =>
      (await client.get('/api/admin/support', supportSettingsList)).items,
    save: async (country: string, body: SupportSettingsInput): Promise<SupportSettings> =>
      (
        await client.request('PUT', `/api/admin/support/${encode(country)}`, {
          body,
          schema: supportSettingsResponse,
        })
      ).settings,
    remove: (country: string) => client.delete(`/api/admin/support/${encode(country)}`),
  };
}

export type SupportApi = ReturnType<typeof supportApi>;

export const support = supportApi();
