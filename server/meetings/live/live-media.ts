import type {
  MediaSource,
  RtpCapabilities,
  RtpParameters,
} from '../../../shared/meetings/live/media.ts';
import { AppError } from '../../infra/errors.ts';
import type { Logger } from '../../infra/logger.ts';
import type { LiveMeeting } from './live-meeting.ts';
import { isFacilitator, type LivePeer } from './live-peer.ts';
import { refuseWhilePaused } from './safety.ts';

/**
 * The meeting's rules about media, between the socket handlers and the SFU room: screen
 * sharing for facilitators unless the meeting allows everyone, no unmuting after a
 * facilitator's mute when the meeting says so, no video for an audio-only peer. The SFU
 * itself keeps each peer to its own transports, producers and consumers.
 */

export async function produce(
  meeting: LiveMeeting,
  peer: LivePeer,
  request: {
    transportId: string;
    kind: 'audio' | 'video';
    rtpParameters: RtpParameters;
    source: MediaSource;
    paused?: boolean | undefined;
  },
): Promise<string> {
  refuseWhilePaused(meeting, peer);
  if (peer.observer)
    throw new AppError('FORBIDDEN', 'you joined to listen; a facilitator can let you take part');
  if (
    request.source === 'screen' &&
    !isFacilitator(peer) &&
    !meeting.settings.participantsMayShareScreen
  )
    throw new AppError('FORBIDDEN', 'screen sharing is for facilitators in this meeting');
  // A participant a facilitator muted may send a microphone only paused.
  const paused = request.paused === true || (request.source === 'mic' && peer.mutedByFacilitator);
  const producerId = await meeting.media.produce(peer.peerId, { ...request, paused });
  const described = meeting.media.producerOf(peer.peerId, request.source);
  if (described) meeting.announceProducer(described);
  meeting.announce(peer);
  return producerId;
}

export async function setProducerPaused(
  meeting: LiveMeeting,
  peer: LivePeer,
  producerId: string,
  paused: boolean,
): Promise<void> {
  if (!paused) refuseWhilePaused(meeting, peer);
  const mic = meeting.media.producerOf(peer.peerId, 'mic');
  if (!paused && mic?.producerId === producerId && peer.mutedByFacilitator)
    throw new AppError('FORBIDDEN', 'a facilitator muted you; ask them to unmute you');
  if (paused) await meeting.media.pauseProducer(peer.peerId, producerId);
  else await meeting.media.resumeProducer(peer.peerId, producerId);
  meeting.announceProducerPaused(peer.peerId, producerId, paused);
  meeting.announce(peer);
}

export function closeProducer(meeting: LiveMeeting, peer: LivePeer, producerId: string): void {
  const closed = meeting.media.closeProducer(peer.peerId, producerId);
  meeting.announceProducerClosed(closed.producerId, peer.peerId);
  meeting.announce(peer);
}

export async function consume(
  meeting: LiveMeeting,
  peer: LivePeer,
  request: { producerId: string; rtpCapabilities: RtpCapabilities },
) {
  const target = meeting.media.producers().find((p) => p.producerId === request.producerId);
  if (!target) throw new AppError('NOT_FOUND', 'no such producer in this meeting');
  if (peer.audioOnly && target.kind === 'video')
    throw new AppError('INVALID_TRANSITION', 'audio-only mode receives no video');
  if (target.peerId === peer.peerId)
    throw new AppError('INVALID_TRANSITION', 'your own media is shown locally');
  return meeting.media.consume(peer.peerId, request);
}

export function setAudioOnly(meeting: LiveMeeting, peer: LivePeer, audioOnly: boolean): void {
  peer.audioOnly = audioOnly;
  if (audioOnly) {
    for (const consumerId of meeting.media.closeVideoConsumers(peer.peerId))
      peer.socket.emit('consumer:closed', { consumerId });
  }
  meeting.announce(peer);
}

/**
 * The worker under the meeting died: a new router on a live worker, and every admitted
 * peer told to build its transports again (their names, hands and chat are untouched).
 */
