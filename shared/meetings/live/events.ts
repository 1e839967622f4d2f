import { z } from 'zod';
import { slipNameSchema } from '../../api/attendance.ts';
import { idSchema } from '../../api/common.ts';
import {
  type ClientToServerEventsOf,
  defineClientEvents,
  defineServerEvents,
  type ServerToClientEventsOf,
} from '../../realtime/event-table.ts';
import { agendaExtendSchema, agendaStateSchema } from '../agenda.ts';
import {
  breakoutBroadcastSchema,
  breakoutMessageSchema,
  breakoutMoveSchema,
  breakoutOpenSchema,
  breakoutPlaceSchema,
  breakoutStateSchema,
} from '../breakouts.ts';
import { roundStartSchema, roundStateSchema } from '../checkin-round.ts';
import { meetingRatingSchema } from '../feedback.ts';
import {
  dtlsParametersSchema,
  mediaKindSchema,
  mediaSourceSchema,
  rtpCapabilitiesSchema,
  rtpParametersSchema,
  transportOptionsSchema,
} from './media.ts';
import {
  CHAT_MAX_LENGTH,
  chatAudienceSchema,
  chatMessageSchema,
  displayNameSchema,
  emptySchema,
  HELP_TEXT_MAX,
  helpAlertSchema,
  MEETING_END_REASONS,
  mediaIdSchema,
  meetingSettingsSchema,
  okAckSchema,
  peerIdSchema,
  peerRefSchema,
  peerSchema,
  producerInfoSchema,
  roomSnapshotSchema,
  settingsPatchSchema,
  waitingPeerSchema,
} from './schemas.ts';

/**
 * The live meeting's protocol on the `/meeting` namespace: every event, once. The server's
 * handlers and the client's `emit` calls are typed from these tables (see event-table.ts),
 * and the wrapper on the server parses each payload with its schema and checks `access`
 * before anything runs.
 */

const none = emptySchema.optional();

