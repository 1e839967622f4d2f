import { type Connection, type Model, Schema, type Types } from 'mongoose';
import {
  AUDIENCES,
  ELIGIBILITY_STATEMENTS,
  MEETING_FORMATS,
  MEETING_TYPES,
  type Recurrence,
} from '../../../shared/api/directory.ts';
import type { AgendaSegment } from '../../../shared/meetings/agenda.ts';

/**
 * A meeting in the directory. Nothing here records who joins or attends: attendance is
 * confidential by the programme's own rules, so the directory only knows the meeting.
 */
const recurrenceSchema = new Schema(
  {
    kind: { type: String, enum: ['weekly', 'once'], required: true },
    weekdays: { type: [Number], default: undefined },
    localTime: String,
    startsOn: String,
    until: String,
    localDateTime: String,
    timeZone: { type: String, required: true },
  },
  { _id: false },
);

const locationSchema = new Schema(
  {
    placeName: String,
    address: String,
    city: String,
    region: String,
    country: String,
    notes: String,
  },
  { _id: false },
);

const meetingSchema = new Schema(
  {
    title: { type: String, required: true },
    description: { type: String, required: true },
    type: { type: String, enum: MEETING_TYPES, required: true },
    audience: { type: String, enum: [...AUDIENCES, null], default: null },
    format: { type: String, enum: MEETING_FORMATS, required: true },
    language: { type: String, required: true },
    recurrence: { type: recurrenceSchema, required: true },
    durationMinutes: { type: Number, required: true },
    facilitatorIds: { type: [Schema.Types.ObjectId], default: [], index: true },
    capacity: { type: Number, required: true },
    partnerId: { type: Schema.Types.ObjectId, default: null },
    location: { type: locationSchema, default: null },
    area: {
      country: String,
      region: String,
      city: String,
    },
    /** The city folded for matching (case, accents), so a filter is an equality, not a regex. */
    cityKey: { type: String, default: null },
    eligibility: {
      type: new Schema(
        {
          requiresConfirmation: { type: Boolean, required: true },
          statementKey: { type: String, enum: ELIGIBILITY_STATEMENTS, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    /** Null: the standard agenda (DEFAULT_AGENDA), so a change of the standard reaches them. */
    agenda: {
      type: [
        new Schema(
          { kind: { type: String, required: true }, title: String, minutes: Number },
          { _id: false },
        ),
      ],
      default: undefined,
    },
    createdBy: { type: Schema.Types.ObjectId, default: null, index: true },
    /** When the last occurrence ends (null: weekly without end), so past meetings drop out. */
    activeUntil: { type: Date, default: null },
    /**
     * The occurrence in progress or next (see schedule.ts), kept by every write and by the
     * sweep, so the directory sorts and pages by index. Null once the meeting is over.
     */
    nextStart: { type: Date, default: null },
    nextEnd: { type: Date, default: null },
  },
  { timestamps: true },
);
// The directory's list: soonest first with `_id` breaking ties (the keyset), alone or after
// the equality filters people narrow by most; the sweep's "whose occurrence ended" range.
meetingSchema.index({ nextStart: 1, _id: 1 });
meetingSchema.index({ cityKey: 1, nextStart: 1, _id: 1 });
meetingSchema.index({ 'area.country': 1, nextStart: 1, _id: 1 });
meetingSchema.index({ language: 1, nextStart: 1, _id: 1 });
meetingSchema.index({ partnerId: 1, nextStart: 1, _id: 1 });
meetingSchema.index({ nextEnd: 1 });

export interface MeetingRecord {
  _id: Types.ObjectId;
  title: string;
  description: string;
  type: (typeof MEETING_TYPES)[number];
  audience: (typeof AUDIENCES)[number] | null;
  format: (typeof MEETING_FORMATS)[number];
  language: string;
  recurrence: Recurrence;
  durationMinutes: number;
  facilitatorIds: Types.ObjectId[];
  capacity: number;
  agenda?: AgendaSegment[] | null;
  partnerId: Types.ObjectId | null;
  location: {
    placeName: string;
    address: string;
    city: string;
    region?: string;
    country: string;
    notes?: string;
  } | null;
  area?: { country?: string; region?: string; city?: string } | null;
  cityKey: string | null;
  eligibility: {
    requiresConfirmation: boolean;
    statementKey: (typeof ELIGIBILITY_STATEMENTS)[number];
  } | null;
  createdBy: Types.ObjectId | null;
  activeUntil: Date | null;
  nextStart: Date | null;
  nextEnd: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function directoryModels(connection: Connection) {
  return {
    Meeting: (connection.models.Meeting ??
      connection.model('Meeting', meetingSchema)) as Model<MeetingRecord>,
  };
}
export type DirectoryModels = ReturnType<typeof directoryModels>;
