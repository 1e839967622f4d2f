import { type Connection, type InferSchemaType, Schema } from 'mongoose';
import { DEFAULT_PRIVACY, ROLES, UI_LANGUAGES } from '../../shared/api/accounts.ts';
import { nameKey } from './name-key.ts';

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    passwordHash: { type: String, required: true },
    /** When the member confirmed the address (its emailed link); null until then. */
    emailVerifiedAt: { type: Date, default: null },
    displayName: { type: String, required: true },
    /** `displayName` folded (case, accents) for the admins' member search and its order. */
    displayNameKey: { type: String },
    roles: { type: [String], enum: ROLES, default: ['participant'] },
    partnerId: { type: Schema.Types.ObjectId, default: null, index: true },
    area: {
      country: String,
      region: String,
      city: String,
    },
    languages: { type: [String], default: [] },
    timeZone: { type: String, default: 'UTC' },
    /** The language of Haven's pages the member chose; unset until they choose one. */
    uiLanguage: { type: String, enum: UI_LANGUAGES },
    privacy: {
      showInGroupMemberLists: { type: Boolean, default: DEFAULT_PRIVACY.showInGroupMemberLists },
      showArea: { type: Boolean, default: DEFAULT_PRIVACY.showArea },
      appearOffline: { type: Boolean, default: DEFAULT_PRIVACY.appearOffline },
      showLastSeen: { type: Boolean, default: DEFAULT_PRIVACY.showLastSeen },
      acceptContactRequests: {
        type: Boolean,
        default: DEFAULT_PRIVACY.acceptContactRequests,
      },
    },
  },
  { timestamps: true },
);
// Every new member (sign-up, demo seed) gets the key; profile updates set it themselves.
userSchema.pre('validate', function () {
  if (this.isModified('displayName')) this.displayNameKey = nameKey(this.displayName);
});
userSchema.index({ displayNameKey: 1, _id: 1 });

/**
 * The session token itself is only ever in the member's cookie; the database keeps its
 * SHA-256, so a copy of the database cannot be replayed as logins.
 */
const sessionSchema = new Schema({
  _id: { type: String },
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  expiresAt: { type: Date, required: true },
  createdAt: { type: Date, default: () => new Date() },
  /** Approximate (written at most every few minutes), for the member's list of sessions. */
  lastUsedAt: { type: Date },
  /** Browser and system names only (device-name.ts): never the user agent or the address. */
  device: { browser: String, os: String },
});
// A real MongoDB deletes expired sessions itself; the service also refuses them on read.
sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

/** How long a registration waits for its email to be confirmed before it is forgotten. */
export const PENDING_REGISTRATION_TTL_MS = 7 * 24 * 3600 * 1000;

/**
 * A registration whose address is not confirmed yet: not an account (it cannot sign in, and
 * nobody sees it), just what the account will be once the emailed link is opened. Kept apart
 * from `users` so that every list, search and export of members is unaffected, and written
 * for every registration, whether or not the address has an account, so what follows
 * (signing in with that password) answers the same either way (docs/accounts.md).
 * Its `_id` becomes the account's. One per address: a new registration replaces it.
 */
const pendingRegistrationSchema = new Schema({
  email: { type: String, required: true, unique: true },
  passwordHash: { type: String, required: true },
  displayName: { type: String, required: true },
  /** The language the sign-up page was in: the link's email and the account speak it. */
  uiLanguage: { type: String, enum: UI_LANGUAGES },
  expiresAt: { type: Date, required: true },
});
// Never confirmed: gone after a week by itself; reads also refuse an expired one.
pendingRegistrationSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type UserDoc = InferSchemaType<typeof userSchema> & {
  _id: import('mongoose').Types.ObjectId;
};

export function accountModels(connection: Connection) {
  return {
    User: connection.models.User ?? connection.model('User', userSchema),
    Session: connection.models.Session ?? connection.model('Session', sessionSchema),
    PendingRegistration:
      connection.models.PendingRegistration ??
      connection.model('PendingRegistration', pendingRegistrationSchema),
  } as {
    User: import('mongoose').Model<InferSchemaType<typeof userSchema>>;
    Session: import('mongoose').Model<InferSchemaType<typeof sessionSchema>>;
    PendingRegistration: import('mongoose').Model<
      InferSchemaType<typeof pendingRegistrationSchema>
    >;
  };
}
export type AccountModels = ReturnType<typeof accountModels>;
