// Types for tests/scripts/test-stages.test.ts; test-stages.mjs stays plain JavaScript.
export interface Runtime {
  bin: string;
  version: string;
  origin: string;
  /** false: this Node's run leaves out the browser tests (default true). */
  browsers?: boolean;
}
export interface Stage {
  name: string;
  cmd: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}
export declare function testStages(options: {
  root: string;
  extra: string[];
  runtimes: Runtime[];
  env?: NodeJS.ProcessEnv;
}): Stage[];
export declare function runInherited(
  cmd: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<number>;
export declare function runStages(
  stages: Stage[],
  options: { cwd: string; log?: (line: string) => void },
): Promise<number>;