export const meetingClientEvents = defineClientEvents({
  /** Whether a meeting is live now (a host has opened it), before showing the join page. */
  'meeting:status': {
    payload: z.object({ meetingId: idSchema }).strict(),
    /** `mayHost`: this member runs the meeting, so joining opens it. */
    ack: z.object({ live: z.boolean(), mayHost: z.boolean() }),
    access: 'member',
  },
  'meeting:join': {
    payload: z
      .object({
        meetingId: idSchema,
        displayName: displayNameSchema,
        agreementAccepted: z.boolean(),
        eligibilityConfirmed: z.boolean().optional(),
        /** Listen only: no microphone, camera or screen until a facilitator allows it. */
        observer: z.boolean().optional(),
      })
      .strict(),
    ack: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('waiting'),
        peerId: peerIdSchema,
        title: z.string(),
      }),
      z.object({ status: z.literal('admitted'), room: roomSnapshotSchema }),
    ]),
    access: 'member',
  },
  'meeting:leave': { payload: none, ack: okAckSchema, access: 'peer' },
  /** Anonymous feedback when leaving (or after the end): counts only, once per person. */
  'meeting:rate': { payload: meetingRatingSchema, ack: okAckSchema, access: 'member' },
  'meeting:admit': { payload: peerRefSchema, ack: okAckSchema, access: 'facilitator' },
  'meeting:deny': { payload: peerRefSchema, ack: okAckSchema, access: 'facilitator' },
  'meeting:admitAll': {
    payload: none,
    ack: z.object({ admitted: z.number() }),
    access: 'facilitator',
  },
  'meeting:remove': { payload: peerRefSchema, ack: okAckSchema, access: 'facilitator' },
  'meeting:mute': { payload: peerRefSchema, ack: okAckSchema, access: 'facilitator' },
  'meeting:stopVideo': { payload: peerRefSchema, ack: okAckSchema, access: 'facilitator' },
  'meeting:rename': {
    payload: z.object({ peerId: peerIdSchema, displayName: displayNameSchema }).strict(),
    ack: okAckSchema,
    access: 'facilitator',
  },
  'meeting:lock': { payload: none, ack: okAckSchema, access: 'facilitator' },
  'meeting:unlock': { payload: none, ack: okAckSchema, access: 'facilitator' },
  'meeting:muteAll': { payload: none, ack: z.object({ muted: z.number() }), access: 'facilitator' },
  'meeting:lowerAllHands': { payload: none, ack: okAckSchema, access: 'facilitator' },
  'meeting:spotlight': {
    payload: z.object({ peerId: peerIdSchema.nullable() }).strict(),
    ack: okAckSchema,
    access: 'facilitator',
  },
  'meeting:promote': { payload: peerRefSchema, ack: okAckSchema, access: 'facilitator' },
  /** Lets someone who joined to listen take part (speak, show video). */
  'meeting:allowParticipation': {
    payload: peerRefSchema,
    ack: okAckSchema,
    access: 'facilitator',
  },
  'meeting:demote': { payload: peerRefSchema, ack: okAckSchema, access: 'facilitator' },
  'meeting:updateSettings': {
    payload: settingsPatchSchema,
    ack: meetingSettingsSchema,
    access: 'facilitator',
  },
  'meeting:end': { payload: none, ack: okAckSchema, access: 'facilitator' },
  /** The safety switch (safety.ts): everything participants send stops, at once. */
  'meeting:pause': {
    payload: none,
    ack: z.object({ muted: z.number(), videoStopped: z.number() }),
    access: 'facilitator',
  },
  /** Undoes the pause without unmuting anyone or starting anyone's camera. */
  'meeting:resume': { payload: none, ack: okAckSchema, access: 'facilitator' },

  /** The agenda (shared/meetings/agenda.ts): its clock is the server's, moved by facilitators. */
  'agenda:start': { payload: none, ack: agendaStateSchema, access: 'facilitator' },
  'agenda:next': { payload: none, ack: agendaStateSchema, access: 'facilitator' },
  'agenda:back': { payload: none, ack: agendaStateSchema, access: 'facilitator' },
  'agenda:extend': { payload: agendaExtendSchema, ack: agendaStateSchema, access: 'facilitator' },

  /** The check-in round (checkin-round.ts): started, moved on and ended by facilitators. */
  'round:start': { payload: roundStartSchema, ack: roundStateSchema, access: 'facilitator' },
  'round:next': { payload: none, ack: roundStateSchema, access: 'facilitator' },
  'round:end': { payload: none, ack: roundStateSchema, access: 'facilitator' },
  /** Someone not ready: asked again after everyone else; skipped twice, passed over. */
  'round:skip': { payload: none, ack: roundStateSchema, access: 'facilitator' },
  /** The current speaker passes their turn. */
  'round:pass': { payload: none, ack: roundStateSchema, access: 'admitted' },

  /** Breakout rooms (shared/meetings/breakouts.ts), opened, moved and closed by facilitators. */
  'breakout:open': { payload: breakoutOpenSchema, ack: breakoutStateSchema, access: 'facilitator' },
  'breakout:move': { payload: breakoutMoveSchema, ack: okAckSchema, access: 'facilitator' },
  'breakout:broadcast': {
    payload: breakoutBroadcastSchema,
    ack: okAckSchema,
    access: 'facilitator',
  },
  'breakout:close': { payload: none, ack: breakoutStateSchema, access: 'facilitator' },

  /** "I need help": to the facilitators only, with an optional short text. */
  'help:send': {
    payload: z
      .object({ text: z.string().trim().min(1).max(HELP_TEXT_MAX).optional() })
      .strict()
      .optional(),
    ack: z.object({ alertId: z.string() }),
    access: 'admitted',
  },
  /** A facilitator has seen it: its sender is told. */
  'help:acknowledge': {
    payload: z.object({ alertId: z.string().max(40) }).strict(),
    ack: okAckSchema,
    access: 'facilitator',
  },

  /** One's own time in the room, and the minutes a slip needs (docs/attendance-slips.md). */
  'attendance:status': {
    payload: none,
    ack: z.object({ attendedMinutes: z.number().int(), minMinutes: z.number().int() }),
    access: 'admitted',
  },
  /** A signed slip naming `name`, to this peer only; nothing of it is kept. */
  'attendance:requestSlip': {
    payload: z.object({ name: slipNameSchema }).strict(),
    ack: z.object({ slip: z.string() }),
    access: 'admitted',
  },

  'hand:raise': { payload: none, ack: okAckSchema, access: 'admitted' },
  /** Without a peer id: one's own hand; a facilitator may lower anyone's. */
  'hand:lower': {
    payload: z.object({ peerId: peerIdSchema.optional() }).strict().optional(),
    ack: okAckSchema,
    access: 'admitted',
  },

  'media:createTransport': {
    payload: z.object({ direction: z.enum(['send', 'recv']) }).strict(),
    ack: transportOptionsSchema,
    access: 'admitted',
  },
  'media:connectTransport': {
    payload: z
      .object({ transportId: mediaIdSchema, dtlsParameters: dtlsParametersSchema })
      .strict(),
    ack: okAckSchema,
    access: 'admitted',
  },
  'media:produce': {
    payload: z
      .object({
        transportId: mediaIdSchema,
        kind: mediaKindSchema,
        rtpParameters: rtpParametersSchema,
        source: mediaSourceSchema,
        /** Start paused (a microphone opened muted, ready to unmute without renegotiation). */
        paused: z.boolean().optional(),
      })
      .strict(),
    ack: z.object({ producerId: mediaIdSchema }),
    access: 'admitted',
  },
  'media:closeProducer': {
    payload: z.object({ producerId: mediaIdSchema }).strict(),
    ack: okAckSchema,
    access: 'admitted',
  },
  'media:pauseProducer': {
    payload: z.object({ producerId: mediaIdSchema }).strict(),
    ack: okAckSchema,
    access: 'admitted',
  },
  'media:resumeProducer': {
    payload: z.object({ producerId: mediaIdSchema }).strict(),
    ack: okAckSchema,
    access: 'admitted',
  },
  'media:consume': {
    payload: z
      .object({ producerId: mediaIdSchema, rtpCapabilities: rtpCapabilitiesSchema })
      .strict(),
    ack: z.object({
      consumerId: mediaIdSchema,
      producerId: mediaIdSchema,
      peerId: peerIdSchema,
      kind: mediaKindSchema,
      source: mediaSourceSchema,
      rtpParameters: rtpParametersSchema,
    }),
    access: 'admitted',
    cost: 0.2,
  },
  'media:resumeConsumer': {
    payload: z.object({ consumerId: mediaIdSchema }).strict(),
    ack: okAckSchema,
    access: 'admitted',
    cost: 0.2,
  },
  'media:setPreferredLayers': {
    payload: z
      .object({
        consumerId: mediaIdSchema,
        spatialLayer: z.number().int().min(0).max(2),
        temporalLayer: z.number().int().min(0).max(2).optional(),
      })
      .strict(),
    ack: okAckSchema,
    access: 'admitted',
    cost: 0.2,
  },
  /** Audio-only mode: the server closes this peer's video consumers and refuses new ones. */
  'media:setAudioOnly': {
    payload: z.object({ audioOnly: z.boolean() }).strict(),
    ack: okAckSchema,
    access: 'admitted',
  },

  'chat:send': {
    payload: z
      .object({ text: z.string().trim().min(1).max(CHAT_MAX_LENGTH), to: chatAudienceSchema })
      .strict(),
    ack: z.object({ messageId: z.string() }),
    access: 'admitted',
    // Ten lines in five seconds at most (the socket's budget is 60 points per 5 s).
    cost: 6,
  },
  'chat:delete': {
    payload: z.object({ messageId: z.string().max(64) }).strict(),
    ack: okAckSchema,
    access: 'facilitator',
  },
});

