import { type Connection, type Model, Schema, type Types } from 'mongoose';
import {
  CONTENT_STATUSES,
  POST_KINDS,
  REPORT_ACTIONS,
  REPORT_REASONS,
} from '../../../shared/api/community.ts';

type ContentStatus = (typeof CONTENT_STATUSES)[number];

export interface PostDoc {
  _id: Types.ObjectId;
  kind: (typeof POST_KINDS)[number];
  title: string;
  body: string;
  url: string | null;
  point: number;
  authorId: Types.ObjectId;
  status: ContentStatus;
  createdAt: Date;
}

export interface CommentDoc {
  _id: Types.ObjectId;
  postId: Types.ObjectId;
  authorId: Types.ObjectId;
  body: string;
  status: ContentStatus;
  createdAt: Date;
}

export interface ReportDoc {
  _id: Types.ObjectId;
  postId: Types.ObjectId;
  /** null: the report is about the post itself. */
  commentId: Types.ObjectId | null;
  /** null once the reporter deleted their account (the report still stands). */
  reporterId: Types.ObjectId | null;
  reason: (typeof REPORT_REASONS)[number];
  note: string | null;
  status: 'open' | 'resolved';
  action: (typeof REPORT_ACTIONS)[number] | 'content-deleted' | null;
  resolvedBy: Types.ObjectId | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

const postSchema = new Schema<PostDoc>({
  kind: { type: String, enum: POST_KINDS, required: true },
  title: { type: String, required: true },
  body: { type: String, required: true },
  url: { type: String, default: null },
  point: { type: Number, min: 1, max: 4, required: true },
  authorId: { type: Schema.Types.ObjectId, required: true, index: true },
  status: { type: String, enum: CONTENT_STATUSES, default: 'visible' },
  createdAt: { type: Date, default: () => new Date() },
});
// The feed: visible posts newest first (the keyset), alone or by point or kind.
postSchema.index({ status: 1, createdAt: -1, _id: -1 });
postSchema.index({ status: 1, point: 1, createdAt: -1, _id: -1 });
postSchema.index({ status: 1, kind: 1, createdAt: -1, _id: -1 });

const commentSchema = new Schema<CommentDoc>({
  postId: { type: Schema.Types.ObjectId, required: true },
  authorId: { type: Schema.Types.ObjectId, required: true, index: true },
  body: { type: String, required: true },
  status: { type: String, enum: CONTENT_STATUSES, default: 'visible' },
  createdAt: { type: Date, default: () => new Date() },
});
// A post's thread, oldest first.
commentSchema.index({ postId: 1, createdAt: 1, _id: 1 });

const reportSchema = new Schema<ReportDoc>({
  postId: { type: Schema.Types.ObjectId, required: true },
  commentId: { type: Schema.Types.ObjectId, default: null },
  reporterId: { type: Schema.Types.ObjectId, default: null, index: true },
  reason: { type: String, enum: REPORT_REASONS, required: true },
  note: { type: String, default: null },
  status: { type: String, enum: ['open', 'resolved'], default: 'open' },
  action: { type: String, enum: [...REPORT_ACTIONS, 'content-deleted', null], default: null },
  resolvedBy: { type: Schema.Types.ObjectId, default: null, index: true },
  resolvedAt: { type: Date, default: null },
  createdAt: { type: Date, default: () => new Date() },
});
// One report per member and target. Partial, so reports anonymised on account deletion
// (reporterId null) never collide with each other.
reportSchema.index(
  { postId: 1, commentId: 1, reporterId: 1 },
  { unique: true, partialFilterExpression: { reporterId: { $type: 'objectId' } } },
);
reportSchema.index({ status: 1, _id: 1 });

export function postModels(connection: Connection) {
  const model = <T>(name: string, schema: Schema<T>, collection: string) =>
    (connection.models[name] ?? connection.model(name, schema, collection)) as Model<T>;
  return {
    Post: model('CommunityPost', postSchema, 'community_posts'),
    Comment: model('CommunityComment', commentSchema, 'community_comments'),
    Report: model('CommunityReport', reportSchema, 'community_reports'),
  };
}
export type PostModels = ReturnType<typeof postModels>;
