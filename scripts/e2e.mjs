#!/usr/bin/env node
// `npm run test:e2e`: the browser end-to-end tests of live meetings (vitest.e2e.config.ts),
// run inside a loopback-only network namespace with their own Redis
// (scripts/loopback-namespace.mjs); the tests start the servers and Chromium themselves.
import { join } from 'node:path';
import { inLoopbackNamespace } from './loopback-namespace.mjs';

inLoopbackNamespace({
  self: 'scripts/e2e.mjs',
  label: 'e2e',
  command: [
    join(import.meta.dirname, '..', 'node_modules', '.bin', 'vitest'),
    ['run', '--config', 'vitest.e2e.config.ts'],
  ],
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`[e2e] ${error?.message ?? error}`);
    process.exit(1);
  },
);
