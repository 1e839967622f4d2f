import type { MediaRoom, ProducerDescription } from '../../../sfu/index.ts';
import type { MeetingSettings, RoomSnapshot } from '../../../shared/meetings/live/schemas.ts';
import { AppError } from '../../infra/errors.ts';
import type { MeetingSocket } from '../../realtime/socket-server.ts';
import { AgendaClock } from './agenda-clock.ts';
import { AttendanceTime } from './attendance-time.ts';
import { Breakouts } from './breakouts.ts';
import { CheckinRound } from './checkin-round.ts';
import { Comebacks } from './comebacks.ts';
import { Hands } from './hands.ts';
import { HelpAlerts } from './help-alerts.ts';
import {
  DEFAULT_SETTINGS,
  type LiveMeetingDeps,
  type LiveMeetingInfo,
} from './live-meeting-setup.ts';
import { isFacilitator, type LivePeer, newPeerId, waitingView } from './live-peer.ts';
import { MeetingChat } from './meeting-chat.ts';
import { RoomChannels } from './room-channels.ts';
import { peerViewIn, roomSnapshot } from './room-snapshot.ts';
import { Roster } from './roster.ts';

/**
 * One live meeting, from the host opening it to its end: who is waiting and who is in, roles,
 * settings and its media room. Beside it, each in its own file: roster.ts (who is in),
 * comebacks.ts (who may return), live-media.ts (media rules), meeting-chat.ts (chat, in
 * memory only), hands.ts, agenda-clock.ts, checkin-round.ts, help-alerts.ts, safety.ts
 * (pause everything), breakouts.ts, attendance-time.ts (for slips) and room-snapshot.ts. Every rule is
 * checked on the server for every request; the socket layer parses, authorises by access
 * level and calls in.
 */

export class LiveMeeting {
  readonly meetingId: string;
  readonly title: string;
  readonly capacity: number;
  readonly openedAt = new Date();
  readonly media: MediaRoom;
  readonly chat: MeetingChat;
  readonly agenda: AgendaClock;
  readonly help: HelpAlerts;
  readonly round: CheckinRound;
  readonly breakouts: Breakouts;
  readonly hands: Hands;
  readonly info: LiveMeetingInfo;
  readonly #attendance = new AttendanceTime();
  readonly #deps: LiveMeetingDeps;
  readonly #roster = new Roster();
  readonly #channels: RoomChannels;
  readonly #comebacks: Comebacks;
  #settings: MeetingSettings = { ...DEFAULT_SETTINGS };
  #activeSpeaker: string | null = null;
  #graceTimer: NodeJS.Timeout | undefined;
  #ended = false;

