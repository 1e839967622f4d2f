import type { types } from 'mediasoup';
import type { MediaKind, MediaSource } from '../shared/meetings/live/media.ts';
import { SfuError } from './errors.ts';

type Direction = 'send' | 'recv';
type AnyTransport = types.WebRtcTransport | types.PlainTransport;

/** What kind each source must be: a camera never sends audio, a microphone never video. */
const KIND_OF_SOURCE: Record<MediaSource, MediaKind> = {
  mic: 'audio',
  camera: 'video',
  screen: 'video',
};

/**
 * One peer's media inside a MediaRoom: at most one send and one receive transport, at most
 * one producer per source. Lookups only find the peer's own objects, so a peer that replays
 * another's transport, producer or consumer id gets NOT_FOUND and touches nothing.
 */
export class MediaPeer {
  readonly peerId: string;
  /** Its group in the room (a breakout room): media flows only inside a group. */
  group = '';
  readonly #transports = new Map<string, { transport: AnyTransport; direction: Direction }>();
  readonly #producers = new Map<string, { producer: types.Producer; source: MediaSource }>();
  readonly #consumers = new Map<string, types.Consumer>();

  constructor(peerId: string) {
    this.peerId = peerId;
  }

  assertMayOpenTransport(direction: Direction): void {
    for (const entry of this.#transports.values()) {
      if (entry.direction === direction && !entry.transport.closed)
        throw new SfuError('CONFLICT', `a ${direction} transport is already open`);
    }
  }

  addTransport(transport: AnyTransport, direction: Direction): void {
    this.#transports.set(transport.id, { transport, direction });
    // The union of transport classes has no callable `observer.once`; the base class does.
    (transport as types.Transport).observer.once('close', () =>
      this.#transports.delete(transport.id),
    );
  }

  transport(transportId: string, direction?: Direction): AnyTransport {
    const entry = this.#transports.get(transportId);
    if (!entry || (direction && entry.direction !== direction))
      throw new SfuError('NOT_FOUND', 'no such transport');
    return entry.transport;
  }

  recvTransport(): AnyTransport {
    for (const entry of this.#transports.values())
      if (entry.direction === 'recv') return entry.transport;
    throw new SfuError('NOT_FOUND', 'create a receive transport first');
  }

  assertSourceFree(source: MediaSource, kind: MediaKind): void {
    if (KIND_OF_SOURCE[source] !== kind)
      throw new SfuError('INVALID_PAYLOAD', `a ${source} sends ${KIND_OF_SOURCE[source]}`);
    if (this.producerOfSource(source))
      throw new SfuError('CONFLICT', `this peer already sends a ${source}`);
  }

  addProducer(producer: types.Producer, source: MediaSource): void {
    this.#producers.set(producer.id, { producer, source });
    producer.observer.once('close', () => this.#producers.delete(producer.id));
  }

  hasProducer(producerId: string): boolean {
    return this.#producers.has(producerId);
  }

  producer(producerId: string): types.Producer {
    const entry = this.#producers.get(producerId);
    if (!entry) throw new SfuError('NOT_FOUND', 'no such producer');
    return entry.producer;
  }

  producerOfSource(source: MediaSource): types.Producer | undefined {
    for (const entry of this.#producers.values())
      if (entry.source === source && !entry.producer.closed) return entry.producer;
    return undefined;
  }

  allProducers(): types.Producer[] {
    return [...this.#producers.values()].map((entry) => entry.producer);
  }

  closeProducer(producerId: string): void {
    this.producer(producerId).close();
    this.#producers.delete(producerId);
  }

  addConsumer(consumer: types.Consumer): void {
    this.#consumers.set(consumer.id, consumer);
    consumer.observer.once('close', () => this.#consumers.delete(consumer.id));
  }

  consumer(consumerId: string): types.Consumer {
    const consumer = this.#consumers.get(consumerId);
    if (!consumer) throw new SfuError('NOT_FOUND', 'no such consumer');
    return consumer;
  }

  allConsumers(): types.Consumer[] {
    return [...this.#consumers.values()];
  }

  forgetConsumer(consumerId: string): void {
    this.#consumers.delete(consumerId);
  }

  closeConsumers(kind: MediaKind): string[] {
    return this.closeConsumersWhere((consumer) => consumer.kind === kind);
  }

  closeConsumersWhere(shouldClose: (consumer: types.Consumer) => boolean): string[] {
    const closed: string[] = [];
    for (const consumer of [...this.#consumers.values()]) {
      if (!shouldClose(consumer)) continue;
      consumer.close();
      this.#consumers.delete(consumer.id);
      closed.push(consumer.id);
    }
    return closed;
  }

  /** The router died: everything under it is gone, only the peer remains. */
  resetMedia(): void {
    this.#transports.clear();
    this.#producers.clear();
    this.#consumers.clear();
  }

  /** Closing a transport closes its producers and consumers (mediasoup's ownership tree). */
  close(): void {
    for (const { transport } of this.#transports.values()) transport.close();
    this.resetMedia();
  }
}
