#!/usr/bin/env node
// `npm run bench:join`: join time in Haven beside a bare mediasoup-client page (main.ts),
// run inside a loopback-only network namespace with its own Redis, so WebRTC stays on
// 127.0.0.1 (scripts/loopback-namespace.mjs).
import { inLoopbackNamespace } from '../../loopback-namespace.mjs';

inLoopbackNamespace({
  self: 'scripts/bench/join/run.mjs',
  label: 'bench:join',
  command: [process.execPath, ['--import', 'tsx', 'scripts/bench/join/main.ts']],
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`[bench:join] ${error?.message ?? error}`);
    process.exit(1);
  },
);
