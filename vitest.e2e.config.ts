import { defineConfig } from 'vitest/config';

/**
 * Browser end-to-end tests of live meetings (`npm run test:e2e`, run by `npm test` after
 * the main suite). scripts/e2e.mjs runs this inside a loopback-only network namespace.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits for what another process (a second node, Redis, a browser) does:
    // 1 s, its default, was short on a loaded CI machine. A passing poll returns at once.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    // Three Chromium pages with media on two cores: one file at a time.
    maxWorkers: 1,
    fileParallelism: false,
    globalSetup: ['tests/global-setup.ts'],
  },
});
