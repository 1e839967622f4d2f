import type { MeetingView } from '../types.ts';

/**
 * Meetings on a partner's page, from the directory API. Pure, so it is tested in node.
 */

/** Peer-led meetings: those in the city that no partner service runs. */
export function peerLed(meetings: readonly MeetingView[]): MeetingView[] {
  return meetings.filter((meeting) => meeting.partnerId === null);
}

/** Soonest first; meetings without a next time (ended series) last. */
export function bySoonest(meetings: readonly MeetingView[]): MeetingView[] {
  const at = (meeting: MeetingView) =>
    meeting.nextOccurrence ? Date.parse(meeting.nextOccurrence.startsAt) : Number.POSITIVE_INFINITY;
  return [...meetings].sort((a, b) => at(a) - at(b));
}
