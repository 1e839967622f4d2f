// Haven for bench:data, in its own process so the load generator's work never lands on
// Haven's event loop and the process's memory is Haven's alone. Started through the tests'
// own startTestHaven, so it follows whatever the tests wire (its MongoDB, Redis, a worker).
//
// Spoken to over Node's IPC channel (haven-process.ts), so nothing Haven or a process it
// starts prints can be taken for an answer: it greets with {url, mongoUri, dbName, pid};
// "gc" collects garbage; "record" starts recording the database calls mongoose makes,
// "recorded" answers with them (EJSON) and stops; when the channel closes, Haven closes.
import { EJSON } from 'bson';
import mongoose from 'mongoose';
import { startTestHaven } from '../../../tests/helpers/haven.ts';

const send = (value: unknown) => process.send?.(value);
if (!process.send) throw new Error('haven-child.ts runs under bench:data (an IPC channel)');

const haven = await startTestHaven();

/** Each call as EJSON at the moment it is made: the driver may add to its options later. */
let recording: string[] | null = null;
// Mongoose's debug hook sees every collection call with its filter and options, whichever
// queries the services choose, so the bare baseline can replay exactly Haven's database work.
mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
  recording?.push(EJSON.stringify({ collection, method, args }, { relaxed: false }));
});

send({
  url: haven.url,
  mongoUri: haven.mongo.uri,
  dbName: haven.mongo.connection.db?.databaseName ?? '',
  pid: process.pid,
});

process.on('message', (command) => {
  if (command === 'record') {
    recording = [];
    send({ ok: true });
  } else if (command === 'gc') {
    // Memory is read after a full collection, so it counts what Haven holds rather than
    // whatever garbage the last load left: comparable from run to run.
    (globalThis as { gc?: () => void }).gc?.();
    send({ ok: true });
  } else if (command === 'recorded') {
    send(`[${(recording ?? []).join(',')}]`);
    recording = null;
  } else send({ error: `unknown command ${String(command)}` });
});
process.once('disconnect', () => {
  haven.close().then(
    () => process.exit(0),
    (error) => {
      console.error(`[bench:data haven] close failed: ${(error as Error).message}`);
      process.exit(1);
    },
  );
});
