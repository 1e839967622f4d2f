import type { StoreApi } from 'zustand';
import type { Helped } from '../../../../../shared/meetings/feedback.ts';
import type { MeetingServerToClient } from '../../../../../shared/meetings/live/events.ts';
import type { RoomSnapshot } from '../../../../../shared/meetings/live/schemas.ts';
import type {
  ClientToServerEvents,
  ConnectRefusal,
  ServerToClientEvents,
} from '../../../../../shared/protocol.ts';
import type { HavenSocket } from '../../../net/socket.ts';
import { LocalSources } from './local-sources.ts';
import { MediaSession } from './media-session.ts';
import { outcomeOfJoinError } from './model.ts';
import { bindRoomEvents } from './room-events.ts';
import { RoomMedia } from './room-media.ts';
import { roomFromSnapshot, selfOf } from './room-state.ts';
import {
  codeOf,
  connected,
  type MeetingEvent,
  makeRequester,
  type PayloadIn,
  type Requester,
} from './signalling.ts';
import { initialLiveState, type LiveState, type NoticeKey, patchLocal, setBusy } from './store.ts';
import { localKey, TrackRegistry } from './tracks.ts';

/**
 * Everything about being in one live meeting that is not drawing it: the socket, joining and
 * rejoining, the media (through MediaSession) and the store the UI reads. React-free, as
 * mediasoup-demo's RoomClient: components call its methods and read plain data from the store.
 */

export type MeetingSocket = HavenSocket<
  MeetingServerToClient & ServerToClientEvents,
  ClientToServerEvents
>;

export interface JoinRequest {
  displayName: string;
  agreementAccepted: boolean;
  eligibilityConfirmed?: boolean;
  /** Listen only ("Listening"): no media is sent until a facilitator allows it. */
  observer?: boolean;
  micDeviceId?: string | null;
  cameraDeviceId?: string | null;
}

export type SocketFactory = (onRefused: (refusal: ConnectRefusal) => void) => MeetingSocket;

/** After a server-side disconnect (a restart, a role change), try again after this long. */
const RECONNECT_DELAY_MS = 1_000;
const REJOIN_RETRY_MS = 2_000;

export class MeetingClient {
  readonly meetingId: string;
  readonly tracks = new TrackRegistry();
  readonly #store: StoreApi<LiveState>;
  readonly #socket: MeetingSocket;
  readonly #request: Requester;
  readonly #media: MediaSession;
  readonly #sources: LocalSources;
  #join: JoinRequest | null = null;
  #closed = false;
  #connectedOnce = false;
  #shutdownDelay: number | null = null;
  #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #roomMedia: RoomMedia;

