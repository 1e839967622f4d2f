import type { StoreApi } from 'zustand';
import type { LocalSources } from './local-sources.ts';
import type { MediaSession } from './media-session.ts';
import { producersToConsume, type RoomMove, roomMoved } from './room-state.ts';
import { codeOf } from './signalling.ts';
import { type LiveState, type NoticeKey, updateRoom } from './store.ts';

/**
 * What the room receives and sends as it changes: media built from nothing (admission, a
 * reconnect, a worker restart), a move into a breakout room or back, and receiving every
 * producer the room has. One rebuild at a time, so a restart during a rejoin does not build
 * twice at once. MeetingClient owns it; MediaSession does the mediasoup work.
 */
export class RoomMedia {
  readonly #store: StoreApi<LiveState>;
  readonly #media: MediaSession;
  readonly #sources: () => LocalSources;
  readonly #closed: () => boolean;
  readonly #notice: (key: NoticeKey, code?: LiveState['joinError']) => void;
  #rebuilding: Promise<void> = Promise.resolve();
  #lastCaps: unknown = null;

  constructor(deps: {
    store: StoreApi<LiveState>;
    media: MediaSession;
    sources: () => LocalSources;
    closed: () => boolean;
    notice: (key: NoticeKey, code?: LiveState['joinError']) => void;
  }) {
    this.#store = deps.store;
    this.#media = deps.media;
    this.#sources = deps.sources;
    this.#closed = deps.closed;
    this.#notice = deps.notice;
  }

  /**
   * Builds media from nothing. What was on stays on (the same tracks are produced again); on
   * first entry the microphone is produced paused and the camera stays off until the person
   * turns it on. `null` capabilities: the router's last known ones (a transport failed).
   */
  rebuild(routerRtpCapabilities: unknown | null, firstEntry = false): Promise<void> {
    const run = async () => {
      if (this.#closed() || this.#store.getState().phase !== 'room') return;
      const caps = routerRtpCapabilities ?? this.#lastCaps;
      this.#lastCaps = caps;
      this.#media.teardown();
      try {
        await this.#media.start(caps);
        // Others' audio and video do not wait for this browser's own microphone (opening it
        // and producing it take two round trips and a device prompt on first entry).
        await Promise.all([this.consumeAll(), this.#sources().produceWhatWasOn(firstEntry)]);
      } catch (error) {
        if (this.#closed()) return;
        this.#notice('mediaFailed', codeOf(error));
      }
    };
    this.#rebuilding = this.#rebuilding.then(run, run);
    return this.#rebuilding;
  }

  /** Into a breakout room or back: drop what the old room sent, receive the new room. */
  async moved(move: RoomMove): Promise<void> {
    updateRoom(this.#store, (room) => roomMoved(room, move));
    const wanted = new Set(move.producers.map((p) => p.producerId));
    for (const info of Object.values(this.#store.getState().consumers))
      if (!wanted.has(info.producerId)) this.#media.closeConsumer(info.consumerId);
    await this.consumeAll();
  }

  /** Receives every producer of the room this browser should (no video when audio-only). */
  async consumeAll(): Promise<void> {
    const { room, local } = this.#store.getState();
    if (!room) return;
    const wanted = producersToConsume(room, local.audioOnly);
    await Promise.all(wanted.map((p) => this.#media.consume(p).catch(() => undefined)));
  }
}
