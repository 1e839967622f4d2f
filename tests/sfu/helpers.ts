import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { PoolLogger } from '../../sfu/index.ts';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

/** Keeps what the pool logs, so tests stay quiet and can check what was (not) logged. */
export function recordingLogger(): { logger: PoolLogger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (obj: object, msg?: string): void => {
      lines.push({ level, obj, msg });
    };
  return { logger: { info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

export { isProcessAlive } from '../helpers/processes.ts';

/**
 * Polls for a condition that no event announces (mediasoup hides its child process, so
 * nothing tells when a closed worker has actually exited); bounded, never a fixed sleep.
 */
export async function waitUntil(what: string, check: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Rejects with a readable message instead of running into the test's own timeout. */
export function within<T>(what: string, promise: Promise<T>, timeoutMs = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)),
      timeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Can something listen on `port` of 127.0.0.1 right now, over `kind`? */
async function listenable(kind: 'tcp' | 'udp', port: number): Promise<boolean> {
  const socket = kind === 'tcp' ? createServer() : createSocket('udp4');
  const outcome = Promise.race([
    once(socket, 'listening').then(() => true),
    once(socket, 'error').then(() => false),
  ]);
  if ('listen' in socket) socket.listen(port, '127.0.0.1');
  else socket.bind(port, '127.0.0.1');
  const ok = await outcome;
  if (ok) await new Promise<void>((resolve) => socket.close(() => resolve()));
  return ok;
}

/**
 * A port that a WebRtcServer can open now, over both UDP and TCP. Below Linux's ephemeral
 * range (32768 and up), so no outgoing connection of a test running beside it holds it;
 * checked anyway, as other tests' transports take ports from mediasoup's wider default range.
 */
export async function freeRtcPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if ((await listenable('udp', port)) && (await listenable('tcp', port))) return port;
  }
  throw new Error('no free port for a WebRtcServer in 20000-29999');
}
