import { type Connection, type Model, Schema, type Types } from 'mongoose';
import {
  COURSE_LANGUAGES,
  COURSE_STATUSES,
  ITEM_KINDS,
  TRACKS,
} from '../../shared/training/content.ts';
import { ITEM_STATUSES, SUBMISSION_STATUSES } from '../../shared/training/learning.ts';
import { VIDEO_CONTENT_TYPES } from '../../shared/training/videos.ts';

// Input is validated with the shared zod schemas before it reaches these models; the
// mongoose schemas give the stored shape and the indexes (docs/training.md, "Model").

const moduleSchema = new Schema(
  { key: { type: String, required: true }, title: String, itemKeys: [String] },
  { _id: false },
);

/** What a course says about itself; the course's draft and each published version hold one. */
const outlineFields = {
  title: { type: String, required: true },
  description: { type: String, default: '' },
  language: { type: String, enum: COURSE_LANGUAGES, required: true },
  track: { type: String, enum: TRACKS, required: true },
  prerequisites: { type: [Schema.Types.ObjectId], default: [] },
  plannedMinutes: { type: Number, required: true },
  modules: { type: [moduleSchema], default: [] },
};

/**
 * A course: its working draft (the outline fields at the top level) and, once published,
 * a copy of the latest version's outline in `published` so lists need one query.
 */
const courseSchema = new Schema(
  {
    ...outlineFields,
    status: { type: String, enum: COURSE_STATUSES, required: true },
    version: { type: Number, default: 0 },
    published: { type: new Schema(outlineFields, { _id: false }), default: null },
    hasUnpublishedChanges: { type: Boolean, default: true },
    createdBy: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true, minimize: false },
);
courseSchema.index({ status: 1, _id: 1 });

/** A published version of a course: never changed, so learners who started it can finish it. */
const versionSchema = new Schema(
  {
    courseId: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    ...outlineFields,
    publishedBy: { type: Schema.Types.ObjectId, default: null },
    publishedAt: { type: Date, required: true },
  },
  { minimize: false },
);
versionSchema.index({ courseId: 1, version: 1 }, { unique: true });

/**
 * One item of one version (version 0 is the draft). `key` is stable across versions;
 * `content` holds the kind's fields (quiz answers included: they leave only through views
 * that strip them).
 */
const itemSchema = new Schema(
  {
    courseId: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    moduleKey: { type: String, required: true },
    key: { type: String, required: true },
    kind: { type: String, enum: ITEM_KINDS, required: true },
    title: { type: String, required: true },
    /** Planned minutes (a video's duration rounded up). */
    minutes: { type: Number, required: true },
    content: { type: Schema.Types.Mixed, required: true },
  },
  { minimize: false },
);
itemSchema.index({ courseId: 1, version: 1, key: 1 }, { unique: true });

/** Which version of a course a learner is taking, and when they completed it. */
const enrolmentSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    courseId: { type: Schema.Types.ObjectId, required: true },
    track: { type: String, enum: TRACKS, required: true },
    version: { type: Number, required: true },
    startedAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
  },
  { minimize: false },
);
enrolmentSchema.index({ userId: 1, courseId: 1 }, { unique: true });

/** A learner's progress with one item, by the item's stable key (kept across versions). */
const progressSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    courseId: { type: Schema.Types.ObjectId, required: true },
    itemKey: { type: String, required: true },
    status: { type: String, enum: ITEM_STATUSES, required: true },
    /** Seconds credited from heartbeats (capped per beat and per item). */
    seconds: { type: Number, default: 0 },
    /** The server's time of the last heartbeat (the client's clock is never trusted). */
    lastBeatAt: { type: Date, default: null },
    startedAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
  },
  { minimize: false },
);
progressSchema.index({ userId: 1, courseId: 1, itemKey: 1 }, { unique: true });

const attemptSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    courseId: { type: Schema.Types.ObjectId, required: true },
    itemId: { type: Schema.Types.ObjectId, required: true },
    itemKey: { type: String, required: true },
    /** 1, 2, ... per learner and quiz key: unique, so two racing attempts cannot pass the limit. */
    number: { type: Number, required: true },
    answers: { type: Schema.Types.Mixed, required: true },
    score: { type: Number, required: true },
    passed: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
  },
  { minimize: false },
);
attemptSchema.index({ userId: 1, courseId: 1, itemKey: 1, number: 1 }, { unique: true });

