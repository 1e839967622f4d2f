import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { CHAT_REPORT_ACTIONS, type ChatReportAction } from '../../shared/api/chat-reports.ts';
import { REPORT_REASONS } from '../../shared/api/community.ts';

/**
 * A group's chat lines and each member's read marker. Lines are kept (this is the
 * community's conversation, unlike a meeting's chat); a deleted line keeps its place as a
 * tombstone without its text, and a member who deletes their account leaves tombstones.
 */

export interface ChatMessageDoc {
  _id: Types.ObjectId;
  /** A private line's `groupId` is its conversation's (contact-models.ts). */
  kind: 'group' | 'private';
  groupId: Types.ObjectId;
  /** null once the sender deleted their account. */
  senderId: Types.ObjectId | null;
  clientId: string;
  text: string | null;
  /** Names are looked up when shown, so a rename or a deleted account shows everywhere. */
  replyTo: { id: Types.ObjectId; senderId: Types.ObjectId | null; excerpt: string | null } | null;
  mentions: Types.ObjectId[];
  reactions: Array<{ emoji: string; userIds: Types.ObjectId[] }>;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

export interface ChatReadDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  groupId: Types.ObjectId;
  /** The newest line the member has seen; unread counts start after it. */
  lastReadId: Types.ObjectId;
}

const messageSchema = new Schema<ChatMessageDoc>({
  kind: { type: String, enum: ['group', 'private'], default: 'group' },
  groupId: { type: Schema.Types.ObjectId, required: true },
  senderId: { type: Schema.Types.ObjectId, default: null },
  clientId: { type: String, required: true },
  text: { type: String, default: null },
  replyTo: {
    type: new Schema(
      { id: Schema.Types.ObjectId, senderId: Schema.Types.ObjectId, excerpt: String },
      { _id: false },
    ),
    default: null,
  },
  mentions: { type: [Schema.Types.ObjectId], default: [] },
  reactions: {
    type: [new Schema({ emoji: String, userIds: [Schema.Types.ObjectId] }, { _id: false })],
    default: [],
  },
  createdAt: { type: Date, default: () => new Date() },
  editedAt: { type: Date, default: null },
  deletedAt: { type: Date, default: null },
});
// History pages and unread counts: a group's lines by id (ids grow with time).
messageSchema.index({ groupId: 1, _id: -1 });
// A retried send (same client id) finds the line it already stored instead of a second one.
messageSchema.index({ groupId: 1, senderId: 1, clientId: 1 }, { unique: true });
// The replies to a line, whose excerpt of it follows its edits and deletion.
messageSchema.index({ 'replyTo.id': 1 });
// A member's own lines: export and erasure with the account.
messageSchema.index({ senderId: 1, _id: 1 });
// Search within a group: words, case and accents folded (the stand-in and mongod alike).
messageSchema.index({ text: 'text' }, { default_language: 'none' });
// Unread mentions of a member.
messageSchema.index({ mentions: 1, groupId: 1, _id: 1 });

const readSchema = new Schema<ChatReadDoc>({
  userId: { type: Schema.Types.ObjectId, required: true },
  groupId: { type: Schema.Types.ObjectId, required: true },
  lastReadId: { type: Schema.Types.ObjectId, required: true },
});
readSchema.index({ userId: 1, groupId: 1 }, { unique: true });

/** A moderator's restriction of one member in one group's chat. */
export interface ChatRestrictionDoc {
  _id: Types.ObjectId;
  groupId: Types.ObjectId;
  userId: Types.ObjectId;
  kind: 'mute' | 'ban';
  /** null: until a moderator lifts it (bans). */
  until: Date | null;
  by: Types.ObjectId | null;
}

/** A group's chat settings, kept by the chat (the group itself knows nothing of chat). */
export interface ChatSettingsDoc {
  _id: Types.ObjectId;
  groupId: Types.ObjectId;
  slowModeSeconds: number;
}

const restrictionSchema = new Schema<ChatRestrictionDoc>({
  groupId: { type: Schema.Types.ObjectId, required: true },
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  kind: { type: String, enum: ['mute', 'ban'], required: true },
  until: { type: Date, default: null },
  by: { type: Schema.Types.ObjectId, default: null },
});
restrictionSchema.index({ groupId: 1, userId: 1 }, { unique: true });

const settingsSchema = new Schema<ChatSettingsDoc>({
  groupId: { type: Schema.Types.ObjectId, required: true, unique: true },
  slowModeSeconds: { type: Number, default: 0 },
});

/**
 * A member's report of a line. Ids, the reason and the state only: no copy of the text (the
 * queue looks the line up, so a line deleted since shows as deleted).
 */
export interface ChatReportDoc {
  _id: Types.ObjectId;
  messageId: Types.ObjectId;
  groupId: Types.ObjectId;
  /** null once the reporter deleted their account (the report still stands). */
  reporterId: Types.ObjectId | null;
  /** The reported line's sender: a moderator's own lines are left to the others. */
  lineSenderId?: Types.ObjectId | null;
  reason: (typeof REPORT_REASONS)[number];
  note: string | null;
  status: 'open' | 'resolved';
  action: ChatReportAction | null;
  resolvedBy: Types.ObjectId | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

const reportSchema = new Schema<ChatReportDoc>({
  messageId: { type: Schema.Types.ObjectId, required: true },
  groupId: { type: Schema.Types.ObjectId, required: true },
  reporterId: { type: Schema.Types.ObjectId, default: null, index: true },
  lineSenderId: { type: Schema.Types.ObjectId, default: null, index: true },
  reason: { type: String, enum: REPORT_REASONS, required: true },
  note: { type: String, default: null },
  status: { type: String, enum: ['open', 'resolved'], default: 'open' },
  action: { type: String, enum: [...CHAT_REPORT_ACTIONS, null], default: null },
  resolvedBy: { type: Schema.Types.ObjectId, default: null, index: true },
  resolvedAt: { type: Date, default: null },
  createdAt: { type: Date, default: () => new Date() },
});
// One open report per member and line (a second one finds the first). Partial, so resolved
// reports and those anonymised on account deletion never collide.
reportSchema.index(
  { messageId: 1, reporterId: 1 },
  {
    unique: true,
    partialFilterExpression: { status: 'open', reporterId: { $type: 'objectId' } },
  },
);
// The queue: every group's (site staff) or some groups' (their moderators), oldest first.
reportSchema.index({ status: 1, _id: 1 });
reportSchema.index({ groupId: 1, status: 1, _id: 1 });
// Resolving a line resolves every open report on it.
reportSchema.index({ messageId: 1, status: 1 });

export function chatModels(connection: Connection) {
  return {
    Message: (connection.models.ChatMessage ??
      connection.model('ChatMessage', messageSchema, 'chat_messages')) as Model<ChatMessageDoc>,
    Read: (connection.models.ChatRead ??
      connection.model('ChatRead', readSchema, 'chat_reads')) as Model<ChatReadDoc>,
    Restriction: (connection.models.ChatRestriction ??
      connection.model(
        'ChatRestriction',
        restrictionSchema,
        'chat_restrictions',
      )) as Model<ChatRestrictionDoc>,
    Settings: (connection.models.ChatSettings ??
      connection.model('ChatSettings', settingsSchema, 'chat_settings')) as Model<ChatSettingsDoc>,
    Report: (connection.models.ChatReport ??
      connection.model('ChatReport', reportSchema, 'chat_reports')) as Model<ChatReportDoc>,
  };
}

export type ChatModels = ReturnType<typeof chatModels>;