  constructor(meetingId: string, store: StoreApi<LiveState>, connect: SocketFactory) {
    this.meetingId = meetingId;
    this.#store = store;
    store.setState(initialLiveState, true);
    this.#socket = connect((refusal) => this.#refused(refusal));
    this.#request = makeRequester(this.#socket);
    this.#media = new MediaSession(this.#request, this.tracks, {
      consumerAdded: (info) =>
        store.setState((s) => ({ consumers: { ...s.consumers, [info.consumerId]: info } })),
      consumerRemoved: (consumerId) =>
        store.setState((s) => {
          const { [consumerId]: _gone, ...consumers } = s.consumers;
          return { consumers };
        }),
      transportFailed: () => this.#roomMedia.rebuild(null),
      trackEnded: (source) => void this.#sources.trackEnded(source),
    });
    this.#sources = new LocalSources({
      store,
      tracks: this.tracks,
      media: this.#media,
      devices: () => this.#join,
      self: () => this.#self,
      notice: (key, code) => this.#notice(key, code),
    });
    this.#roomMedia = new RoomMedia({
      store,
      media: this.#media,
      sources: () => this.#sources,
      closed: () => this.#closed,
      notice: (key, code) => this.#notice(key, code),
    });
    this.#listen();
    void this.checkStatus();
  }

  get state(): LiveState {
    return this.#store.getState();
  }

  get request(): Requester {
    return this.#request;
  }

  get #inMeeting(): boolean {
    const { phase } = this.state;
    return phase === 'waiting' || phase === 'room';
  }

  #listen(): void {
    const socket = this.#socket;
    socket.on('connect', () => {
      const again = this.#connectedOnce;
      this.#connectedOnce = true;
      if (again && this.#join && this.#inMeeting) void this.#rejoin();
    });
    socket.on('disconnect', (reason) => {
      if (this.#closed) return;
      if (this.#inMeeting) {
        this.#store.setState({ reconnecting: true });
        this.#media.teardown();
      }
      // The server closed this socket itself (a restart, a role change): Socket.IO will not
      // try again on its own. Being removed or signed out arrives as an event first.
      if (reason === 'io server disconnect') {
        this.#later(() => socket.connect(), this.#shutdownDelay ?? RECONNECT_DELAY_MS);
      }
    });
    socket.on('server:shutdown', ({ reconnectInMs }) => {
      this.#shutdownDelay = reconnectInMs + Math.round(Math.random() * 500);
      if (this.#inMeeting) this.#store.setState({ reconnecting: true });
    });
    socket.on('session:ended', () => this.#finish('sessionEnded'));
    bindRoomEvents(socket, {
      store: this.#store,
      media: this.#media,
      enterRoom: (room) => void this.#enterRoom(room, false),
      finish: (outcome, reason) => this.#finish(outcome, reason),
      restartMedia: (caps) => this.#roomMedia.rebuild(caps),
      roomMoved: (move) => void this.#roomMedia.moved(move),
      mutedByFacilitator: (source) => this.#sources.mutedByFacilitator(source),
    });
  }

  #refused(refusal: ConnectRefusal): void {
    if (refusal.code === 'VERSION_MISMATCH') this.#finish('outdated');
    else if (refusal.code === 'UNAUTHENTICATED') this.#finish('sessionEnded');
  }

  /** Asks whether a host has opened the meeting: the join form, or "not started yet". */
  async checkStatus(): Promise<void> {
    this.#store.setState({ phase: 'checking', joinError: null });
    try {
      const { live } = await this.#request('meeting:status', { meetingId: this.meetingId });
      if (!this.#closed && this.state.phase === 'checking')
        this.#store.setState({ phase: live ? 'ready' : 'notLive' });
    } catch (error) {
      if (this.#closed) return;
      const code = codeOf(error);
      const outcome = outcomeOfJoinError(code);
      if (outcome) this.#finish(outcome);
      else this.#store.setState({ phase: 'ready', joinError: code });
    }
  }

  async join(request: JoinRequest): Promise<void> {
    if (this.state.phase === 'joining') return;
    this.#join = request;
    this.#store.setState({ phase: 'joining', joinError: null });
    await this.#sendJoin(false);
  }

  async #sendJoin(rejoin: boolean): Promise<void> {
    const join = this.#join;
    if (!join) return;
    try {
      const answer = await this.#request('meeting:join', {
        meetingId: this.meetingId,
        displayName: join.displayName,
        agreementAccepted: join.agreementAccepted,
        ...(join.eligibilityConfirmed ? { eligibilityConfirmed: true } : {}),
        ...(join.observer ? { observer: true } : {}),
      });
      if (this.#closed) return;
      if (answer.status === 'waiting') {
        this.#media.teardown();
        this.#store.setState({
          phase: 'waiting',
          title: answer.title,
          room: null,
          reconnecting: false,
        });
      } else {
        await this.#enterRoom(answer.room, rejoin);
      }
    } catch (error) {
      if (this.#closed) return;
      const code = codeOf(error);
      const outcome = outcomeOfJoinError(code);
      if (outcome) return this.#finish(outcome);
      if (code === 'NOT_LIVE' && !rejoin) return this.#store.setState({ phase: 'notLive' });
      if (rejoin) {
        // Still reconnecting: a node restarting answers UNAVAILABLE for a moment.
        this.#later(() => void this.#rejoin(), REJOIN_RETRY_MS);
        return;
      }
      this.#store.setState({ phase: 'ready', joinError: code });
    }
  }

  async #rejoin(): Promise<void> {
    if (this.#closed || !this.#socket.connected) return;
    await this.#sendJoin(true);
  }

  /** Admitted (first time, after waiting, or after a reconnect): draw the room, then media. */
  async #enterRoom(snapshot: RoomSnapshot, rejoin: boolean): Promise<void> {
    const room = roomFromSnapshot(snapshot);
    this.#store.setState({ phase: 'room', room, title: room.title, reconnecting: false });
    await this.#roomMedia.rebuild(snapshot.routerRtpCapabilities, !rejoin);
  }

  /**
   * This browser's microphone, camera and screen (local-sources.ts). Unmute is resumeProducer;
   * the server refuses it (FORBIDDEN) after a facilitator mute.
   */
  get sources(): Pick<LocalSources, 'toggleMic' | 'toggleCamera' | 'toggleScreen'> {
    return this.#sources;
  }

  /** Audio-only: no video in or out, for a weak connection or a quieter screen. */
  toggleAudioOnly(): Promise<void> {
    const audioOnly = !this.state.local.audioOnly;
    return this.#whileBusy('audioOnly', async () => {
      await this.#request('media:setAudioOnly', { audioOnly });
      patchLocal(this.#store, { audioOnly });
      if (audioOnly) {
        if (this.state.local.cameraOn) await this.#sources.stopSource('camera');
        for (const consumerId of this.#media.videoConsumerIds())
          this.#media.closeConsumer(consumerId);
      } else {
        await this.#roomMedia.consumeAll();
      }
    });
  }

  toggleHand(): Promise<void> {
    const self = this.#self;
    if (!self) return Promise.resolve();
    return this.#whileBusy('hand', () =>
      this.#request(self.handRaised ? 'hand:lower' : 'hand:raise', {}),
    );
  }

  /** One press at a time; a refusal becomes a notice. */
  async #whileBusy(key: 'audioOnly' | 'hand', run: () => Promise<unknown>): Promise<void> {
    if (this.state.local.busy[key]) return;
    setBusy(this.#store, key, true);
    try {
      await run();
    } catch (error) {
      this.#notice('actionFailed', codeOf(error));
    } finally {
      setBusy(this.#store, key, false);
    }
  }

  /** A facilitator's action or a chat message: failures become a notice, success is silent. */
  async act<K extends MeetingEvent>(event: K, payload: PayloadIn<K>): Promise<boolean> {
    try {
      await this.#request(event, payload);
      return true;
    } catch (error) {
      this.#notice('actionFailed', codeOf(error));
      return false;
    }
  }

  /** Which simulcast layer a tile showing `consumerId` needs now. */
  setLayer(consumerId: string, spatialLayer: 0 | 1 | 2): void {
    this.#media.setLayer(consumerId, spatialLayer);
  }

  get #self() {
    const room = this.state.room;
    return room ? selfOf(room) : undefined;
  }

  #notice(key: NoticeKey, code?: LiveState['joinError']): void {
    this.#store.setState({ notice: { key, ...(code ? { code } : {}), at: Date.now() } });
  }

  dismissNotice(): void {
    this.#store.setState({ notice: null });
  }

  /** Leaves on purpose: tells the server, then closes everything. */
  async leave(): Promise<void> {
    if (this.#inMeeting) await this.#request('meeting:leave', {}).catch(() => undefined);
    this.#finish('left');
  }

  #finish(outcome: LiveState['outcome'], endReason: LiveState['endReason'] = null): void {
    if (this.#closed) return;
    this.#store.setState({ phase: 'closed', outcome, endReason, reconnecting: false });
    this.close();
  }

  #later(run: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (!this.#closed) run();
    }, ms);
    this.#timers.add(timer);
  }

  /**
   * Anonymous feedback after leaving or after the end. The socket was closed with the
   * meeting, so it is opened again for this one request.
   */
  async rate(rating: { rating: number; helped: Helped[] }): Promise<void> {
    const socket = this.#socket;
    await connected(socket);
    try {
      await this.#request('meeting:rate', { meetingId: this.meetingId, ...rating });
    } finally {
      if (this.#closed) socket.disconnect();
    }
  }

  /** Idempotent: stops every track this client opened and closes the socket. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#media.teardown();
    for (const source of ['mic', 'camera', 'screen'] as const) {
      this.tracks.get(localKey(source))?.stop();
      this.tracks.set(localKey(source), null);
    }
    this.#socket.removeAllListeners();
    this.#socket.disconnect();
  }
}
