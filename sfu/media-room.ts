import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import type {
  DtlsParameters,
  MediaKind,
  MediaSource,
  RtpCapabilities,
  RtpParameters,
  TransportOptions,
} from '../shared/meetings/live/media.ts';
import { refuseInvalid, SfuError } from './errors.ts';
import { MediaPeer } from './media-peer.ts';
import type {
  ConsumerParameters,
  MediaRoomEvents,
  ProducerDescription,
} from './media-room-types.ts';
import type { WorkerPool } from './worker-pool.ts';

/**
 * One meeting's media: its router and everyone's transports, producers and consumers, on
 * mediasoup's own ownership tree (router → transports → producers/consumers), so closing
 * the room or a peer closes everything under it once. The room knows peers by id only;
 * who may do what is the meeting's business (server/meetings/live), not the SFU's.
 */

/** Outgoing bandwidth a new transport starts with, before congestion control learns more. */
const INITIAL_OUTGOING_BITRATE = 1_000_000;
/** A sender's ceiling: a 720p simulcast camera plus a screen share fit. */
const MAX_INCOMING_BITRATE = 3_000_000;
/** How long a meeting waits for the pool to replace a dead worker before giving up. */
const RECOVERY_TIMEOUT_MS = 8_000;

export class MediaRoom extends EventEmitter<MediaRoomEvents> {
  readonly tag: string;
  readonly #pool: WorkerPool;
  #router: types.Router;
  #speakerObserver: types.ActiveSpeakerObserver;
  readonly #peers = new Map<string, MediaPeer>();
  #closed = false;

  /** Creates the room's router on the least-loaded worker of `pool`. */
  static async create(pool: WorkerPool, tag: string): Promise<MediaRoom> {
    const { router, observer } = await MediaRoom.#openRouter(pool, tag);
    return new MediaRoom(pool, tag, router, observer);
  }

