import { randomBytes } from 'node:crypto';
import type { Peer, PeerRole, WaitingPeer } from '../../../shared/meetings/live/schemas.ts';
import type { MeetingSocket } from '../../realtime/socket-server.ts';

/**
 * Someone in a live meeting, as the server keeps them. The member's account id stays on
 * the server: others know a peer only by its random peer id and the name they chose.
 */
export interface LivePeer {
  peerId: string;
  userId: string;
  socket: MeetingSocket;
  displayName: string;
  role: PeerRole;
  state: 'waiting' | 'admitted';
  waitingSince: number;
  /**
   * The hand's place in the queue (a per-meeting counter, so two hands raised in the same
   * millisecond keep their order), or null when it is down.
   */
  handRaisedOrder: number | null;
  mutedByFacilitator: boolean;
  audioOnly: boolean;
  /** Listening only: refused every media:produce until a facilitator allows participation. */
  observer: boolean;
  /** The breakout room they are in (breakouts.ts), or null: the main room. */
  breakoutRoom: number | null;
}

export const newPeerId = () => `p_${randomBytes(12).toString('base64url')}`;

export const waitingView = (peer: LivePeer): WaitingPeer => ({
  peerId: peer.peerId,
  displayName: peer.displayName,
  waitingSince: peer.waitingSince,
});

export const isFacilitator = (peer: LivePeer) => peer.role !== 'participant';

/** What the room shows of a peer; media flags come from the SFU's producers. */
export function peerView(
  peer: LivePeer,
  media: { micOn: boolean; cameraOn: boolean; screenOn: boolean },
): Peer {
  return {
    peerId: peer.peerId,
    displayName: peer.displayName,
    role: peer.role,
    ...media,
    mutedByFacilitator: peer.mutedByFacilitator,
    handRaised: peer.handRaisedOrder !== null,
    audioOnly: peer.audioOnly,
    observer: peer.observer,
    breakoutRoom: peer.breakoutRoom,
  };
}
