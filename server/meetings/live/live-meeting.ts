import type { MediaRoom, ProducerDescription } from '../../../sfu/index.ts';
import type { MeetingServerToClient } from '../../../shared/meetings/live/events.ts';
import type { MeetingSettings, RoomSnapshot } from '../../../shared/meetings/live/schemas.ts';
import { AppError } from '../../infra/errors.ts';
import type { Logger } from '../../infra/logger.ts';
import type { MeetingNamespace, MeetingSocket } from '../../realtime/socket-server.ts';
import { isFacilitator, type LivePeer, newPeerId, peerView, waitingView } from './live-peer.ts';
import { MeetingChat } from './meeting-chat.ts';

/**
 * One live meeting, from the host opening it to its end: who is waiting and who is in,
 * roles, settings, hands, chat (in memory only), and its media room. Every rule of the
 * room is here, checked on the server for every request; the socket layer only parses,
 * authorises by access level and calls in.
 */

export interface LiveMeetingDeps {
  namespace: MeetingNamespace;
  logger: Logger;
  /** How long the meeting survives without any facilitator before it ends. */
  facilitatorGraceMs: number;
  /** How long an admitted member who dropped out may come back without waiting again. */
  rejoinGraceMs: number;
  /** Counts one admission (anonymous attendance numbers). */
  onAdmitted(inRoom: number): void;
  onEnded(): void;
}

type EventName = keyof MeetingServerToClient;
type PayloadOf<K extends EventName> = Parameters<MeetingServerToClient[K]>[0];

const DEFAULT_SETTINGS: MeetingSettings = {
  locked: false,
  autoAdmit: false,
  participantsMayUnmute: true,
  participantsMayShareScreen: false,
  spotlightPeerId: null,
};

export class LiveMeeting {
  readonly meetingId: string;
  readonly title: string;
  readonly capacity: number;
  readonly openedAt = new Date();
  readonly media: MediaRoom;
  readonly chat = new MeetingChat();
  readonly #deps: LiveMeetingDeps;
  readonly #peers = new Map<string, LivePeer>();
  /** Members a facilitator removed: they cannot come back to this occurrence. */
  readonly #removedUsers = new Set<string>();
  /** Members admitted before who dropped out, and until when they may walk back in. */
  readonly #recentlyAdmitted = new Map<string, { role: LivePeer['role']; until: number }>();
  #settings: MeetingSettings = { ...DEFAULT_SETTINGS };
  #activeSpeaker: string | null = null;
  #graceTimer: NodeJS.Timeout | undefined;
  #handsRaised = 0;
  #ended = false;

  constructor(
    info: { meetingId: string; title: string; capacity: number },
    media: MediaRoom,
    deps: LiveMeetingDeps,
  ) {
    this.meetingId = info.meetingId;
    this.title = info.title;
    this.capacity = info.capacity;
    this.media = media;
    this.#deps = deps;
    media.on('activespeaker', ({ peerId }) => {
      this.#activeSpeaker = peerId;
      this.#toRoom('speaker:active', { peerId });
    });
    media.on('consumerclosed', ({ peerId, consumerId }) => {
      this.#peers.get(peerId)?.socket.emit('consumer:closed', { consumerId });
    });
  }

  get ended(): boolean {
    return this.#ended;
  }

  get settings(): MeetingSettings {
    return this.#settings;
  }

