// Haven's own SFU layer exactly as a meeting drives it: a one-worker WorkerPool, a
// MediaRoom (its router codecs and ActiveSpeakerObserver), a peer per transport, producers
// through room.produce, consumers created paused through room.consume, then resumed.
import { MediaRoom, type PoolLogger, WorkerPool } from '../../../sfu/index.ts';
import type { RtpParameters } from '../../../shared/meetings/live/media.ts';
import { OPUS_RTP_PARAMETERS, randomSrtpParameters, VP8_RTP_PARAMETERS } from './media-params.ts';
import { LOCALHOST, type SfuPath } from './sfu-path.ts';

const quietLogger: PoolLogger = {
  info() {},
  warn: (obj, msg) => console.warn(`[sfu] ${msg ?? ''}`, obj),
  error: (obj, msg) => console.error(`[sfu] ${msg ?? ''}`, obj),
};

export async function startHavenPath(workerBin: string): Promise<SfuPath> {
  const pool = await WorkerPool.create({ size: 1, workerBin, logger: quietLogger });
  try {
    const room = await MediaRoom.create(pool, 'bench-sfu');
    const workerPid = room.workerPid;
    if (workerPid === undefined) throw new Error('the room has no worker');
    const sender = 'bench-sender';
    room.addPeer(sender);
    const ingress = await room.createPlainTransport(sender, 'send', { comedia: true });
    const producerIds = [
      await room.produce(sender, {
        transportId: ingress.id,
        kind: 'audio',
        rtpParameters: OPUS_RTP_PARAMETERS as RtpParameters,
        source: 'mic',
      }),
      await room.produce(sender, {
        transportId: ingress.id,
        kind: 'video',
        rtpParameters: VP8_RTP_PARAMETERS as RtpParameters,
        source: 'camera',
      }),
    ];
    let transports = 0;
    return {
      name: 'haven',
      ingress: { ip: LOCALHOST, port: ingress.tuple.localPort },
      workerPid,
      consumersPerTransport: producerIds.length,
      get transports() {
        return transports;
      },
      async addTransports(count, portFor) {
        for (let n = 0; n < count; n++) {
          const peerId = `bench-receiver-${transports}`;
          room.addPeer(peerId);
          const transport = await room.createPlainTransport(peerId, 'recv', {
            comedia: false,
            enableSrtp: true,
          });
          await transport.connect({
            ip: LOCALHOST,
            port: portFor(transports),
            srtpParameters: randomSrtpParameters(),
          });
          for (const producerId of producerIds) {
            const { consumerId } = await room.consume(peerId, {
              producerId,
              rtpCapabilities: room.rtpCapabilities,
              transportId: transport.id,
            });
            await room.resumeConsumer(peerId, consumerId);
          }
          transports++;
        }
      },
      async close() {
        room.close();
        await pool.close();
      },
    };
  } catch (error) {
    await pool.close();
    throw error;
  }
}