  constructor(
    info: LiveMeetingInfo & { meetingId: string },
    media: MediaRoom,
    deps: LiveMeetingDeps,
  ) {
    this.meetingId = info.meetingId;
    this.title = info.title;
    this.capacity = info.capacity;
    this.info = info;
    this.media = media;
    this.#deps = deps;
    this.#channels = new RoomChannels(deps.namespace, info.meetingId);
    this.#comebacks = new Comebacks(deps.rejoinGraceMs);
    this.chat = new MeetingChat(this.#channels, this.#roster);
    this.help = new HelpAlerts(this.#channels, this.#roster);
    this.hands = new Hands(this.#roster, this.#channels, (peer) => this.announce(peer));
    this.round = new CheckinRound(this, (state) => this.#channels.toRoom('round:state', state));
    this.agenda = new AgendaClock(info.agenda, (state) =>
      this.#channels.toRoom('agenda:state', state),
    );
    this.breakouts = new Breakouts(
      this,
      {
        state: (state) => this.#channels.toRoom('breakout:state', state),
        message: (message) => this.#channels.toRoom('breakout:message', message),
      },
      deps.breakoutMinuteMs,
    );
    media.on('activespeaker', ({ peerId }) => {
      this.#activeSpeaker = peerId;
      // Only the speaker's own room hears them, so only it is told who speaks.
      if (peerId === null) this.#channels.toRoom('speaker:active', { peerId });
      else this.#channels.toPlaceOf(this.admitted(), peerId, 'speaker:active', { peerId });
    });
    media.on('consumerclosed', ({ peerId, consumerId }) => {
      this.#roster.get(peerId)?.socket.emit('consumer:closed', { consumerId });
    });
  }

  /** How long a member has been in this room, all their tabs and returns together. */
  attendedMs(userId: string): number {
    return this.#attendance.attendedMs(userId, this.#deps.now());
  }

  get ended(): boolean {
    return this.#ended;
  }

  get settings(): MeetingSettings {
    return this.#settings;
  }

  // ---- people ---------------------------------------------------------------------------

  peers(): LivePeer[] {
    return this.#roster.all();
  }

  admitted(): LivePeer[] {
    return this.#roster.admitted();
  }

  /** Someone in the room (not waiting), or NOT_FOUND: the target of a facilitator's action. */
  admittedPeer(peerId: string): LivePeer {
    return this.#roster.admittedTarget(peerId);
  }

  /** Anyone of this meeting by peer id, waiting or admitted (for the server's own use). */
  peerById(peerId: string): LivePeer | undefined {
    return this.#roster.get(peerId);
  }

  /** A peer of this meeting on this socket (a replayed id of someone else's finds nothing). */
  peerOn(socket: MeetingSocket, peerId: string): LivePeer | undefined {
    return this.#roster.on(socket, peerId);
  }

  /**
   * Lets a member in: hosts at once (the first as host), someone admitted earlier who
   * dropped out at once, others to the waiting room unless the meeting admits everyone.
   */
  join(
    socket: MeetingSocket,
    userId: string,
    request: { displayName: string; mayHost: boolean; observer?: boolean },
  ): LivePeer {
    if (this.#ended) throw new AppError('MEETING_ENDED', 'this meeting has ended');
    if (this.#comebacks.isRemoved(userId))
      throw new AppError('REMOVED', 'a facilitator removed you from this meeting');
    // A member's newer tab (or a reconnect) replaces their older one.
    const earlier = this.peers().find((p) => p.userId === userId);
    const recent = this.#comebacks.roleOnReturn(userId, earlier);
    if (earlier) this.#drop(earlier, 'replaced');
    const returning = recent !== undefined;
    if (!request.mayHost && !returning) {
      if (this.#settings.locked) throw new AppError('LOCKED', 'this meeting is locked');
      if (this.#roster.size >= this.capacity)
        throw new AppError('CAPACITY_FULL', 'this meeting is full');
    }
    const role = request.mayHost
      ? this.admitted().some((p) => p.role === 'host')
        ? 'cofacilitator'
        : 'host'
      : (recent ?? 'participant');
    const peer: LivePeer = {
      peerId: newPeerId(),
      userId,
      socket,
      displayName: request.displayName,
      role,
      state: 'waiting',
      waitingSince: Date.now(),
      handRaisedOrder: null,
      mutedByFacilitator: false,
      audioOnly: false,
      // Those who run the meeting never join as listeners.
      observer: request.observer === true && !request.mayHost,
      breakoutRoom: null,
    };
    this.#roster.add(peer);
    socket.data.live = { meetingId: this.meetingId, peerId: peer.peerId };
    if (request.mayHost || returning || this.#settings.autoAdmit) this.#admit(peer);
    else this.#announceWaiting();
    return peer;
  }

  #admit(peer: LivePeer): void {
    peer.state = 'admitted';
    this.#attendance.admitted(peer, this.#deps.now());
    this.media.addPeer(peer.peerId);
    this.#channels.enter(peer.socket, isFacilitator(peer));
    if (isFacilitator(peer)) this.#clearGrace();
    // Everyone else first, so the newcomer's snapshot and the others' views agree.
    this.#channels.toOthers(peer.socket, 'peer:joined', this.#view(peer));
    this.#deps.onAdmitted(this.admitted().length, peer.userId);
    this.round.joined(peer);
    this.breakouts.joined(peer);
  }

  /** Everything `peer` needs to draw the room (room-snapshot.ts). */
  snapshot(peer: LivePeer): RoomSnapshot {
    return roomSnapshot(this, peer, {
      roster: this.#roster,
      activeSpeakerPeerId: this.#activeSpeaker,
    });
  }

  #view(peer: LivePeer) {
    return peerViewIn(this, peer);
  }

  /** Tells the room a peer changed (name, role, hand, microphone, camera). */
  announce(peer: LivePeer): void {
    if (peer.state === 'admitted') this.#channels.toRoom('peer:updated', this.#view(peer));
  }

  #announceWaiting(): void {
    this.#channels.toFacilitators('meeting:waiting', {
      waiting: this.#roster.waiting().map(waitingView),
    });
  }

  /** Leaves for good (the Leave button): no walking back in without the waiting room. */
  leave(peer: LivePeer): void {
    this.#drop(peer, 'left');
  }

  /** The connection dropped: they may come back without waiting, for a little while. */
  disconnected(peer: LivePeer): void {
    this.#comebacks.droppedOut(peer);
    this.#drop(peer, 'disconnected');
  }

  #drop(peer: LivePeer, why: 'left' | 'disconnected' | 'replaced' | 'removed' | 'denied'): void {
    if (!this.#roster.delete(peer)) return;
    this.#attendance.left(peer, this.#deps.now());
    if (peer.socket.data.live?.peerId === peer.peerId) peer.socket.data.live = undefined;
    this.#channels.leave(peer.socket);
    this.#deps.logger.info(
      { meetingId: this.meetingId, peerId: peer.peerId, why },
      'live meeting peer left',
    );
    if (peer.state === 'waiting') {
      this.#announceWaiting();
      return;
    }
    this.media.removePeer(peer.peerId);
    this.#channels.toRoom('peer:left', { peerId: peer.peerId });
    if (peer.handRaisedOrder !== null) this.hands.announceQueue();
    if (this.#settings.spotlightPeerId === peer.peerId)
      this.#setSettings({ spotlightPeerId: null });
    if (isFacilitator(peer) && !this.admitted().some(isFacilitator)) this.#startGrace();
  }

  #startGrace(): void {
    this.#clearGrace();
    this.#graceTimer = setTimeout(() => this.end('no-facilitator'), this.#deps.facilitatorGraceMs);
    this.#graceTimer.unref();
  }

  #clearGrace(): void {
    clearTimeout(this.#graceTimer);
    this.#graceTimer = undefined;
  }

  #setSettings(patch: Partial<MeetingSettings>): MeetingSettings {
    this.#settings = { ...this.#settings, ...patch };
    this.#channels.toRoom('meeting:settings', this.#settings);
    return this.#settings;
  }

  // ---- media announcements (the rules are in live-media.ts) ----------------------------

  announceProducer(producer: ProducerDescription): void {
    this.#channels.toPlaceOf(this.admitted(), producer.peerId, 'producer:new', producer);
  }
  announceProducerPaused(peerId: string, producerId: string, paused: boolean): void {
    this.#channels.toPlaceOf(this.admitted(), peerId, 'producer:paused', { producerId, paused });
  }
  announceProducerClosed(producerId: string, peerId: string): void {
    this.#channels.toPlaceOf(this.admitted(), peerId, 'producer:closed', { producerId, peerId });
  }

  /** After a new router: every admitted peer builds its transports again. */
  restartMedia(): void {
    for (const peer of this.admitted()) this.media.addPeer(peer.peerId);
    this.#channels.toRoom('media:restart', { routerRtpCapabilities: this.media.rtpCapabilities });
    for (const peer of this.admitted()) this.announce(peer);
  }

  // ---- facilitator controls ------------------------------------------------------------

  admit(peerId: string): void {
    const peer = this.#roster.target(peerId);
    if (peer.state !== 'waiting') throw new AppError('CONFLICT', 'already in the meeting');
    this.#admit(peer);
    peer.socket.emit('meeting:admitted', { room: this.snapshot(peer) });
    this.#announceWaiting();
  }

  admitAll(): number {
    const waiting = this.#roster.waiting();
    for (const peer of waiting) {
      this.#admit(peer);
      peer.socket.emit('meeting:admitted', { room: this.snapshot(peer) });
    }
    if (waiting.length > 0) this.#announceWaiting();
    return waiting.length;
  }

  deny(peerId: string): void {
    const peer = this.#roster.target(peerId);
    if (peer.state !== 'waiting') throw new AppError('CONFLICT', 'already in the meeting');
    peer.socket.emit('meeting:denied', {});
    this.#drop(peer, 'denied');
  }

  remove(actor: LivePeer, peerId: string): void {
    const peer = this.#roster.target(peerId);
    if (peer === actor) throw new AppError('INVALID_TRANSITION', 'use Leave to leave');
    if (peer.role === 'host') throw new AppError('FORBIDDEN', 'the host cannot be removed');
    this.#comebacks.remove(peer.userId);
    peer.socket.emit('meeting:removed', {});
    this.#drop(peer, 'removed');
  }

  rename(peerId: string, displayName: string): void {
    const peer = this.#roster.target(peerId);
    peer.displayName = displayName;
    if (peer.state === 'waiting') this.#announceWaiting();
    else this.announce(peer);
  }

  setLocked(locked: boolean): void {
    this.#setSettings({ locked });
  }

  updateSettings(patch: Partial<MeetingSettings>): MeetingSettings {
    const settings = this.#setSettings(patch);
    if (patch.participantsMayUnmute === true) {
      for (const peer of this.admitted().filter((p) => p.mutedByFacilitator)) {
        peer.mutedByFacilitator = false;
        this.announce(peer);
      }
    }
    if (patch.autoAdmit === true) this.admitAll();
    return settings;
  }

  spotlight(peerId: string | null): void {
    if (peerId !== null) this.#roster.admittedTarget(peerId);
    this.#setSettings({ spotlightPeerId: peerId });
  }

  promote(peerId: string): void {
    const peer = this.#roster.admittedTarget(peerId);
    if (peer.role !== 'participant') throw new AppError('CONFLICT', 'already a facilitator');
    peer.role = 'cofacilitator';
    peer.mutedByFacilitator = false;
    this.#channels.setFacilitator(peer.socket, true);
    this.announce(peer);
    // Their view grows: the waiting list, the hand queue and the private chat.
    peer.socket.emit('meeting:admitted', { room: this.snapshot(peer) });
  }

  demote(actor: LivePeer, peerId: string): void {
    const peer = this.#roster.admittedTarget(peerId);
    if (peer.role !== 'cofacilitator')
      throw new AppError('CONFLICT', 'only a co-facilitator can be demoted');
    if (peer === actor) throw new AppError('INVALID_TRANSITION', 'ask another facilitator');
    peer.role = 'participant';
    this.#channels.setFacilitator(peer.socket, false);
    this.announce(peer);
    peer.socket.emit('meeting:admitted', { room: this.snapshot(peer) });
  }

  // ---- the end ---------------------------------------------------------------------------

  /** Ends the meeting for everyone: media closed, chat forgotten. Idempotent. */
  end(reason: 'ended-by-host' | 'no-facilitator' | 'server-shutdown'): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#clearGrace();
    this.breakouts.clear();
    for (const peer of this.peers()) {
      peer.socket.emit('meeting:ended', { reason });
      this.#channels.leave(peer.socket);
      if (peer.socket.data.live?.meetingId === this.meetingId) peer.socket.data.live = undefined;
    }
    this.#roster.clear();
    this.chat.clear();
    this.help.clear();
    this.#attendance.clear();
    this.media.close();
    this.#deps.logger.info({ meetingId: this.meetingId, reason }, 'live meeting ended');
    this.#deps.onEnded();
  }
}
