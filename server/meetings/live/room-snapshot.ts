import type { Peer, RoomSnapshot } from '../../../shared/meetings/live/schemas.ts';
import { mediaGroupOf } from './live-media.ts';
import type { LiveMeeting } from './live-meeting.ts';
import { isFacilitator, type LivePeer, peerView, waitingView } from './live-peer.ts';
import type { Roster } from './roster.ts';

/** What the room shows of a peer, with their media flags read from the SFU's producers. */
export function peerViewIn(meeting: LiveMeeting, peer: LivePeer): Peer {
  const on = (source: 'mic' | 'camera' | 'screen') => {
    const producer = meeting.media.producerOf(peer.peerId, source);
    return producer !== undefined && !producer.paused;
  };
  return peerView(peer, { micOn: on('mic'), cameraOn: on('camera'), screenOn: on('screen') });
}

/**
 * Everything an admitted peer needs to draw the room, sent on admission and on rejoin.
 * Facilitators also get the waiting list and the hand queue; each person gets only the chat
 * lines and help alerts they may read.
 */
export function roomSnapshot(
  meeting: LiveMeeting,
  peer: LivePeer,
  inner: { roster: Roster; activeSpeakerPeerId: string | null },
): RoomSnapshot {
  const facilitator = isFacilitator(peer);
  return {
    meetingId: meeting.meetingId,
    title: meeting.title,
    self: peerViewIn(meeting, peer),
    peers: meeting
      .admitted()
      .filter((p) => p !== peer)
      .map((p) => peerViewIn(meeting, p)),
    producers: meeting.media
      .producers(mediaGroupOf(peer.breakoutRoom))
      .filter((p) => p.peerId !== peer.peerId),
    settings: meeting.settings,
    handQueue: facilitator ? inner.roster.handQueue() : [],
    activeSpeakerPeerId: inner.activeSpeakerPeerId,
    chat: meeting.chat.visibleTo(peer),
    routerRtpCapabilities: meeting.media.rtpCapabilities,
    waiting: facilitator ? inner.roster.waiting().map(waitingView) : [],
    helpAlerts: meeting.help.visibleTo(peer),
    round: meeting.round.state(),
    country: meeting.info.country,
    agenda: meeting.agenda.state(),
    breakouts: meeting.breakouts.state(),
  };
}
