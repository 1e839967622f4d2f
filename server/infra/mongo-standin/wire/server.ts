import { createServer, type Server, type Socket } from 'node:net';
import type { StandinLogger } from '../types.ts';
import { MAX_MESSAGE_BYTES } from './codec.ts';

/** Resolves once the socket's write buffer has emptied, or the socket is gone. */
function drained(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

export interface ConnectionInfo {
  id: number;
  remote: string;
}

/** Handles one complete message; resolves with the reply bytes, or null when none is due. */
export type MessageHandler = (msg: Buffer, conn: ConnectionInfo) => Promise<Buffer | null>;

/**
 * TCP front end: splits the byte stream into length-prefixed messages and processes each
 * connection's messages strictly in order (the driver never pipelines on one connection,
 * except fire-and-forget writes, which must still apply in order).
 */
export class WireServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly inFlight = new Set<Promise<void>>();
  private nextConnId = 1;
  private readonly handler: MessageHandler;
  private readonly logger: StandinLogger;

  constructor(handler: MessageHandler, logger: StandinLogger) {
    this.handler = handler;
    this.logger = logger;
    this.server = createServer((socket) => this.accept(socket));
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const addr = this.server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : port);
      });
    });
  }

  /** Stops accepting, drops connections and waits for commands already executing to finish. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await Promise.allSettled(Array.from(this.inFlight));
    await closed;
  }

  private accept(socket: Socket): void {
    const conn: ConnectionInfo = {
      id: this.nextConnId++,
      remote: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? 0}`,
    };
    this.sockets.add(socket);
    socket.setNoDelay(true);
    let buffered: Buffer[] = [];
    let bufferedBytes = 0;
    const queue: Buffer[] = [];
    let draining = false;

    const drain = async (): Promise<void> => {
      draining = true;
      while (queue.length > 0 && !socket.destroyed) {
        const msg = queue.shift() as Buffer;
        const reply = await this.handler(msg, conn);
        if (reply && !socket.destroyed && !socket.write(reply)) {
          // The client is not reading its replies: stop reading and running its requests until
          // it does, so one slow reader cannot make the stand-in buffer replies without bound.
          socket.pause();
          await drained(socket);
          if (!socket.destroyed) socket.resume();
        }
      }
      draining = false;
    };

    socket.on('data', (chunk: Buffer) => {
      buffered.push(chunk);
      bufferedBytes += chunk.length;
      let all =
        buffered.length === 1 ? (buffered[0] as Buffer) : Buffer.concat(buffered, bufferedBytes);
      while (all.length >= 4) {
        const len = all.readInt32LE(0);
        if (len < 16 || len > MAX_MESSAGE_BYTES) {
          this.logger.warn(
            { conn: conn.id, len },
            'mongo stand-in: invalid message length, closing connection',
          );
          socket.destroy();
          return;
        }
        if (all.length < len) break;
        queue.push(all.subarray(0, len));
        all = all.subarray(len);
      }
      buffered = all.length ? [all] : [];
      bufferedBytes = all.length;
      if (!draining && queue.length > 0) {
        const p = drain().catch((err: unknown) => {
          this.logger.error(
            { conn: conn.id, err: (err as Error).name },
            'mongo stand-in: connection failed',
          );
          socket.destroy();
        });
        this.inFlight.add(p);
        void p.finally(() => this.inFlight.delete(p));
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }
}
