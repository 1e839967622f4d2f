import { accountSettingsPatchBody, accountSettingsResponse } from '../../shared/api/accounts.ts';
import type { ApiRoutes } from '../infra/api/routes.ts';
import { AppError } from '../infra/errors.ts';
import type { AdminTwoFactorPolicy } from './admin-two-factor.ts';
import type { TwoFactor } from './two-factor.ts';

const TAG = 'accounts';

export function mountAdminTwoFactorRoutes(
  api: ApiRoutes,
  deps: { policy: AdminTwoFactorPolicy; twoFactor: TwoFactor },
): void {
  api.get(
    '/accounts/settings',
    {
      summary: "The organisation's sign-in policy (admin)",
      tag: TAG,
      auth: ['admin'],
      response: accountSettingsResponse,
    },
    async () => ({ settings: await deps.policy.get() }),
  );

  // While the policy is on, an admin without two-factor cannot reach this route at all (the
  // role is withheld): turning the rule off is exactly what it must not let them do, or any
  // stolen admin password could switch it off. They enrol first, then decide.
  api.patch(
    '/accounts/settings',
    {
      summary: "Change the organisation's sign-in policy (admin)",
      tag: TAG,
      auth: ['admin'],
      body: accountSettingsPatchBody,
      response: accountSettingsResponse,
    },
    async ({ user, body }) => {
      // Turning it on without being enrolled would lock the admin out of this very page.
      if (body.twoFactorRequiredForAdmins && !(await deps.twoFactor.isEnabled(user.id)))
        throw new AppError('TWO_FACTOR_REQUIRED', 'enrol in two-factor sign-in first');
      return { settings: await deps.policy.update(body) };
    },
  );
}
