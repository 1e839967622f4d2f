import { Device } from 'mediasoup-client';
import type { Consumer, Producer, RtpEncodingParameters, Transport } from 'mediasoup-client/types';
import type { ProducerInfo } from '../../../../../shared/meetings/live/schemas.ts';
import type { ConsumerInfo } from './room-state.ts';
import type { Requester } from './signalling.ts';
import type { TrackRegistry } from './tracks.ts';

/**
 * The WebRTC half of being in a meeting: one mediasoup Device, one send and one receive
 * transport, this browser's producers (by source) and its consumers (by id). It owns what it
 * creates and closes it; local tracks belong to the MeetingClient and outlive a teardown, so
 * after a reconnect or a media restart the same microphone and camera are produced again.
 */

type Source = 'mic' | 'camera' | 'screen';

export interface MediaSessionEvents {
  consumerAdded: (info: ConsumerInfo) => void;
  consumerRemoved: (consumerId: string) => void;
  /** A transport's connection failed for good: the client rebuilds media. */
  transportFailed: () => void;
  /** The browser ended a track (screen sharing stopped from the browser's own bar). */
  trackEnded: (source: Source) => void;
}

/** Three simulcast layers, so each viewer receives only what their tile can show. */
const CAMERA_ENCODINGS: RtpEncodingParameters[] = [
  { scaleResolutionDownBy: 4, maxBitrate: 150_000, scalabilityMode: 'L1T3' },
  { scaleResolutionDownBy: 2, maxBitrate: 450_000, scalabilityMode: 'L1T3' },
  { scaleResolutionDownBy: 1, maxBitrate: 1_200_000, scalabilityMode: 'L1T3' },
];
const SCREEN_ENCODINGS: RtpEncodingParameters[] = [{ maxBitrate: 1_500_000 }];

export class MediaSession {
  readonly #request: Requester;
  readonly #tracks: TrackRegistry;
  readonly #events: MediaSessionEvents;
  #device: Device | null = null;
  #deviceCaps = '';
  #send: Transport | null = null;
  #recv: Transport | null = null;
  #producers = new Map<Source, Producer>();
  #consumers = new Map<string, Consumer>();
  #consumerOfProducer = new Map<string, string>();
  #layers = new Map<string, number>();
  /** Bumped by every teardown, so answers to an older set of transports are dropped. */
  #generation = 0;
  #ready: Promise<void> | null = null;

  constructor(request: Requester, tracks: TrackRegistry, events: MediaSessionEvents) {
    this.#request = request;
    this.#tracks = tracks;
    this.#events = events;
  }

  get started(): boolean {
    return this.#ready !== null;
  }

  /** Loads the Device (again, if the router changed) and builds both transports. */
  start(routerRtpCapabilities: unknown): Promise<void> {
    this.#ready = this.#build(routerRtpCapabilities);
    return this.#ready;
  }

