/**
 * Runs once before the suite. The bootstrap (scripts/haven.mjs test) has already
 * installed packages, built the mediasoup worker and the client, and exported
 * MEDIASOUP_WORKER_BIN; this only checks that it did, so a bare `npx vitest` says
 * what is missing instead of failing somewhere deep inside a test.
 */
export default function setup(): void {
  if (!process.env.MEDIASOUP_WORKER_BIN) {
    throw new Error(
      'MEDIASOUP_WORKER_BIN is not set: run the suite with `npm test`, which builds the worker first',
    );
  }
}
