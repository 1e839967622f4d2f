import { type Connection, type Model, Schema } from 'mongoose';

/**
 * The only thing Haven keeps about who came to a live meeting: two anonymous numbers per
 * occurrence (the most people in the room at once, and how many were let in). No names,
 * no member ids, no times of arrival: attendance is confidential by the programme's rules.
 */
interface AttendanceRecord {
  meetingId: string;
  /** When the host opened this occurrence. */
  openedAt: Date;
  peakAdmitted: number;
  totalAdmitted: number;
}

const attendanceSchema = new Schema<AttendanceRecord>(
  {
    meetingId: { type: String, required: true },
    openedAt: { type: Date, required: true },
    peakAdmitted: { type: Number, default: 0 },
    totalAdmitted: { type: Number, default: 0 },
  },
  { versionKey: false },
);
attendanceSchema.index({ meetingId: 1, openedAt: 1 }, { unique: true });

export function attendanceModel(connection: Connection): Model<AttendanceRecord> {
  return (connection.models.MeetingAttendance ??
    connection.model('MeetingAttendance', attendanceSchema)) as Model<AttendanceRecord>;
}

export class AttendanceCounter {
  readonly #model: Model<AttendanceRecord>;
  constructor(connection: Connection) {
    this.#model = attendanceModel(connection);
  }

  /** One more person admitted; `inRoom` is how many are admitted now. */
  async admitted(meetingId: string, openedAt: Date, inRoom: number): Promise<void> {
    await this.#model.updateOne(
      { meetingId, openedAt },
      { $inc: { totalAdmitted: 1 }, $max: { peakAdmitted: inRoom } },
      { upsert: true },
    );
  }

  async forMeeting(meetingId: string) {
    return this.#model
      .find({ meetingId }, { _id: 0, openedAt: 1, peakAdmitted: 1, totalAdmitted: 1 })
      .sort({ openedAt: -1 })
      .lean();
  }
}
