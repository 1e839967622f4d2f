import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { EVENT_KINDS, EVENT_STATUSES } from '../../../shared/api/community.ts';

export interface EventDoc {
  _id: Types.ObjectId;
  title: string;
  description: string;
  kind: (typeof EVENT_KINDS)[number];
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: {
    type: 'online' | 'in-person';
    url?: string;
    venue?: string;
    address?: string;
    city?: string;
    region?: string;
    country?: string;
  };
  capacity: number | null;
  groupId: Types.ObjectId | null;
  /** null once the organiser deleted their account: the event stays for those going. */
  createdBy: Types.ObjectId | null;
  status: (typeof EVENT_STATUSES)[number];
  /**
   * RSVPs live on the event itself, with their count beside them, so "take a place if
   * one is left" is a single conditional update: atomic on any MongoDB, no transaction
   * needed. MAX_EVENT_PLACES bounds the array.
   */
  attendees: Types.ObjectId[];
  goingCount: number;
  createdAt: Date;
  updatedAt: Date;
}

const eventSchema = new Schema<EventDoc>(
  {
    title: { type: String, required: true },
    description: { type: String, required: true },
    kind: { type: String, enum: EVENT_KINDS, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true, index: true },
    timeZone: { type: String, required: true },
    location: {
      type: new Schema(
        {
          type: { type: String, enum: ['online', 'in-person'], required: true },
          url: String,
          venue: String,
          address: String,
          city: String,
          region: String,
          country: String,
        },
        { _id: false },
      ),
      required: true,
    },
    capacity: { type: Number, default: null },
    groupId: { type: Schema.Types.ObjectId, default: null },
    createdBy: { type: Schema.Types.ObjectId, default: null, index: true },
    status: { type: String, enum: EVENT_STATUSES, default: 'scheduled' },
    attendees: { type: [Schema.Types.ObjectId], default: [], index: true },
    goingCount: { type: Number, default: 0 },
  },
  { timestamps: true },
);
// The list: soonest first (the keyset), alone or within a country or a group.
eventSchema.index({ startsAt: 1, _id: 1 });
eventSchema.index({ 'location.country': 1, startsAt: 1, _id: 1 });
eventSchema.index({ groupId: 1, startsAt: 1, _id: 1 });

export function eventModels(connection: Connection) {
  return {
    Event: (connection.models.CommunityEvent ??
      connection.model('CommunityEvent', eventSchema, 'community_events')) as Model<EventDoc>,
  };
}
export type EventModels = ReturnType<typeof eventModels>;
