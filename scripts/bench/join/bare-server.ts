// The reference server: bare mediasoup (one worker, one router with Haven's codec list,
// WebRtcTransports on 127.0.0.1) and a minimal Socket.IO signalling channel, serving the
// page that Vite built into the folder given as the first argument. Prints "READY <port>".
// Run as its own process (node --import tsx), so its event loop is its own.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { types } from 'mediasoup';
import * as mediasoup from 'mediasoup';
import { Server } from 'socket.io';
import { DEFAULT_MEDIA_CODECS } from '../../../sfu/media-codecs.ts';

const staticDir = process.argv[2];
if (!staticDir) throw new Error('usage: bare-server.ts <built page folder>');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

const worker = await mediasoup.createWorker({ logLevel: 'warn' });
const router = await worker.createRouter({ mediaCodecs: structuredClone(DEFAULT_MEDIA_CODECS) });
const producers = new Map<string, types.Producer>();

const http = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const file = normalize(path === '/' ? '/bare-page.html' : path);
  try {
    const body = await readFile(join(staticDir, file));
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
const io = new Server(http, { transports: ['websocket'] });

type Reply = (answer: unknown) => void;
// biome-ignore lint/suspicious/noExplicitAny: the bare page's payloads are trusted test data
type Handler = (data: any) => Promise<unknown> | unknown;

io.on('connection', (socket) => {
  const transports = new Map<string, types.WebRtcTransport>();
  const consumers = new Map<string, types.Consumer>();
  const transportOf = (id: string) => {
    const transport = transports.get(id);
    if (!transport) throw new Error(`no transport ${id}`);
    return transport;
  };
  const on = (event: string, handler: Handler) =>
    socket.on(event, async (data: unknown, reply: Reply) => {
      try {
        reply((await handler(data)) ?? {});
      } catch (error) {
        reply({ error: (error as Error).message });
      }
    });

  on('caps', () => router.rtpCapabilities);
  on('createTransport', async () => {
    const transport = await router.createWebRtcTransport({
      listenIps: [{ ip: '127.0.0.1' }],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: 1_000_000,
    });
    transports.set(transport.id, transport);
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
    };
  });
  on('connectTransport', async ({ transportId, dtlsParameters }) => {
    await transportOf(transportId).connect({ dtlsParameters });
  });
  on('produce', async ({ transportId, kind, rtpParameters }) => {
    const producer = await transportOf(transportId).produce({ kind, rtpParameters });
    producers.set(kind, producer);
    return { id: producer.id };
  });
  on('consume', async ({ transportId, rtpCapabilities, kind }) => {
    const producer = producers.get(kind);
    if (!producer || producer.closed) throw new Error('nobody is producing');
    if (!router.canConsume({ producerId: producer.id, rtpCapabilities }))
      throw new Error('cannot consume');
    const consumer = await transportOf(transportId).consume({
      producerId: producer.id,
      rtpCapabilities,
      paused: true,
    });
    consumers.set(consumer.id, consumer);
    return {
      id: consumer.id,
      producerId: producer.id,
      kind: consumer.kind,
      rtpParameters: consumer.rtpParameters,
    };
  });
  on('resume', async ({ consumerId }) => {
    await consumers.get(consumerId)?.resume();
  });
  socket.on('disconnect', () => {
    for (const transport of transports.values()) transport.close();
  });
});

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  if (address && typeof address === 'object') console.log(`READY ${address.port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    worker.close();
    process.exit(0);
  });
