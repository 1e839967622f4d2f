import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { TRACKS, type Track } from '../../../shared/training/credentials.ts';

// Input is checked with the shared zod schemas before it reaches these models; the mongoose
// schemas give the stored shape and the indexes.

export interface CompletedCourse {
  courseId: string;
  courseTitle: string;
  track: Track;
  language: string;
  completedAt: Date;
}
export interface CompletedTrack {
  track: Track;
  completedAt: Date;
}
/** One document per member, keyed by their id: the hosting check is one read by `_id`. */
export interface TrainingRecordDoc {
  _id: Types.ObjectId;
  courses: CompletedCourse[];
  tracks: CompletedTrack[];
}

export interface CertificateDoc {
  _id: Types.ObjectId;
  code: string;
  /** Null once the member deleted their account and chose to keep it verifiable. */
  userId: Types.ObjectId | null;
  /**
   * `<userId>:<courseId>` while owned (one certificate per member and course, whatever
   * version or retake), `former:<code>` after the owner left: a plain unique string, so no
   * partial index is needed.
   */
  ownerKey: string;
  nameOnCertificate: string;
  nameChosen: boolean;
  courseId: string;
  courseTitle: string;
  track: Track;
  language: string;
  issuedAt: Date;
  keepVerifiableAfterDeletion: boolean;
}

export interface TrainingSettingsDoc {
  _id: string;
  autoGrantFacilitator: boolean;
  facilitatorCourseIds: string[];
}

const completedCourseSchema = new Schema<CompletedCourse>(
  {
    courseId: { type: String, required: true },
    courseTitle: { type: String, required: true },
    track: { type: String, enum: TRACKS, required: true },
    language: { type: String, required: true },
    completedAt: { type: Date, required: true },
  },
  { _id: false },
);
const completedTrackSchema = new Schema<CompletedTrack>(
  {
    track: { type: String, enum: TRACKS, required: true },
    completedAt: { type: Date, required: true },
  },
  { _id: false },
);
const trainingRecordSchema = new Schema<TrainingRecordDoc>(
  {
    courses: { type: [completedCourseSchema], default: [] },
    tracks: { type: [completedTrackSchema], default: [] },
  },
  { timestamps: true },
);
// The directory asks "who among these ids is trained" in one query.
trainingRecordSchema.index({ 'tracks.track': 1 });

const certificateSchema = new Schema<CertificateDoc>(
  {
    code: { type: String, required: true, unique: true },
    userId: { type: Schema.Types.ObjectId, default: null, index: true },
    ownerKey: { type: String, required: true, unique: true },
    nameOnCertificate: { type: String, required: true },
    nameChosen: { type: Boolean, default: false },
    courseId: { type: String, required: true },
    courseTitle: { type: String, required: true },
    track: { type: String, enum: TRACKS, required: true },
    language: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    keepVerifiableAfterDeletion: { type: Boolean, default: false },
  },
  { timestamps: true },
);

const trainingSettingsSchema = new Schema<TrainingSettingsDoc>(
  {
    _id: { type: String, required: true },
    autoGrantFacilitator: { type: Boolean, default: false },
    facilitatorCourseIds: { type: [String], default: [] },
  },
  { timestamps: true },
);

// Model names carry "Credential" so they cannot clash with the course feature's models.
const modelOf = <T>(connection: Connection, name: string, schema: Schema<T>, collection: string) =>
  (connection.models[name] ?? connection.model(name, schema, collection)) as Model<T>;

export function credentialModels(connection: Connection) {
  return {
    TrainingRecord: modelOf(
      connection,
      'TrainingCredentialRecord',
      trainingRecordSchema,
      'training_records',
    ),
    Certificate: modelOf(
      connection,
      'TrainingCertificate',
      certificateSchema,
      'training_certificates',
    ),
    TrainingSettings: modelOf(
      connection,
      'TrainingCredentialSettings',
      trainingSettingsSchema,
      'training_settings',
    ),
  };
}
export type CredentialModels = ReturnType<typeof credentialModels>;
