import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Live-meeting browser tests run in a loopback-only network namespace: npm run test:e2e.
    exclude: ['tests/e2e/**', '**/node_modules/**'],
    // Integration tests start real servers (Redis, MongoDB stand-in, mediasoup workers);
    // they are not micro-benchmarks, so give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for what another process (a second node, Redis, a browser) does:
    // 1 s, its default, was short on a loaded CI machine. A passing poll returns at once.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    // Two cores: running every file at once makes the real-server tests starve each other.
    maxWorkers: 2,
    // Files in one worker share its loaded modules instead of importing the whole server
    // afresh for each (that was a third of the suite's time). Every file still starts its
    // own Havens, Redis namespaces and databases, and restores any global it stubs.
    isolate: false,
    globalSetup: ['tests/global-setup.ts'],
  },
});
