// Haven for bench:data, in its own process so the load generator's work never lands on
// Haven's event loop and the process's memory is Haven's alone. Started through the tests'
// own startTestHaven, so it follows whatever the tests wire (its MongoDB, Redis, a worker).
//
// Spoken to in lines (scripts/bench/sfu/child-process.ts): it greets with one JSON line
// {url, mongoUri, dbName, pid}; "record" starts recording the database commands mongoose
// sends, "recorded" answers with them (EJSON) and stops; closing stdin closes Haven.
import { createInterface } from 'node:readline';
import { EJSON } from 'bson';
import mongoose from 'mongoose';
import { startTestHaven } from '../../../tests/helpers/haven.ts';

const haven = await startTestHaven();
const send = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

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

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line === 'record') {
    recording = [];
    send({ ok: true });
  } else if (line === 'recorded') {
    process.stdout.write(`[${(recording ?? []).join(',')}]\n`);
    recording = null;
  } else send({ error: `unknown command ${line}` });
});
lines.on('close', () => {
  haven.close().then(
    () => process.exit(0),
    (error) => {
      console.error(`[bench:data haven] close failed: ${(error as Error).message}`);
      process.exit(1);
    },
  );
});