  static async #openRouter(pool: WorkerPool, tag: string) {
    const router = await pool.createRouter(tag);
    try {
      const observer = await router.createActiveSpeakerObserver({ interval: 300 });
      return { router, observer };
    } catch (error) {
      router.close();
      throw error;
    }
  }

  private constructor(
    pool: WorkerPool,
    tag: string,
    router: types.Router,
    observer: types.ActiveSpeakerObserver,
  ) {
    super();
    this.tag = tag;
    this.#pool = pool;
    this.#router = router;
    this.#speakerObserver = observer;
    this.#watch(router, observer);
  }

  #watch(router: types.Router, observer: types.ActiveSpeakerObserver): void {
    router.on('workerclose', () => {
      if (this.#closed || router !== this.#router) return;
      this.#safeEmit('routerlost');
    });
    observer.on('dominantspeaker', ({ producer }) => {
      this.#safeEmit('activespeaker', { peerId: (producer.appData.peerId as string) ?? null });
    });
  }

  /** A listener's throw must never break the room (mediasoup's safeEmit does the same). */
  #safeEmit<K extends keyof MediaRoomEvents>(event: K, ...args: MediaRoomEvents[K]): void {
    try {
      (this.emit as (e: K, ...a: MediaRoomEvents[K]) => boolean)(event, ...args);
    } catch {
      // Listeners report their own failures; the room's state is already consistent.
    }
  }

  get closed(): boolean {
    return this.#closed;
  }

  get routerId(): string {
    return this.#router.id;
  }

  get rtpCapabilities(): RtpCapabilities {
    return this.#router.rtpCapabilities as RtpCapabilities;
  }

  /** Worker pid of this room's router (tests kill it to prove recovery). */
  get workerPid(): number | undefined {
    return this.#pool.workerPidOf(this.#router);
  }

  /**
   * After the worker died: a new router on a live worker (waiting for the replacement if
   * none is left). Every peer stays, with no transports; clients build them again.
   */
  async recover(): Promise<void> {
    if (this.#closed) return;
    for (const peer of this.#peers.values()) peer.resetMedia();
    await this.#pool.waitForLiveWorker(RECOVERY_TIMEOUT_MS);
    const { router, observer } = await MediaRoom.#openRouter(this.#pool, this.tag);
    if (this.#closed) {
      router.close();
      return;
    }
    this.#router = router;
    this.#speakerObserver = observer;
    this.#watch(router, observer);
  }

  addPeer(peerId: string): void {
    if (this.#closed) throw new SfuError('MEETING_ENDED', 'the meeting has ended');
    if (!this.#peers.has(peerId)) this.#peers.set(peerId, new MediaPeer(peerId));
  }

  hasPeer(peerId: string): boolean {
    return this.#peers.has(peerId);
  }

  /** Closes the peer's transports, and with them its producers and consumers. */
  removePeer(peerId: string): void {
    this.#peers.get(peerId)?.close();
    this.#peers.delete(peerId);
  }

  /**
   * Puts a peer in a group (a breakout room; '' is everyone's at first): a peer receives
   * only producers of its own group. Consumers that now cross groups, either way, are
   * closed and returned, so their owners can be told.
   */
  setGroup(peerId: string, group: string): Array<{ peerId: string; consumerId: string }> {
    this.#peer(peerId).group = group;
    const closed: Array<{ peerId: string; consumerId: string }> = [];
    for (const peer of this.#peers.values()) {
      const crossing = peer.closeConsumersWhere(
        (consumer) =>
          this.#peers.get(consumer.appData.producerPeerId as string)?.group !== peer.group,
      );
      for (const consumerId of crossing) closed.push({ peerId: peer.peerId, consumerId });
    }
    return closed;
  }

  #peer(peerId: string): MediaPeer {
    const peer = this.#peers.get(peerId);
    if (!peer || this.#closed) throw new SfuError('NOT_ADMITTED', 'not in this meeting');
    return peer;
  }

  async createWebRtcTransport(
    peerId: string,
    direction: 'send' | 'recv',
  ): Promise<TransportOptions> {
    const peer = this.#peer(peerId);
    peer.assertMayOpenTransport(direction);
    const server = this.#pool.webRtcServerFor(this.#router);
    const { listenIp, announcedIp } = this.#pool.network;
    const common = {
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: INITIAL_OUTGOING_BITRATE,
      appData: { peerId, direction },
    };
    const transport = server
      ? await this.#router.createWebRtcTransport({ ...common, webRtcServer: server })
      : await this.#router.createWebRtcTransport({
          ...common,
          listenIps: [{ ip: listenIp, ...(announcedIp ? { announcedIp } : {}) }],
        });
    if (direction === 'send') await transport.setMaxIncomingBitrate(MAX_INCOMING_BITRATE);
    peer.addTransport(transport, direction);
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates as TransportOptions['iceCandidates'],
      dtlsParameters: transport.dtlsParameters as TransportOptions['dtlsParameters'],
    };
  }

  /**
   * A PlainTransport (RTP over UDP, optionally SRTP) for tools that speak RTP directly:
   * the SFU benchmark and RTP-level tests. Meetings themselves use WebRTC transports.
   */
  async createPlainTransport(
    peerId: string,
    direction: 'send' | 'recv',
    options: { comedia?: boolean; enableSrtp?: boolean } = {},
  ): Promise<types.PlainTransport> {
    const peer = this.#peer(peerId);
    const transport = await this.#router.createPlainTransport({
      listenIp: { ip: this.#pool.network.listenIp },
      rtcpMux: true,
      comedia: options.comedia ?? false,
      enableSrtp: options.enableSrtp ?? false,
      appData: { peerId, direction },
    });
    peer.addTransport(transport, direction);
    return transport;
  }

  async connectTransport(
    peerId: string,
    transportId: string,
    dtlsParameters: DtlsParameters,
  ): Promise<void> {
    const transport = this.#peer(peerId).transport(transportId);
    await refuseInvalid('connect', () =>
      (transport as types.WebRtcTransport).connect({
        dtlsParameters: dtlsParameters as types.DtlsParameters,
      }),
    );
  }

  async produce(
    peerId: string,
    request: {
      transportId: string;
      kind: MediaKind;
      rtpParameters: RtpParameters;
      source: MediaSource;
      paused?: boolean | undefined;
    },
  ): Promise<string> {
    const peer = this.#peer(peerId);
    const transport = peer.transport(request.transportId, 'send');
    peer.assertSourceFree(request.source, request.kind);
    const producer = await refuseInvalid('produce', () =>
      transport.produce({
        kind: request.kind,
        rtpParameters: request.rtpParameters as types.RtpParameters,
        paused: request.paused ?? false,
        appData: { peerId, source: request.source },
      }),
    );
    peer.addProducer(producer, request.source);
    if (producer.kind === 'audio') {
      await this.#speakerObserver
        .addProducer({ producerId: producer.id })
        .catch(() => producer.close());
    }
    return producer.id;
  }

  closeProducer(peerId: string, producerId: string): ProducerDescription {
    const peer = this.#peer(peerId);
    const described = this.#describe(peer.producer(producerId));
    peer.closeProducer(producerId);
    return described;
  }

  async pauseProducer(peerId: string, producerId: string): Promise<void> {
    await this.#peer(peerId).producer(producerId).pause();
  }

  async resumeProducer(peerId: string, producerId: string): Promise<void> {
    await this.#peer(peerId).producer(producerId).resume();
  }

  /** The peer's producer of `source`, if it has one. */
  producerOf(peerId: string, source: MediaSource): ProducerDescription | undefined {
    const producer = this.#peers.get(peerId)?.producerOfSource(source);
    return producer ? this.#describe(producer) : undefined;
  }

  /** Every producer, or only those of one group. */
  producers(group?: string): ProducerDescription[] {
    return [...this.#peers.values()]
      .filter((peer) => group === undefined || peer.group === group)
      .flatMap((peer) => peer.allProducers().map((producer) => this.#describe(producer)));
  }

  #describe(producer: types.Producer): ProducerDescription {
    return {
      producerId: producer.id,
      peerId: producer.appData.peerId as string,
      kind: producer.kind,
      source: producer.appData.source as MediaSource,
      paused: producer.paused,
    };
  }

  /**
   * A paused consumer of `producerId` on the peer's receive transport; the client resumes
   * it once its track is attached, so no keyframe is wasted before anyone can see it.
   */
  async consume(
    peerId: string,
    request: { producerId: string; rtpCapabilities: RtpCapabilities; transportId?: string },
  ): Promise<ConsumerParameters> {
    const peer = this.#peer(peerId);
    const owner = this.#ownerOf(request.producerId);
    // Another group's producer is as unknown as a made-up id: nothing to learn by replaying.
    if (!owner || owner.group !== peer.group)
      throw new SfuError('NOT_FOUND', 'no such producer in this meeting');
    const capabilities = request.rtpCapabilities as types.RtpCapabilities;
    if (!this.#router.canConsume({ producerId: request.producerId, rtpCapabilities: capabilities }))
      throw new SfuError('INVALID_PAYLOAD', 'these capabilities cannot receive that producer');
    const transport = request.transportId
      ? peer.transport(request.transportId, 'recv')
      : peer.recvTransport();
    const producer = owner.producer(request.producerId);
    const consumer = await refuseInvalid('consume', () =>
      transport.consume({
        producerId: request.producerId,
        rtpCapabilities: capabilities,
        paused: true,
        appData: { peerId, producerPeerId: owner.peerId },
      }),
    );
    peer.addConsumer(consumer);
    consumer.on('producerclose', () => {
      peer.forgetConsumer(consumer.id);
      this.#safeEmit('consumerclosed', { peerId, consumerId: consumer.id });
    });
    return {
      consumerId: consumer.id,
      producerId: producer.id,
      peerId: owner.peerId,
      kind: consumer.kind,
      source: producer.appData.source as MediaSource,
      rtpParameters: consumer.rtpParameters as RtpParameters,
    };
  }

  #ownerOf(producerId: string): MediaPeer | undefined {
    for (const peer of this.#peers.values()) if (peer.hasProducer(producerId)) return peer;
    return undefined;
  }

  /** What a peer receives: each consumer with whose producer it carries (tests, diagnostics). */
  consumersOf(
    peerId: string,
  ): Array<{ consumerId: string; producerPeerId: string; kind: MediaKind; paused: boolean }> {
    return (this.#peers.get(peerId)?.allConsumers() ?? []).map((consumer) => ({
      consumerId: consumer.id,
      producerPeerId: consumer.appData.producerPeerId as string,
      kind: consumer.kind,
      paused: consumer.paused,
    }));
  }

  async resumeConsumer(peerId: string, consumerId: string): Promise<void> {
    await this.#peer(peerId).consumer(consumerId).resume();
  }

  async setPreferredLayers(
    peerId: string,
    consumerId: string,
    layers: { spatialLayer: number; temporalLayer?: number | undefined },
  ): Promise<void> {
    const consumer = this.#peer(peerId).consumer(consumerId);
    if (consumer.type !== 'simulcast' && consumer.type !== 'svc') return;
    await consumer.setPreferredLayers({
      spatialLayer: layers.spatialLayer,
      ...(layers.temporalLayer === undefined ? {} : { temporalLayer: layers.temporalLayer }),
    });
  }

  /** Closes the peer's video consumers (audio-only mode); returns their ids. */
  closeVideoConsumers(peerId: string): string[] {
    return this.#peer(peerId).closeConsumers('video');
  }

  /** Closes the router and with it every transport, producer and consumer. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#peers.clear();
    this.#router.close();
    this.removeAllListeners();
  }
}