  get #room() {
    return `live:${this.meetingId}`;
  }
  get #facilitatorRoom() {
    return `live:${this.meetingId}:facilitators`;
  }

  #toRoom<K extends EventName>(event: K, payload: PayloadOf<K>): void {
    (this.#deps.namespace.local.to(this.#room).emit as (e: K, p: PayloadOf<K>) => void)(
      event,
      payload,
    );
  }
  #toFacilitators<K extends EventName>(event: K, payload: PayloadOf<K>): void {
    (this.#deps.namespace.local.to(this.#facilitatorRoom).emit as (e: K, p: PayloadOf<K>) => void)(
      event,
      payload,
    );
  }

  // ---- people ---------------------------------------------------------------------------

  peers(): LivePeer[] {
    return [...this.#peers.values()];
  }

  admitted(): LivePeer[] {
    return this.peers().filter((p) => p.state === 'admitted');
  }

  /** A peer of this meeting on this socket (a replayed id of someone else's finds nothing). */
  peerOn(socket: MeetingSocket, peerId: string): LivePeer | undefined {
    const peer = this.#peers.get(peerId);
    return peer && peer.socket.id === socket.id ? peer : undefined;
  }

  #target(peerId: string): LivePeer {
    const peer = this.#peers.get(peerId);
    if (!peer) throw new AppError('NOT_FOUND', 'no such person in this meeting');
    return peer;
  }

  /**
   * Lets a member in: hosts at once (the first as host), someone admitted earlier who
   * dropped out at once, others to the waiting room unless the meeting admits everyone.
   */
  join(
    socket: MeetingSocket,
    userId: string,
    request: { displayName: string; mayHost: boolean },
  ): LivePeer {
    if (this.#ended) throw new AppError('MEETING_ENDED', 'this meeting has ended');
    if (this.#removedUsers.has(userId))
      throw new AppError('REMOVED', 'a facilitator removed you from this meeting');
    // A member's newer tab (or a reconnect) replaces their older one.
    const earlier = this.peers().find((p) => p.userId === userId);
    const recent = this.#recentRole(userId, earlier);
    if (earlier) this.#drop(earlier, 'replaced');
    const returning = recent !== undefined;
    if (!request.mayHost && !returning) {
      if (this.#settings.locked) throw new AppError('LOCKED', 'this meeting is locked');
      if (this.#peers.size >= this.capacity)
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
    };
    this.#peers.set(peer.peerId, peer);
    socket.data.live = { meetingId: this.meetingId, peerId: peer.peerId };
    if (request.mayHost || returning || this.#settings.autoAdmit) this.#admit(peer);
    else this.#announceWaiting();
    return peer;
  }

  #recentRole(userId: string, earlier: LivePeer | undefined): LivePeer['role'] | undefined {
    if (earlier?.state === 'admitted') return earlier.role;
    const recent = this.#recentlyAdmitted.get(userId);
    this.#recentlyAdmitted.delete(userId);
    return recent && recent.until > Date.now() ? recent.role : undefined;
  }

  #admit(peer: LivePeer): void {
    peer.state = 'admitted';
    this.media.addPeer(peer.peerId);
    void peer.socket.join(this.#room);
    if (isFacilitator(peer)) {
      void peer.socket.join(this.#facilitatorRoom);
      this.#clearGrace();
    }
    // Everyone else first, so the newcomer's snapshot and the others' views agree.
    peer.socket.to(this.#room).emit('peer:joined', this.#view(peer));
    this.#deps.onAdmitted(this.admitted().length);
  }

  snapshot(peer: LivePeer): RoomSnapshot {
    const facilitator = isFacilitator(peer);
    return {
      meetingId: this.meetingId,
      title: this.title,
      self: this.#view(peer),
      peers: this.admitted()
        .filter((p) => p !== peer)
        .map((p) => this.#view(p)),
      producers: this.media.producers().filter((p) => p.peerId !== peer.peerId),
      settings: this.#settings,
      handQueue: facilitator ? this.#handQueue() : [],
      activeSpeakerPeerId: this.#activeSpeaker,
      chat: this.chat.visibleTo(peer.peerId, facilitator),
      routerRtpCapabilities: this.media.rtpCapabilities,
      waiting: facilitator ? this.#waiting().map(waitingView) : [],
    };
  }

  #view(peer: LivePeer) {
    const on = (source: 'mic' | 'camera' | 'screen') => {
      const producer = this.media.producerOf(peer.peerId, source);
      return producer !== undefined && !producer.paused;
    };
    return peerView(peer, { micOn: on('mic'), cameraOn: on('camera'), screenOn: on('screen') });
  }

  /** Tells the room a peer changed (name, role, hand, microphone, camera). */
  announce(peer: LivePeer): void {
    if (peer.state === 'admitted') this.#toRoom('peer:updated', this.#view(peer));
  }

  #waiting(): LivePeer[] {
    return this.peers()
      .filter((p) => p.state === 'waiting')
      .sort((a, b) => a.waitingSince - b.waitingSince);
  }

  #announceWaiting(): void {
    this.#toFacilitators('meeting:waiting', { waiting: this.#waiting().map(waitingView) });
  }

  #handQueue(): string[] {
    return this.admitted()
      .filter((p) => p.handRaisedOrder !== null)
      .sort((a, b) => (a.handRaisedOrder ?? 0) - (b.handRaisedOrder ?? 0))
      .map((p) => p.peerId);
  }

  #announceHands(): void {
    this.#toFacilitators('hand:queue', { queue: this.#handQueue() });
  }

  /** Leaves for good (the Leave button): no walking back in without the waiting room. */
  leave(peer: LivePeer): void {
    this.#drop(peer, 'left');
  }

  /** The connection dropped: they may come back without waiting, for a little while. */
  disconnected(peer: LivePeer): void {
    if (peer.state === 'admitted') {
      this.#recentlyAdmitted.set(peer.userId, {
        role: peer.role,
        until: Date.now() + this.#deps.rejoinGraceMs,
      });
    }
    this.#drop(peer, 'disconnected');
  }

  #drop(peer: LivePeer, why: 'left' | 'disconnected' | 'replaced' | 'removed' | 'denied'): void {
    if (!this.#peers.delete(peer.peerId)) return;
    if (peer.socket.data.live?.peerId === peer.peerId) peer.socket.data.live = undefined;
    void peer.socket.leave(this.#room);
    void peer.socket.leave(this.#facilitatorRoom);
    this.#deps.logger.info(
      { meetingId: this.meetingId, peerId: peer.peerId, why },
      'live meeting peer left',
    );
    if (peer.state === 'waiting') {
      this.#announceWaiting();
      return;
    }
    this.media.removePeer(peer.peerId);
    this.#toRoom('peer:left', { peerId: peer.peerId });
    if (peer.handRaisedOrder !== null) this.#announceHands();
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
    this.#toRoom('meeting:settings', this.#settings);
    return this.#settings;
  }

  // ---- media announcements (the rules are in live-media.ts) ----------------------------

  announceProducer(producer: ProducerDescription): void {
    this.#toRoom('producer:new', producer);
  }
  announceProducerPaused(producerId: string, paused: boolean): void {
    this.#toRoom('producer:paused', { producerId, paused });
  }
  announceProducerClosed(producerId: string, peerId: string): void {
    this.#toRoom('producer:closed', { producerId, peerId });
  }

  /** After a new router: every admitted peer builds its transports again. */
  restartMedia(): void {
    for (const peer of this.admitted()) this.media.addPeer(peer.peerId);
    this.#toRoom('media:restart', { routerRtpCapabilities: this.media.rtpCapabilities });
    for (const peer of this.admitted()) this.announce(peer);
  }

  // ---- facilitator controls ------------------------------------------------------------

  admit(peerId: string): void {
    const peer = this.#target(peerId);
    if (peer.state !== 'waiting') throw new AppError('CONFLICT', 'already in the meeting');
    this.#admit(peer);
    peer.socket.emit('meeting:admitted', { room: this.snapshot(peer) });
    this.#announceWaiting();
  }

  admitAll(): number {
    const waiting = this.#waiting();
    for (const peer of waiting) {
      this.#admit(peer);
      peer.socket.emit('meeting:admitted', { room: this.snapshot(peer) });
    }
    if (waiting.length > 0) this.#announceWaiting();
    return waiting.length;
  }

  deny(peerId: string): void {
    const peer = this.#target(peerId);
    if (peer.state !== 'waiting') throw new AppError('CONFLICT', 'already in the meeting');
    peer.socket.emit('meeting:denied', {});
    this.#drop(peer, 'denied');
  }

  remove(actor: LivePeer, peerId: string): void {
    const peer = this.#target(peerId);
    if (peer === actor) throw new AppError('INVALID_TRANSITION', 'use Leave to leave');
    if (peer.role === 'host') throw new AppError('FORBIDDEN', 'the host cannot be removed');
    this.#removedUsers.add(peer.userId);
    peer.socket.emit('meeting:removed', {});
    this.#drop(peer, 'removed');
  }

  /** Pauses their microphone on the server; they may unmute only if the meeting allows it. */
  async mute(peerId: string): Promise<boolean> {
    const peer = this.#admittedTarget(peerId);
    const mic = this.media.producerOf(peer.peerId, 'mic');
    if (mic && !mic.paused) await this.media.pauseProducer(peer.peerId, mic.producerId);
    if (mic) this.#toRoom('producer:paused', { producerId: mic.producerId, paused: true });
    peer.mutedByFacilitator = !this.#settings.participantsMayUnmute && !isFacilitator(peer);
    peer.socket.emit('meeting:mutedByFacilitator', { source: 'mic' });
    this.announce(peer);
    return mic !== undefined && !mic.paused;
  }

  async muteAll(actor: LivePeer): Promise<number> {
    let muted = 0;
    for (const peer of this.admitted()) {
      if (peer === actor || isFacilitator(peer)) continue;
      if (await this.mute(peer.peerId)) muted++;
    }
    return muted;
  }

  /** Closes their camera and screen share on the server. */
  stopVideo(peerId: string): void {
    const peer = this.#admittedTarget(peerId);
    for (const source of ['camera', 'screen'] as const) {
      const producer = this.media.producerOf(peer.peerId, source);
      if (!producer) continue;
      this.media.closeProducer(peer.peerId, producer.producerId);
      this.#toRoom('producer:closed', { producerId: producer.producerId, peerId: peer.peerId });
    }
    peer.socket.emit('meeting:mutedByFacilitator', { source: 'camera' });
    this.announce(peer);
  }

  rename(peerId: string, displayName: string): void {
    const peer = this.#target(peerId);
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
    if (peerId !== null) this.#admittedTarget(peerId);
    this.#setSettings({ spotlightPeerId: peerId });
  }

  promote(peerId: string): void {
    const peer = this.#admittedTarget(peerId);
    if (peer.role !== 'participant') throw new AppError('CONFLICT', 'already a facilitator');
    peer.role = 'cofacilitator';
    peer.mutedByFacilitator = false;
    void peer.socket.join(this.#facilitatorRoom);
    this.announce(peer);
    // Their view grows: the waiting list, the hand queue and the private chat.
    peer.socket.emit('meeting:admitted', { room: this.snapshot(peer) });
  }

  demote(actor: LivePeer, peerId: string): void {
    const peer = this.#admittedTarget(peerId);
    if (peer.role !== 'cofacilitator')
      throw new AppError('CONFLICT', 'only a co-facilitator can be demoted');
    if (peer === actor) throw new AppError('INVALID_TRANSITION', 'ask another facilitator');
    peer.role = 'participant';
    void peer.socket.leave(this.#facilitatorRoom);
    this.announce(peer);
    peer.socket.emit('meeting:admitted', { room: this.snapshot(peer) });
  }

  #admittedTarget(peerId: string): LivePeer {
    const peer = this.#target(peerId);
    if (peer.state !== 'admitted') throw new AppError('NOT_FOUND', 'not in the meeting room');
    return peer;
  }

  // ---- hands -----------------------------------------------------------------------------

  raiseHand(peer: LivePeer): void {
    if (peer.handRaisedOrder !== null) return;
    peer.handRaisedOrder = ++this.#handsRaised;
    this.announce(peer);
    this.#announceHands();
  }

  lowerHand(actor: LivePeer, peerId: string | undefined): void {
    const peer = peerId === undefined ? actor : this.#admittedTarget(peerId);
    if (peer !== actor && !isFacilitator(actor))
      throw new AppError('FORBIDDEN', 'only facilitators lower other hands');
    if (peer.handRaisedOrder === null) return;
    peer.handRaisedOrder = null;
    this.announce(peer);
    this.#announceHands();
  }

  lowerAllHands(): void {
    for (const peer of this.admitted()) {
      if (peer.handRaisedOrder === null) continue;
      peer.handRaisedOrder = null;
      this.announce(peer);
    }
    this.#announceHands();
  }

  // ---- chat ------------------------------------------------------------------------------

  sendChat(peer: LivePeer, text: string, to: 'everyone' | 'facilitators'): string {
    const message = this.chat.add({
      fromPeerId: peer.peerId,
      fromName: peer.displayName,
      to,
      text,
    });
    if (to === 'everyone') this.#toRoom('chat:message', message);
    else {
      this.#toFacilitators('chat:message', message);
      if (!isFacilitator(peer)) peer.socket.emit('chat:message', message);
    }
    return message.id;
  }

  deleteChat(messageId: string): void {
    const message = this.chat.delete(messageId);
    if (!message) throw new AppError('NOT_FOUND', 'no such message');
    if (message.to === 'everyone') this.#toRoom('chat:deleted', { messageId });
    else {
      this.#toFacilitators('chat:deleted', { messageId });
      this.#peers.get(message.fromPeerId)?.socket.emit('chat:deleted', { messageId });
    }
  }

  // ---- the end ---------------------------------------------------------------------------

  /** Ends the meeting for everyone: media closed, chat forgotten. Idempotent. */
  end(reason: 'ended-by-host' | 'no-facilitator' | 'server-shutdown'): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#clearGrace();
    for (const peer of this.peers()) {
      peer.socket.emit('meeting:ended', { reason });
      void peer.socket.leave(this.#room);
      void peer.socket.leave(this.#facilitatorRoom);
      if (peer.socket.data.live?.meetingId === this.meetingId) peer.socket.data.live = undefined;
    }
    this.#peers.clear();
    this.chat.clear();
    this.media.close();
    this.#deps.logger.info({ meetingId: this.meetingId, reason }, 'live meeting ended');
    this.#deps.onEnded();
  }
}
