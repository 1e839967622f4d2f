// One Haven node for bench:chat, in a process of its own: two of them make the cluster, so
// neither node shares an event loop with the other or with the bench's 500 clients, and the
// fan-out to the second node really goes through Redis. Started through the tests' own
// startTestHaven (as bench:data's node), so it is wired as the tests wire Haven.
//
// The first node starts the MongoDB stand-in as always; the second is given the first's URI
// as MONGODB_URI and the same database name (BENCH_CHAT_DB), so both use one database, as
// `shareWith` does within one process. Both take the machine's Redis and one limits
// namespace (BENCH_CHAT_LIMITS), and a send limit raised for the bench's account.
//
// Spoken to over Node's IPC channel (../data/haven-process.ts): it greets with
// {url, mongoUri, dbName, redisUrl, pid}; "gc" collects garbage; when the channel closes,
// Haven closes.
import { startTestHaven } from '../../../tests/helpers/haven.ts';

const send = (value: unknown) => process.send?.(value);
if (!process.send) throw new Error('haven-child.ts runs under bench:chat (an IPC channel)');
const dbName = process.env.BENCH_CHAT_DB;
const limitsNamespace = process.env.BENCH_CHAT_LIMITS;
if (!dbName || !limitsNamespace) throw new Error('BENCH_CHAT_DB and BENCH_CHAT_LIMITS are needed');

const haven = await startTestHaven({
  dbName,
  limitsNamespace,
  // The bench's one account sends 100 lines a second; production's limit is 6 in 5 seconds.
  // Raised, not removed: the limit's Redis round trip stays in every send's path.
  chatSendLimit: 1_000_000,
});
// Without Redis, Haven falls back to one node in memory: the second node would never hear
// the first's lines, and the bench would measure loss that no cluster has.
if (haven.redis.backend === 'in-process' || !haven.redis.url) {
  await haven.close();
  throw new Error('bench:chat needs Redis (REDIS_URL or 127.0.0.1:6379)');
}

send({
  url: haven.url,
  mongoUri: haven.mongo.uri,
  dbName,
  redisUrl: haven.redis.url,
  pid: process.pid,
});

process.on('message', (command) => {
  if (command === 'gc') {
    (globalThis as { gc?: () => void }).gc?.();
    send({ ok: true });
  } else send({ error: `unknown command ${String(command)}` });
});
process.once('disconnect', () => {
  haven.close().then(
    () => process.exit(0),
    (error) => {
      console.error(`[bench:chat haven] close failed: ${(error as Error).message}`);
      process.exit(1);
    },
  );
});
