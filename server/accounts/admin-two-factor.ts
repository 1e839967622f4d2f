import { type Connection, type Model, Schema } from 'mongoose';
import type { AccountSettings } from '../../shared/api/accounts.ts';
import { twoFactorModel } from './two-factor-store.ts';

/** The organisation has one sign-in policy; its document has a fixed id. */
const SETTINGS_ID = 'organisation';

const accountSettingsSchema = new Schema({
  _id: { type: String, required: true },
  twoFactorRequiredForAdmins: { type: Boolean, default: false },
});

interface AccountSettingsRecord {
  _id: string;
  twoFactorRequiredForAdmins: boolean;
}

function accountSettingsModel(connection: Connection): Model<AccountSettingsRecord> {
  return (connection.models.AccountSettings ??
    connection.model(
      'AccountSettings',
      accountSettingsSchema,
      'accountsettings',
    )) as Model<AccountSettingsRecord>;
}

/**
 * "Two-factor required for admins". Enforced where a session becomes `req.user`: an admin
 * without two-factor loses the admin role for that request (kept in `withheldRoles`), so
 * no admin route and no service-level `roles.includes('admin')` check can let them through,
 * HTTP or socket, and `requireRole` answers TWO_FACTOR_REQUIRED instead of FORBIDDEN.
 */
export class AdminTwoFactorPolicy {
  readonly #settings: Model<AccountSettingsRecord>;
  readonly #twoFactor: ReturnType<typeof twoFactorModel>;

  constructor(connection: Connection) {
    this.#settings = accountSettingsModel(connection);
    this.#twoFactor = twoFactorModel(connection);
  }

  async get(): Promise<AccountSettings> {
    const found = await this.#settings.findById(SETTINGS_ID).lean();
    return { twoFactorRequiredForAdmins: found?.twoFactorRequiredForAdmins ?? false };
  }

  async update(patch: AccountSettings): Promise<AccountSettings> {
    await this.#settings.updateOne(
      { _id: SETTINGS_ID },
      { $set: { twoFactorRequiredForAdmins: patch.twoFactorRequiredForAdmins } },
      { upsert: true },
    );
    return this.get();
  }

  /** True when the policy is on and this member has not enrolled in two-factor sign-in. */
  async adminRoleWithheld(userId: string): Promise<boolean> {
    if (!(await this.get()).twoFactorRequiredForAdmins) return false;
    const record = await this.#twoFactor.findOne({ userId }, { secret: 1 }).lean();
    return !record?.secret;
  }
}
