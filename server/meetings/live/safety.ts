import { AppError } from '../../infra/errors.ts';
import { mutePeer, stopVideo } from './live-media.ts';
import type { LiveMeeting } from './live-meeting.ts';
import { isFacilitator, type LivePeer } from './live-peer.ts';

/**
 * "Pause everything": when a meeting goes wrong (someone shares something harmful, a
 * disclosure needs the room to stop) one facilitator control stops every participant's
 * microphone, camera and screen, freezes their chat and locks the door. Facilitators keep
 * their voice to speak to the room. Resuming lifts the freeze and restores the lock as it
 * was, but unmutes nobody and starts no camera: each person chooses to speak again.
 */

/** What was locked before the pause, per meeting, so resuming restores it. */
const lockedBefore = new WeakMap<LiveMeeting, boolean>();

export async function pauseEverything(
  meeting: LiveMeeting,
): Promise<{ muted: number; videoStopped: number }> {
  if (!meeting.settings.paused) lockedBefore.set(meeting, meeting.settings.locked);
  // Paused first: from here on the media rules refuse participants, so nothing new starts
  // while the existing media is being stopped.
  meeting.updateSettings({ paused: true, locked: true });
  let muted = 0;
  let videoStopped = 0;
  for (const peer of meeting.admitted()) {
    if (isFacilitator(peer)) continue;
    if (await mutePeer(meeting, peer.peerId)) muted++;
    const sending = ['camera', 'screen'].some((s) =>
      meeting.media.producerOf(peer.peerId, s as 'camera' | 'screen'),
    );
    if (sending) {
      stopVideo(meeting, peer.peerId);
      videoStopped++;
    }
  }
  return { muted, videoStopped };
}

export function resumeEverything(meeting: LiveMeeting): void {
  if (!meeting.settings.paused) return;
  meeting.updateSettings({ paused: false, locked: lockedBefore.get(meeting) ?? false });
  lockedBefore.delete(meeting);
}

/** A participant may not start or resume media, or chat, while the meeting is paused. */
export function refuseWhilePaused(meeting: LiveMeeting, peer: LivePeer): void {
  if (meeting.settings.paused && !isFacilitator(peer))
    throw new AppError('PAUSED', 'a facilitator has paused the meeting');
}
