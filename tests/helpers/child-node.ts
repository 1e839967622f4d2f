import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { TestHaven } from './haven.ts';

const CHILD = fileURLToPath(new URL('./haven-node-child.ts', import.meta.url));

export interface ChildNode {
  url: string;
  process: ChildProcess;
  /** As a crash: no goodbye to Redis, its sockets or anyone. */
  kill(): Promise<void>;
}

/** A node of `parent`'s cluster in its own process (same MongoDB database, Redis prefix). */
export async function startChildNode(parent: TestHaven): Promise<ChildNode> {
  const child = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      HAVEN_NODE: JSON.stringify({
        mongoUri: parent.mongo.uri,
        dbName: parent.mongo.connection.db?.databaseName,
        limitsNamespace: parent.limitsNamespace,
      }),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const [greeting] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`the child node exited with ${code} before it was ready`);
    }),
  ])) as [{ url: string }];
  return {
    url: greeting.url,
    process: child,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
  };
}
