import { type Connection, type Model, Schema } from 'mongoose';
import type { CrisisLine, SupportCountry } from '../../shared/api/support.ts';

export interface SupportSettingsDoc {
  /** The country code, or `*` for the general list: one document per key, so `_id` is the key. */
  _id: SupportCountry;
  crisisLines: CrisisLine[];
  donationUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const crisisLineSchema = new Schema<CrisisLine>(
  {
    name: { type: String, required: true },
    description: String,
    phone: String,
    sms: String,
    url: String,
    hours: String,
    languages: { type: [String], default: undefined },
    example: { type: Boolean, default: false },
  },
  { _id: false },
);

const supportSettingsSchema = new Schema<SupportSettingsDoc>(
  {
    _id: { type: String, required: true },
    // Order matters: admins list the most useful line first.
    crisisLines: { type: [crisisLineSchema], default: [] },
    donationUrl: { type: String, default: null },
  },
  { timestamps: true },
);

export function supportModels(connection: Connection) {
  return {
    SupportSettings: (connection.models.SupportSettings ??
      connection.model(
        'SupportSettings',
        supportSettingsSchema,
        'support_settings',
      )) as Model<SupportSettingsDoc>,
  };
}
export type SupportModels = ReturnType<typeof supportModels>;
