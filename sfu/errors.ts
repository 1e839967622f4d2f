import type { ErrorCode } from '../shared/errors.ts';

/**
 * A refusal the SFU layer explains with one of Haven's error codes (unknown transport,
 * second camera, parameters mediasoup rejected), so the signalling layer can answer the
 * client with it. Anything else thrown from mediasoup is a bug, not the client's fault.
 */
export class SfuError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SfuError';
  }
}

/**
 * mediasoup checks parameters in Node before they reach the worker and throws TypeError
 * (or UnsupportedError) for what it cannot use; that is the client's mistake, so it is
 * INVALID_PAYLOAD. Everything else propagates.
 */
export async function refuseInvalid<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SfuError) throw error;
    const name = (error as Error)?.name;
    if (error instanceof TypeError || name === 'TypeError' || name === 'UnsupportedError') {
      throw new SfuError('INVALID_PAYLOAD', `${what}: ${(error as Error).message}`);
    }
    throw error;
  }
}
