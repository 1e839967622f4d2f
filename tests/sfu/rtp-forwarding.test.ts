import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../sfu/index.ts';
import { recordingLogger, within } from './helpers.ts';

const LOCALHOST = '127.0.0.1';
const PRODUCER_SSRC = 0x11223344;
const PRODUCER_PT = 111;
// A valid Opus TOC byte (CELT fullband 20 ms, stereo, one frame) and a recognisable body.
const PAYLOAD = Buffer.concat([Buffer.from([0xfc]), Buffer.from('haven-rtp-probe')]);

function rtpPacket(seq: number, timestamp: number): Buffer {
  const header = Buffer.alloc(12);
  header[0] = 0x80; // V=2, no padding, no extension, no CSRCs
  header[1] = PRODUCER_PT; // marker bit clear
  header.writeUInt16BE(seq & 0xffff, 2);
  header.writeUInt32BE(timestamp >>> 0, 4);
  header.writeUInt32BE(PRODUCER_SSRC, 8);
  return Buffer.concat([header, PAYLOAD]);
}

/** Parses RTP as forwarded by mediasoup, which may add header extensions and CSRCs. */
function parseRtp(buf: Buffer) {
  const first = buf[0] ?? 0;
  let offset = 12 + 4 * (first & 0x0f);
  if (first & 0x10) offset += 4 + 4 * buf.readUInt16BE(offset + 2);
  const end = first & 0x20 ? buf.length - (buf[buf.length - 1] ?? 0) : buf.length;
  return {
    version: first >> 6,
    payloadType: (buf[1] ?? 0) & 0x7f,
    ssrc: buf.readUInt32BE(8),
    payload: buf.subarray(offset, end),
  };
}

// With rtcp-mux, RTCP shares the port; its packet types 200-207 sit where RTP has M+PT.
const isRtcp = (buf: Buffer) => (buf[1] ?? 0) >= 192 && (buf[1] ?? 0) <= 223;

async function udpSocket(): Promise<Socket> {
  const socket = createSocket('udp4');
  socket.bind(0, LOCALHOST);
  await once(socket, 'listening');
  return socket;
}

describe('RTP through a router', () => {
  let pool: WorkerPool;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    pool = await WorkerPool.create({ size: 1, logger: recordingLogger().logger });
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await pool?.close();
  });

  it('forwards RTP from one PlainTransport to a consumer on another', async () => {
    const router = await pool.createRouter('rtp-test');

    // Ingress learns where we send from (comedia); egress sends to our receiving socket.
    const ingress = await router.createPlainTransport({
      listenIp: LOCALHOST,
      rtcpMux: true,
      comedia: true,
    });
    const producer = await ingress.produce({
      kind: 'audio',
      rtpParameters: {
        codecs: [
          { mimeType: 'audio/opus', payloadType: PRODUCER_PT, clockRate: 48_000, channels: 2 },
        ],
        encodings: [{ ssrc: PRODUCER_SSRC }],
      },
    });

    const receiver = await udpSocket();
    const sender = await udpSocket();
    sockets.push(receiver, sender);
    const egress = await router.createPlainTransport({
      listenIp: LOCALHOST,
      rtcpMux: true,
      comedia: false,
    });
    await egress.connect({ ip: LOCALHOST, port: receiver.address().port });
    const consumer = await egress.consume({
      producerId: producer.id,
      rtpCapabilities: router.rtpCapabilities,
    });
    const consumerSsrc = consumer.rtpParameters.encodings?.[0]?.ssrc;
    const consumerPt = consumer.rtpParameters.codecs[0]?.payloadType;
    expect(consumer.paused).toBe(false);
    expect(consumerSsrc).toBeTypeOf('number');
    // Otherwise a packet that merely looped back would pass the checks below.
    expect(consumerSsrc).not.toBe(PRODUCER_SSRC);

    const forwarded = new Promise<Buffer>((resolve) => {
      receiver.on('message', (msg) => {
        if (!isRtcp(msg)) resolve(msg);
      });
    });
    // Paced like a 20 ms audio stream until the first packet comes out the other side.
    let seq = 4000;
    const send = () =>
      sender.send(rtpPacket(seq, seq * 960), ingress.tuple.localPort, LOCALHOST, () => seq++);
    send();
    const pacer = setInterval(send, 20);
    let packet: Buffer;
    try {
      packet = await within('RTP forwarded to the consumer socket', forwarded);
    } finally {
      clearInterval(pacer);
    }

    const rtp = parseRtp(packet);
    expect(rtp.version).toBe(2);
    expect(rtp.ssrc).toBe(consumerSsrc);
    expect(rtp.payloadType).toBe(consumerPt);
    expect(rtp.payload.equals(PAYLOAD)).toBe(true);
    const [stats] = await producer.getStats();
    expect(stats?.packetCount).toBeGreaterThan(0);
  });
});
