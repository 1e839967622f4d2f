import { FakeMediaStreamTrack } from 'fake-mediastreamtrack';
import { Device, type types } from 'mediasoup-client';
import * as fakeParameters from 'mediasoup-client/fakeParameters';
import { FakeHandler } from 'mediasoup-client/handlers/FakeHandler';
import type { RtpCapabilities, TransportOptions } from '../../../../shared/meetings/live/media.ts';
import { type MeetingClientSocket, must } from './helpers.ts';

/**
 * A meeting peer that does the real signalling with mediasoup-client's own Device, on its
 * fake handler (no browser, no packets): transports, DTLS and RTP parameters are produced
 * by mediasoup-client exactly as a browser's would be shaped, and the real server and
 * worker accept or refuse them.
 */
export class FakePeer {
  readonly socket: MeetingClientSocket;
  readonly device: Device;
  send: types.Transport | undefined;
  recv: types.Transport | undefined;
  /** What the server answered to media:createTransport (send, then receive). */
  transportOptions: TransportOptions[] = [];

  private constructor(socket: MeetingClientSocket) {
    this.socket = socket;
    this.device = new Device({ handlerFactory: FakeHandler.createFactory(fakeParameters) });
  }

  static async connect(
    socket: MeetingClientSocket,
    routerRtpCapabilities: RtpCapabilities,
  ): Promise<FakePeer> {
    const peer = new FakePeer(socket);
    await peer.device.load({
      routerRtpCapabilities: routerRtpCapabilities as types.RtpCapabilities,
    });
    await peer.openTransports();
    return peer;
  }

  async openTransports(): Promise<void> {
    const socket = this.socket;
    const sendOptions = await must(socket, 'media:createTransport', { direction: 'send' });
    this.transportOptions.push(sendOptions);
    this.send = this.device.createSendTransport(sendOptions as types.TransportOptions);
    this.send.on('connect', ({ dtlsParameters }, done, fail) => {
      must(socket, 'media:connectTransport', {
        transportId: sendOptions.id,
        dtlsParameters: dtlsParameters as never,
      }).then(() => done(), fail);
    });
    this.send.on('produce', ({ kind, rtpParameters, appData }, done, fail) => {
      must(socket, 'media:produce', {
        transportId: sendOptions.id,
        kind,
        rtpParameters: rtpParameters as never,
        source: appData.source as 'mic' | 'camera' | 'screen',
        paused: appData.paused === true,
      }).then(({ producerId }) => done({ id: producerId }), fail);
    });
    const recvOptions = await must(socket, 'media:createTransport', { direction: 'recv' });
    this.transportOptions.push(recvOptions);
    this.recv = this.device.createRecvTransport(recvOptions as types.TransportOptions);
    this.recv.on('connect', ({ dtlsParameters }, done, fail) => {
      must(socket, 'media:connectTransport', {
        transportId: recvOptions.id,
        dtlsParameters: dtlsParameters as never,
      }).then(() => done(), fail);
    });
  }

  /** Produces a fake track of `source`; resolves with the server's producer id. */
  async produce(source: 'mic' | 'camera' | 'screen', paused = false): Promise<string> {
    if (!this.send) throw new Error('no send transport');
    const kind = source === 'mic' ? 'audio' : 'video';
    const producer = await this.send.produce({
      track: new FakeMediaStreamTrack({ kind }) as unknown as MediaStreamTrack,
      appData: { source, paused },
      ...(kind === 'video'
        ? { encodings: [{ maxBitrate: 100_000 }, { maxBitrate: 300_000 }, { maxBitrate: 900_000 }] }
        : {}),
    });
    return producer.id;
  }

  /** Consumes a producer as the client does: consume (paused), attach, resume. */
  async consume(producerId: string) {
    if (!this.recv) throw new Error('no recv transport');
    const params = await must(this.socket, 'media:consume', {
      producerId,
      rtpCapabilities: this.device.rtpCapabilities as never,
    });
    const consumer = await this.recv.consume({
      id: params.consumerId,
      producerId: params.producerId,
      kind: params.kind,
      rtpParameters: params.rtpParameters as types.RtpParameters,
    });
    await must(this.socket, 'media:resumeConsumer', { consumerId: params.consumerId });
    return { params, consumer };
  }

  close(): void {
    this.send?.close();
    this.recv?.close();
  }
}
