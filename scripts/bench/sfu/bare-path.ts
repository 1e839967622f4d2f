// The reference: bare mediasoup calls only, no Haven code (the codec list is data).
import type { types } from 'mediasoup';
import { DEFAULT_MEDIA_CODECS } from '../../../sfu/media-codecs.ts';
import { OPUS_RTP_PARAMETERS, randomSrtpParameters, VP8_RTP_PARAMETERS } from './media-params.ts';
import { LOCALHOST, type SfuPath } from './sfu-path.ts';

export async function startBarePath(workerBin: string): Promise<SfuPath> {
  // mediasoup 3.12 reads MEDIASOUP_WORKER_BIN when its Worker module is first evaluated.
  process.env.MEDIASOUP_WORKER_BIN = workerBin;
  const mediasoup = await import('mediasoup');
  if (mediasoup.workerBin !== workerBin)
    throw new Error(`mediasoup was loaded with another worker binary: ${mediasoup.workerBin}`);
  const worker = await mediasoup.createWorker({ logLevel: 'warn' });
  try {
    const router = await worker.createRouter({
      mediaCodecs: structuredClone(DEFAULT_MEDIA_CODECS),
    });
    const ingress = await router.createPlainTransport({
      listenIp: { ip: LOCALHOST },
      rtcpMux: true,
      comedia: true,
    });
    const producers = [
      await ingress.produce({
        kind: 'audio',
        rtpParameters: OPUS_RTP_PARAMETERS as types.RtpParameters,
      }),
      await ingress.produce({
        kind: 'video',
        rtpParameters: VP8_RTP_PARAMETERS as types.RtpParameters,
      }),
    ];
    let transports = 0;
    return {
      name: 'bare',
      ingress: { ip: LOCALHOST, port: ingress.tuple.localPort },
      workerPid: worker.pid,
      consumersPerTransport: producers.length,
      get transports() {
        return transports;
      },
      async addTransports(count, portFor) {
        for (let n = 0; n < count; n++) {
          const transport = await router.createPlainTransport({
            listenIp: { ip: LOCALHOST },
            rtcpMux: true,
            comedia: false,
            enableSrtp: true,
          });
          await transport.connect({
            ip: LOCALHOST,
            port: portFor(transports),
            srtpParameters: randomSrtpParameters(),
          });
          for (const producer of producers) {
            await transport.consume({
              producerId: producer.id,
              rtpCapabilities: router.rtpCapabilities,
            });
          }
          transports++;
        }
      },
      async close() {
        worker.close();
      },
    };
  } catch (error) {
    worker.close();
    throw error;
  }
}
