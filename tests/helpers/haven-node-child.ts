// A second Haven node in a process of its own, for tests that kill a node (SIGKILL) and
// watch the rest of the cluster carry on. It joins the parent's cluster: the same MongoDB
// database and Redis prefix, given in HAVEN_NODE (JSON), and greets over IPC with its URL.
import { startTestHaven } from './haven.ts';

if (!process.send) throw new Error('haven-node-child.ts is started by a test (an IPC channel)');
const { mongoUri, dbName, limitsNamespace } = JSON.parse(process.env.HAVEN_NODE ?? '{}') as {
  mongoUri: string;
  dbName: string;
  limitsNamespace: string;
};
const haven = await startTestHaven({ mongo: { uri: mongoUri, dbName }, limitsNamespace });
process.send({ url: haven.url, pid: process.pid });
process.once('disconnect', () => {
  haven.close().finally(() => process.exit(0));
});