  async #build(routerRtpCapabilities: unknown): Promise<void> {
    const generation = this.#generation;
    // The server makes both transports while this browser loads the Device: neither needs
    // the other, and loading takes tens of milliseconds (it builds a peer connection).
    const transports = Promise.all([
      this.#request('media:createTransport', { direction: 'send' }),
      this.#request('media:createTransport', { direction: 'recv' }),
    ]);
    const caps = JSON.stringify(routerRtpCapabilities);
    if (!this.#device || caps !== this.#deviceCaps) {
      const device = new Device();
      // A failed load must not leave the transports' rejection unhandled.
      await device
        .load({ routerRtpCapabilities: routerRtpCapabilities as never })
        .catch((error: unknown) => {
          transports.catch(() => undefined);
          throw error;
        });
      this.#device = device;
      this.#deviceCaps = caps;
    }
    const device = this.#device;
    const [send, recv] = await transports;
    if (generation !== this.#generation) throw new Error('media was torn down');
    this.#send = device.createSendTransport(send as never);
    this.#recv = device.createRecvTransport(recv as never);
    for (const transport of [this.#send, this.#recv]) this.#wire(transport, generation);
  }

  #wire(transport: Transport, generation: number): void {
    transport.on('connect', ({ dtlsParameters }, done, fail) => {
      this.#request('media:connectTransport', {
        transportId: transport.id,
        dtlsParameters: dtlsParameters as never,
      }).then(() => done(), fail);
    });
    transport.on('connectionstatechange', (state) => {
      if (state === 'failed' && generation === this.#generation) this.#events.transportFailed();
    });
    if (transport.direction !== 'send') return;
    transport.on('produce', ({ kind, rtpParameters, appData }, done, fail) => {
      const source = appData.source as Source;
      this.#request('media:produce', {
        transportId: transport.id,
        kind,
        rtpParameters: rtpParameters as never,
        source,
        paused: appData.paused === true,
      }).then(({ producerId }) => done({ id: producerId }), fail);
    });
  }

  /** Sends `track` as `source`; a paused microphone is ready to unmute without renegotiation. */
  async produce(source: Source, track: MediaStreamTrack, paused = false): Promise<string> {
    await this.#ready;
    const transport = this.#send;
    if (!transport) throw new Error('no send transport');
    const producer = await transport.produce({
      track,
      stopTracks: false,
      encodings:
        source === 'camera' ? CAMERA_ENCODINGS : source === 'screen' ? SCREEN_ENCODINGS : undefined,
      codecOptions: source === 'mic' ? { opusDtx: true, opusFec: true } : undefined,
      appData: { source, paused },
    });
    if (paused) producer.pause();
    producer.on('trackended', () => this.#events.trackEnded(source));
    this.#producers.set(source, producer);
    return producer.id;
  }

  producerId(source: Source): string | null {
    return this.#producers.get(source)?.id ?? null;
  }

  /** Pauses or resumes on the server first, so a refusal (FORBIDDEN) leaves things as they were. */
  async setPaused(source: Source, paused: boolean): Promise<void> {
    const producer = this.#producers.get(source);
    if (!producer) return;
    const producerId = producer.id;
    await this.#request(paused ? 'media:pauseProducer' : 'media:resumeProducer', { producerId });
    if (paused) producer.pause();
    else producer.resume();
  }

  /** Mirrors a pause the server already made (a facilitator muted this peer). */
  pauseLocally(source: Source): void {
    this.#producers.get(source)?.pause();
  }

  async closeProducer(source: Source): Promise<void> {
    const producer = this.#producers.get(source);
    if (!producer) return;
    this.#producers.delete(source);
    producer.close();
    await this.#request('media:closeProducer', { producerId: producer.id }).catch(() => undefined);
  }

  async consume(info: ProducerInfo): Promise<void> {
    await this.#ready;
    const generation = this.#generation;
    const device = this.#device;
    if (!device || !this.#recv || this.#consumerOfProducer.has(info.producerId)) return;
    this.#consumerOfProducer.set(info.producerId, '');
    try {
      const params = await this.#request('media:consume', {
        producerId: info.producerId,
        rtpCapabilities: device.rtpCapabilities as never,
      });
      if (generation !== this.#generation || !this.#recv) return;
      const consumer = await this.#recv.consume({
        id: params.consumerId,
        producerId: params.producerId,
        kind: params.kind,
        rtpParameters: params.rtpParameters as never,
      });
      this.#consumers.set(consumer.id, consumer);
      this.#consumerOfProducer.set(info.producerId, consumer.id);
      this.#tracks.set(consumer.id, consumer.track);
      this.#events.consumerAdded({
        consumerId: consumer.id,
        producerId: params.producerId,
        peerId: params.peerId,
        kind: params.kind,
        source: params.source,
      });
      // Created paused on the server, so no keyframe is lost before the track exists here.
      await this.#request('media:resumeConsumer', { consumerId: consumer.id });
    } catch (error) {
      if (this.#consumerOfProducer.get(info.producerId) === '')
        this.#consumerOfProducer.delete(info.producerId);
      throw error;
    }
  }

  hasConsumerFor(producerId: string): boolean {
    return this.#consumerOfProducer.has(producerId);
  }

  /** Local close, after the server closed it or its producer went away. */
  closeConsumer(consumerId: string): void {
    const consumer = this.#consumers.get(consumerId);
    if (!consumer) return;
    consumer.close();
    this.#consumers.delete(consumerId);
    this.#consumerOfProducer.delete(consumer.producerId);
    this.#layers.delete(consumerId);
    this.#tracks.set(consumerId, null);
    this.#events.consumerRemoved(consumerId);
  }

  closeConsumerOfProducer(producerId: string): void {
    const consumerId = this.#consumerOfProducer.get(producerId);
    if (consumerId) this.closeConsumer(consumerId);
  }

  videoConsumerIds(): string[] {
    return [...this.#consumers.values()].filter((c) => c.kind === 'video').map((c) => c.id);
  }

  /** Asks for the simulcast layer a tile needs, once per change. */
  setLayer(consumerId: string, spatialLayer: 0 | 1 | 2): void {
    if (!this.#consumers.has(consumerId) || this.#layers.get(consumerId) === spatialLayer) return;
    this.#layers.set(consumerId, spatialLayer);
    this.#request('media:setPreferredLayers', { consumerId, spatialLayer }).catch(() =>
      this.#layers.delete(consumerId),
    );
  }

  /** Closes transports, producers and consumers here; local tracks stay with their owner. */
  teardown(): void {
    this.#generation++;
    this.#ready = null;
    for (const consumerId of [...this.#consumers.keys()]) this.closeConsumer(consumerId);
    for (const producer of this.#producers.values()) producer.close();
    this.#producers.clear();
    this.#consumerOfProducer.clear();
    this.#send?.close();
    this.#recv?.close();
    this.#send = null;
    this.#recv = null;
  }
}
