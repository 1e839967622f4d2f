import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { GROUP_KINDS } from '../../../shared/api/community.ts';

/** Most group moderators a group can have; bounds the array kept on the group itself. */
export const MAX_GROUP_MODERATORS = 20;

export interface GroupDoc {
  _id: Types.ObjectId;
  name: string;
  /** `name` folded (case, accents) for alphabetical order and the cursor. */
  nameKey: string;
  description: string;
  language: string;
  kind: (typeof GROUP_KINDS)[number];
  area: { country: string; region?: string; city?: string; cityKey?: string } | null;
  topic: string | null;
  timeZone: string | null;
  /** null once the creator deleted their account: the group stays for its members. */
  createdBy: Types.ObjectId | null;
  /**
   * Kept on the group (not only in memberships) so "never leave a group without a
   * moderator" is one atomic conditional update, without transactions.
   */
  moderatorIds: Types.ObjectId[];
  createdAt: Date;
}

export interface MembershipDoc {
  _id: Types.ObjectId;
  groupId: Types.ObjectId;
  userId: Types.ObjectId;
  joinedAt: Date;
}

const groupSchema = new Schema<GroupDoc>({
  name: { type: String, required: true },
  nameKey: { type: String, required: true },
  description: { type: String, required: true },
  language: { type: String, required: true },
  kind: { type: String, enum: GROUP_KINDS, required: true },
  area: {
    type: new Schema(
      { country: String, region: String, city: String, cityKey: String },
      { _id: false },
    ),
    default: null,
  },
  topic: { type: String, default: null },
  timeZone: { type: String, default: null },
  createdBy: { type: Schema.Types.ObjectId, default: null, index: true },
  moderatorIds: { type: [Schema.Types.ObjectId], default: [], index: true },
  createdAt: { type: Date, default: () => new Date() },
});
// The list: by name (the keyset), alone or within a country, a city, a kind or a language.
groupSchema.index({ nameKey: 1, _id: 1 });
groupSchema.index({ 'area.country': 1, nameKey: 1, _id: 1 });
groupSchema.index({ 'area.country': 1, 'area.cityKey': 1, nameKey: 1, _id: 1 });
groupSchema.index({ kind: 1, nameKey: 1, _id: 1 });
groupSchema.index({ language: 1, nameKey: 1, _id: 1 });

const membershipSchema = new Schema<MembershipDoc>({
  groupId: { type: Schema.Types.ObjectId, required: true },
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  joinedAt: { type: Date, default: () => new Date() },
});
// One membership per member and group: joining twice (or two tabs at once) is a no-op.
membershipSchema.index({ groupId: 1, userId: 1 }, { unique: true });

export function groupModels(connection: Connection) {
  return {
    Group: (connection.models.CommunityGroup ??
      connection.model('CommunityGroup', groupSchema, 'community_groups')) as Model<GroupDoc>,
    Membership: (connection.models.CommunityGroupMembership ??
      connection.model(
        'CommunityGroupMembership',
        membershipSchema,
        'community_group_memberships',
      )) as Model<MembershipDoc>,
  };
}
export type GroupModels = ReturnType<typeof groupModels>;
