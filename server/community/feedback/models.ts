import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { FEEDBACK_STATUSES, FEEDBACK_TOPICS } from '../../../shared/api/community.ts';

export interface FeedbackDoc {
  _id: Types.ObjectId;
  topic: (typeof FEEDBACK_TOPICS)[number];
  message: string;
  /** null for anonymous feedback (never stored), and once the member deleted their account. */
  memberId: Types.ObjectId | null;
  anonymous: boolean;
  status: (typeof FEEDBACK_STATUSES)[number];
  response: string | null;
  respondedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const feedbackSchema = new Schema<FeedbackDoc>(
  {
    topic: { type: String, enum: FEEDBACK_TOPICS, required: true },
    message: { type: String, required: true },
    memberId: { type: Schema.Types.ObjectId, default: null, index: true },
    anonymous: { type: Boolean, default: false },
    status: { type: String, enum: FEEDBACK_STATUSES, default: 'new' },
    response: { type: String, default: null },
    respondedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
feedbackSchema.index({ status: 1, createdAt: -1, _id: -1 });

export function feedbackModels(connection: Connection) {
  return {
    Feedback: (connection.models.CommunityFeedback ??
      connection.model(
        'CommunityFeedback',
        feedbackSchema,
        'community_feedback',
      )) as Model<FeedbackDoc>,
  };
}
export type FeedbackModels = ReturnType<typeof feedbackModels>;
