import { type Connection, type Model, Schema } from 'mongoose';
import type { z } from 'zod';
import {
  HELPED,
  type Helped,
  type occurrenceFeedbackSchema,
} from '../../../shared/meetings/feedback.ts';

type OccurrenceFeedback = z.infer<typeof occurrenceFeedbackSchema>;

/**
 * The only thing Haven keeps about who came to a live meeting: anonymous numbers per
 * occurrence (the most people in the room at once, how many were let in, and how many gave
 * each rating and ticked each "what helped" when leaving). No names, no member ids, no times
 * of arrival, nothing linking a rating to anyone: attendance is confidential by the
 * programme's rules.
 */
interface AttendanceRecord {
  meetingId: string;
  /** When the host opened this occurrence. */
  openedAt: Date;
  peakAdmitted: number;
  totalAdmitted: number;
  /** Counts by rating, keyed "1" to "5". */
  ratings?: Record<string, number>;
  helped?: Partial<Record<Helped, number>>;
}

const attendanceSchema = new Schema<AttendanceRecord>(
  {
    meetingId: { type: String, required: true },
    openedAt: { type: Date, required: true },
    peakAdmitted: { type: Number, default: 0 },
    totalAdmitted: { type: Number, default: 0 },
    ratings: { type: Schema.Types.Mixed, default: undefined },
    helped: { type: Schema.Types.Mixed, default: undefined },
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

  /** One anonymous rating: counts go up, nothing says whose it was. */
  async rated(meetingId: string, openedAt: Date, rating: number, helped: Helped[]): Promise<void> {
    const inc: Record<string, number> = { [`ratings.${rating}`]: 1 };
    for (const what of helped) inc[`helped.${what}`] = 1;
    await this.#model.updateOne({ meetingId, openedAt }, { $inc: inc }, { upsert: true });
  }

  /** The latest occurrences first (at most 50), as numbers only. */
  async forMeeting(meetingId: string): Promise<OccurrenceFeedback[]> {
    const found = await this.#model
      .find(
        { meetingId },
        { _id: 0, openedAt: 1, peakAdmitted: 1, totalAdmitted: 1, ratings: 1, helped: 1 },
      )
      .sort({ openedAt: -1 })
      .limit(50)
      .lean();
    return found.map((record) => ({
      openedAt: record.openedAt.toISOString(),
      peakAdmitted: record.peakAdmitted,
      totalAdmitted: record.totalAdmitted,
      ratings: [1, 2, 3, 4, 5].map((r) => record.ratings?.[String(r)] ?? 0),
      helped: Object.fromEntries(HELPED.map((h) => [h, record.helped?.[h] ?? 0])) as Record<
        Helped,
        number
      >,
    }));
  }
}
