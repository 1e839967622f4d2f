import { z } from 'zod';
import { idSchema } from '../../api/common.ts';
import { agendaStateSchema } from '../agenda.ts';
import { breakoutPlaceSchema, breakoutStateSchema } from '../breakouts.ts';
import { roundStateSchema } from '../checkin-round.ts';
import { peerIdSchema } from './ids.ts';
import { mediaKindSchema, mediaSourceSchema, rtpCapabilitiesSchema } from './media.ts';

/** Plain data about a live meeting, as it travels between server and client. */

/** Peer ids are random per join and never a member's account id: nobody learns who is who. */
export { peerIdSchema } from './ids.ts';
/** mediasoup's ids (transports, producers, consumers) are UUIDs. */
export const mediaIdSchema = z.string().uuid();

/** A first name or pseudonym: trimmed, 1-40 characters, no control characters. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'no control characters');

export const PEER_ROLES = ['host', 'cofacilitator', 'participant'] as const;
export const peerRoleSchema = z.enum(PEER_ROLES);
export type PeerRole = z.infer<typeof peerRoleSchema>;
export const isFacilitatorRole = (role: PeerRole) => role !== 'participant';

/** An admitted peer as everyone in the room sees them. */
export const peerSchema = z.object({
  peerId: peerIdSchema,
  displayName: z.string(),
  role: peerRoleSchema,
  /** Whether their microphone is sending (paused producers count as off). */
  micOn: z.boolean(),
  cameraOn: z.boolean(),
  screenOn: z.boolean(),
  /** A facilitator muted them and the meeting does not let participants unmute themselves. */
  mutedByFacilitator: z.boolean(),
  handRaised: z.boolean(),
  audioOnly: z.boolean(),
  /** Joined to listen only ("Listening"): sends no media until a facilitator allows it. */
  observer: z.boolean(),
  /** The breakout room they are in (shared/meetings/breakouts.ts), or null: the main room. */
  breakoutRoom: breakoutPlaceSchema,
});
export type Peer = z.infer<typeof peerSchema>;

/** Someone in the waiting room, as facilitators see them (never anyone else). */
export const waitingPeerSchema = z.object({
  peerId: peerIdSchema,
  displayName: z.string(),
  waitingSince: z.number(),
});
export type WaitingPeer = z.infer<typeof waitingPeerSchema>;

export const meetingSettingsSchema = z.object({
  locked: z.boolean(),
  /** Let every joiner in without the waiting room. */
  autoAdmit: z.boolean(),
  /** After a facilitator mutes someone, may they unmute themselves? */
  participantsMayUnmute: z.boolean(),
  participantsMayShareScreen: z.boolean(),
  spotlightPeerId: peerIdSchema.nullable(),
  /**
   * "Pause everything" (a facilitator's safety switch): participants' microphones, cameras and
   * screens are stopped, their chat refused and the meeting locked until a facilitator resumes.
   */
  paused: z.boolean(),
});
export type MeetingSettings = z.infer<typeof meetingSettingsSchema>;
export const settingsPatchSchema = meetingSettingsSchema
  .pick({ autoAdmit: true, participantsMayUnmute: true, participantsMayShareScreen: true })
  .partial()
  .strict();

export const producerInfoSchema = z.object({
  producerId: mediaIdSchema,
  peerId: peerIdSchema,
  kind: mediaKindSchema,
  source: mediaSourceSchema,
  paused: z.boolean(),
});
export type ProducerInfo = z.infer<typeof producerInfoSchema>;

export const CHAT_MAX_LENGTH = 1000;
export const chatAudienceSchema = z.enum(['everyone', 'facilitators']);
export const chatMessageSchema = z.object({
  id: z.string(),
  fromPeerId: peerIdSchema,
  fromName: z.string(),
  to: chatAudienceSchema,
  text: z.string(),
  sentAt: z.number(),
  /** Sent in a breakout room: read there only, and forgotten when the rooms close. */
  breakoutRoom: breakoutPlaceSchema,
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const HELP_TEXT_MAX = 280;
/**
 * "I need help": a participant's discreet alert, seen only by facilitators (and its sender),
 * kept in the meeting's memory and never stored.
 */
export const helpAlertSchema = z.object({
  id: z.string(),
  fromPeerId: peerIdSchema,
  fromName: z.string(),
  text: z.string().nullable(),
  sentAt: z.number(),
  seen: z.boolean(),
});
export type HelpAlert = z.infer<typeof helpAlertSchema>;

/** Everything an admitted peer needs to draw the room; sent on admission and on rejoin. */
export const roomSnapshotSchema = z.object({
  meetingId: idSchema,
  title: z.string(),
  self: peerSchema,
  peers: z.array(peerSchema),
  producers: z.array(producerInfoSchema),
  settings: meetingSettingsSchema,
  /** Peer ids in the order hands went up. */
  handQueue: z.array(peerIdSchema),
  activeSpeakerPeerId: peerIdSchema.nullable(),
  chat: z.array(chatMessageSchema),
  routerRtpCapabilities: rtpCapabilitiesSchema,
  /** Facilitators only: who is waiting. */
  waiting: z.array(waitingPeerSchema),
  /** Facilitators: every open alert; a participant: their own. */
  helpAlerts: z.array(helpAlertSchema),
  /** The meeting's country (ISO code, from its area), for the crisis resources panel. */
  country: z.string().nullable(),
  /** The check-in round, when one runs (shared/meetings/checkin-round.ts). */
  round: roundStateSchema,
  /** Where the meeting is in its agenda, on the server's clock. */
  agenda: agendaStateSchema,
  /** Breakout rooms, when open; where each peer is comes with the peer. */
  breakouts: breakoutStateSchema,
});
export type RoomSnapshot = z.infer<typeof roomSnapshotSchema>;

export const peerRefSchema = z.object({ peerId: peerIdSchema }).strict();
export const emptySchema = z.object({}).strict();
export const okAckSchema = z.object({});

export const MEETING_END_REASONS = ['ended-by-host', 'no-facilitator', 'server-shutdown'] as const;