export const meetingServerEvents = defineServerEvents({
  /** To a waiting peer: a facilitator let them in. */
  'meeting:admitted': z.object({ room: roomSnapshotSchema }),
  'meeting:denied': z.object({}),
  'meeting:removed': z.object({}),
  'meeting:ended': z.object({ reason: z.enum(MEETING_END_REASONS) }),
  /** To facilitators: the waiting room changed. */
  'meeting:waiting': z.object({ waiting: z.array(waitingPeerSchema) }),
  'meeting:settings': meetingSettingsSchema,
  /** To the peer a facilitator muted or whose video they stopped. */
  'meeting:mutedByFacilitator': z.object({ source: mediaSourceSchema }),
  /** To the peer: their own role or name changed. */
  'peer:joined': peerSchema,
  'peer:updated': peerSchema,
  'peer:left': z.object({ peerId: peerIdSchema }),
  'producer:new': producerInfoSchema,
  'producer:closed': z.object({ producerId: mediaIdSchema, peerId: peerIdSchema }),
  'producer:paused': z.object({ producerId: mediaIdSchema, paused: z.boolean() }),
  /** The server closed this consumer (its producer went, or audio-only mode). */
  'consumer:closed': z.object({ consumerId: mediaIdSchema }),
  'hand:queue': z.object({ queue: z.array(peerIdSchema) }),
  'speaker:active': z.object({ peerId: peerIdSchema.nullable() }),
  /**
   * The meeting's media moved to a new router (its worker died): drop every transport and
   * build them again with these capabilities; the room itself (names, chat) is unchanged.
   */
  'media:restart': z.object({ routerRtpCapabilities: rtpCapabilitiesSchema }),
  'chat:message': chatMessageSchema,
  'chat:deleted': z.object({ messageId: z.string() }),
  'agenda:state': agendaStateSchema,
  'round:state': roundStateSchema,
  'breakout:state': breakoutStateSchema,
  /** A facilitator's message to every room. */
  'breakout:message': breakoutMessageSchema,
  /**
   * To the peer who changed rooms: what they may now receive (the producers of their new
   * room) and read (its chat). Consumers of the room they left are closed by the server.
   */
  'breakout:moved': z.object({
    room: breakoutPlaceSchema,
    producers: z.array(producerInfoSchema),
    chat: z.array(chatMessageSchema),
  }),
  /** To facilitators (and, once seen, to its sender): an alert, new or acknowledged. */
  'help:alert': helpAlertSchema,
});

export type MeetingClientEvents = typeof meetingClientEvents;
export type MeetingServerEvents = typeof meetingServerEvents;
export type MeetingClientToServer = ClientToServerEventsOf<MeetingClientEvents>;
export type MeetingServerToClient = ServerToClientEventsOf<MeetingServerEvents>;