/** Written-exercise answers: a new version each time; trainers review them (another part). */
const submissionSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    courseId: { type: Schema.Types.ObjectId, required: true },
    itemId: { type: Schema.Types.ObjectId, required: true },
    itemKey: { type: String, required: true },
    version: { type: Number, required: true },
    text: { type: String, required: true },
    status: { type: String, enum: SUBMISSION_STATUSES, required: true },
    feedback: { type: String, default: null },
    reviewerId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
    reviewedAt: { type: Date, default: null },
  },
  { minimize: false },
);
submissionSchema.index({ userId: 1, courseId: 1, itemKey: 1, version: 1 }, { unique: true });
submissionSchema.index({ status: 1, createdAt: 1 });

/**
 * A video a trainer or admin uploaded (videos.ts): the file is
 * `<HAVEN_DATA_DIR>/training-videos/<id>.<mp4|webm>`. The document is written only once
 * the file is safely on disk, so every document has its file. The file's original name is
 * not kept: the video is known by its id.
 */
const videoSchema = new Schema(
  {
    /** Who uploaded it; null once that account is deleted (the video is course content). */
    ownerId: { type: Schema.Types.ObjectId, default: null },
    contentType: { type: String, enum: VIDEO_CONTENT_TYPES, required: true },
    /** Bytes. */
    size: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { minimize: false },
);
videoSchema.index({ ownerId: 1 });

export interface ModuleDoc {
  key: string;
  title: string;
  itemKeys: string[];
}
export interface OutlineDoc {
  title: string;
  description: string;
  language: string;
  track: string;
  prerequisites: Types.ObjectId[];
  plannedMinutes: number;
  modules: ModuleDoc[];
}
export interface CourseDoc extends OutlineDoc {
  _id: Types.ObjectId;
  status: string;
  version: number;
  published: OutlineDoc | null;
  hasUnpublishedChanges: boolean;
  createdBy: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface VersionDoc extends OutlineDoc {
  _id: Types.ObjectId;
  courseId: Types.ObjectId;
  version: number;
  publishedBy: Types.ObjectId | null;
  publishedAt: Date;
}
export interface ItemDoc {
  _id: Types.ObjectId;
  courseId: Types.ObjectId;
  version: number;
  moduleKey: string;
  key: string;
  kind: string;
  title: string;
  minutes: number;
  content: Record<string, unknown>;
}
export interface EnrolmentDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  courseId: Types.ObjectId;
  track: string;
  version: number;
  startedAt: Date;
  completedAt: Date | null;
}
export interface ProgressDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  courseId: Types.ObjectId;
  itemKey: string;
  status: string;
  seconds: number;
  lastBeatAt: Date | null;
  startedAt: Date;
  completedAt: Date | null;
}
export interface AttemptDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  courseId: Types.ObjectId;
  itemId: Types.ObjectId;
  itemKey: string;
  number: number;
  answers: Record<string, string[]>;
  score: number;
  passed: boolean;
  createdAt: Date;
}
export interface SubmissionDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  courseId: Types.ObjectId;
  itemId: Types.ObjectId;
  itemKey: string;
  version: number;
  text: string;
  status: string;
  feedback: string | null;
  reviewerId: Types.ObjectId | null;
  createdAt: Date;
  reviewedAt: Date | null;
}

export interface VideoDoc {
  _id: Types.ObjectId;
  ownerId: Types.ObjectId | null;
  contentType: string;
  size: number;
  createdAt: Date;
}

export interface TrainingModels {
  Course: Model<CourseDoc>;
  Version: Model<VersionDoc>;
  Item: Model<ItemDoc>;
  Enrolment: Model<EnrolmentDoc>;
  Progress: Model<ProgressDoc>;
  Attempt: Model<AttemptDoc>;
  Submission: Model<SubmissionDoc>;
  Video: Model<VideoDoc>;
}

function modelOn<D>(
  connection: Connection,
  name: string,
  schema: Schema,
  collection: string,
): Model<D> {
  return (
    (connection.models[name] as Model<D> | undefined) ??
    connection.model<D>(name, schema, collection)
  );
}

export function trainingModels(connection: Connection): TrainingModels {
  return {
    Course: modelOn(connection, 'TrainingCourse', courseSchema, 'training_courses'),
    Version: modelOn(
      connection,
      'TrainingCourseVersion',
      versionSchema,
      'training_course_versions',
    ),
    Item: modelOn(connection, 'TrainingItem', itemSchema, 'training_items'),
    Enrolment: modelOn(connection, 'TrainingEnrolment', enrolmentSchema, 'training_enrolments'),
    Progress: modelOn(connection, 'TrainingProgress', progressSchema, 'training_progress'),
    Attempt: modelOn(connection, 'TrainingAttempt', attemptSchema, 'training_attempts'),
    Submission: modelOn(connection, 'TrainingSubmission', submissionSchema, 'training_submissions'),
    Video: modelOn(connection, 'TrainingVideo', videoSchema, 'training_videos'),
  };
}
