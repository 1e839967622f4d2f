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
