import { type Connection, type Model, Schema, type Types } from 'mongoose';

/**
 * One record per pair of members who ever stood in some relation: a request, a contact, a
 * block. Its id is also their private conversation's (its lines are chat lines whose
 * `groupId` is this id), so the conversation survives a contact ended and begun again.
 */
export interface ContactPairDoc {
  _id: Types.ObjectId;
  /** "<lower id>:<higher id>": one record per pair, whoever acted first. */
  key: string;
  /** The two members, lower id first; one becomes null when they delete their account. */
  members: Array<Types.ObjectId | null>;
  /** A request waiting for the other member's answer. */
  requestedBy: Types.ObjectId | null;
  /** The other member declined it; the asker is not told, and cannot ask again. */
  declined: boolean;
  contacts: boolean;
  /** Members of the pair who blocked the other (both may). */
  blockedBy: Types.ObjectId[];
  updatedAt: Date;
}

const pairSchema = new Schema<ContactPairDoc>({
  key: { type: String, required: true, unique: true },
  members: { type: [Schema.Types.ObjectId], required: true },
  requestedBy: { type: Schema.Types.ObjectId, default: null },
  declined: { type: Boolean, default: false },
  contacts: { type: Boolean, default: false },
  blockedBy: { type: [Schema.Types.ObjectId], default: [] },
  updatedAt: { type: Date, default: () => new Date() },
});
// A member's contacts, requests and blocks.
pairSchema.index({ members: 1 });

export function contactModels(connection: Connection) {
  return {
    Pair: (connection.models.ContactPair ??
      connection.model('ContactPair', pairSchema, 'chat_contacts')) as Model<ContactPairDoc>,
  };
}

export type ContactModels = ReturnType<typeof contactModels>;
