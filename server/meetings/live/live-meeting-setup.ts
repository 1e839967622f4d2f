import type { MeetingType } from '../../../shared/api/directory.ts';
import type { AgendaSegment } from '../../../shared/meetings/agenda.ts';
import type { MeetingSettings } from '../../../shared/meetings/live/schemas.ts';
import type { Logger } from '../../infra/logger.ts';
import type { MeetingNamespace } from '../../realtime/socket-server.ts';

/** What a live meeting is given when it opens (registry.ts): the node's parts and the directory's facts. */

export interface LiveMeetingDeps {
  namespace: MeetingNamespace;
  logger: Logger;
  /** How long the meeting survives without any facilitator before it ends. */
  facilitatorGraceMs: number;
  /** How long an admitted member who dropped out may come back without waiting again. */
  rejoinGraceMs: number;
  /** The clock of time spent in the room (attendance slips). */
  now: () => number;
  /** A minute of breakout time (60 000 but in tests). */
  breakoutMinuteMs: number;
  /** Counts one admission (anonymous attendance numbers). */
  onAdmitted(inRoom: number, userId: string): void;
  onEnded(): void;
}

/** What the directory says about a meeting when it is opened. */
export interface LiveMeetingInfo {
  title: string;
  capacity: number;
  agenda: AgendaSegment[];
  /** The meeting's type and the zone of its schedule, for attendance slips. */
  type: MeetingType;
  timeZone: string;
  /** From the meeting's area: which crisis resources the room shows. */
  country: string | null;
}

/** How every meeting starts: facilitators change these in the room. */
export const DEFAULT_SETTINGS: MeetingSettings = {
  locked: false,
  autoAdmit: false,
  participantsMayUnmute: true,
  participantsMayShareScreen: false,
  spotlightPeerId: null,
  paused: false,
};