export async function recoverMedia(meeting: LiveMeeting, logger: Logger): Promise<void> {
  const startedAt = Date.now();
  try {
    await meeting.media.recover();
  } catch (error) {
    logger.error(
      { meetingId: meeting.meetingId, err: (error as Error).message },
      'media recovery failed',
    );
    meeting.end('server-shutdown');
    return;
  }
  if (meeting.ended) return;
  meeting.restartMedia();
  logger.warn(
    { meetingId: meeting.meetingId, ms: Date.now() - startedAt },
    'live meeting media moved to a new router',
  );
}

// ---- breakout rooms ----------------------------------------------------------------------

/** The SFU group of a place: media flows only within one (MediaRoom.setGroup). */
export const mediaGroupOf = (place: number | null) => (place === null ? '' : `breakout-${place}`);

/**
 * Moves a peer's media to another place: the SFU closes every consumer that now crosses
 * rooms (their owners are told), the room left stops seeing the peer's producers and the
 * room entered starts to; the peer learns what it may now receive.
 */
export function moveMedia(meeting: LiveMeeting, peer: LivePeer, from: number | null): void {
  const own = meeting.media.producers().filter((p) => p.peerId === peer.peerId);
  for (const closed of meeting.media.setGroup(peer.peerId, mediaGroupOf(peer.breakoutRoom)))
    meeting.peerById(closed.peerId)?.socket.emit('consumer:closed', {
      consumerId: closed.consumerId,
    });
  for (const other of meeting.admitted()) {
    if (other === peer) continue;
    for (const producer of own) {
      if (other.breakoutRoom === from)
        other.socket.emit('producer:closed', {
          producerId: producer.producerId,
          peerId: peer.peerId,
        });
      else if (other.breakoutRoom === peer.breakoutRoom)
        other.socket.emit('producer:new', producer);
    }
  }
}

// ---- a facilitator's media controls ----------------------------------------------------

/**
 * Pauses someone's microphone on the server; they may unmute only if the meeting allows
 * it. True when a sounding microphone was paused.
 */
export async function mutePeer(meeting: LiveMeeting, peerId: string): Promise<boolean> {
  const peer = meeting.admittedPeer(peerId);
  const mic = meeting.media.producerOf(peer.peerId, 'mic');
  if (mic && !mic.paused) await meeting.media.pauseProducer(peer.peerId, mic.producerId);
  if (mic) meeting.announceProducerPaused(peer.peerId, mic.producerId, true);
  peer.mutedByFacilitator = !meeting.settings.participantsMayUnmute && !isFacilitator(peer);
  peer.socket.emit('meeting:mutedByFacilitator', { source: 'mic' });
  meeting.announce(peer);
  return mic !== undefined && !mic.paused;
}

/** Every participant but the one asking (facilitators keep their voice). */
export async function muteAll(meeting: LiveMeeting, actor: LivePeer): Promise<number> {
  let muted = 0;
  for (const peer of meeting.admitted()) {
    if (peer === actor || isFacilitator(peer)) continue;
    if (await mutePeer(meeting, peer.peerId)) muted++;
  }
  return muted;
}

/** Someone who joined to listen may now speak and show video. */
export function allowParticipation(meeting: LiveMeeting, peerId: string): void {
  const peer = meeting.admittedPeer(peerId);
  peer.observer = false;
  meeting.announce(peer);
}

/** Closes someone's camera and screen share on the server. */
export function stopVideo(meeting: LiveMeeting, peerId: string): void {
  const peer = meeting.admittedPeer(peerId);
  for (const source of ['camera', 'screen'] as const) {
    const producer = meeting.media.producerOf(peer.peerId, source);
    if (!producer) continue;
    meeting.media.closeProducer(peer.peerId, producer.producerId);
    meeting.announceProducerClosed(producer.producerId, peer.peerId);
  }
  peer.socket.emit('meeting:mutedByFacilitator', { source: 'camera' });
  meeting.announce(peer);
}
