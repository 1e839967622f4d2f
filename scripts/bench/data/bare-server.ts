// The bare baseline for the ping under load: a server with no Haven in it. node:http answers
// GET /list by running the database calls Haven made for the directory's default list
// (recorded, see bare.ts) through the mongodb driver and sending the last call's documents
// as JSON; a Socket.IO server beside it on the same event loop answers `session:ping`.
// So a Node process doing the same database work, with none of Haven's, shows what the
// ping loses on this machine when one event loop both serves lists and carries signalling.
//
// Spoken to over IPC: it answers its URL once listening; the first message is the recorded
// calls (EJSON), answered { ok: true }; it ends when the channel closes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EJSON } from 'bson';
import mongoose from 'mongoose';
import { Server } from 'socket.io';
import { parseRecorded, type RecordedCall, replayable } from './bare.ts';

const send = (value: unknown) => process.send?.(value);
if (!process.send) throw new Error('bare-server.ts runs under bench:data (an IPC channel)');
const [uri, dbName] = process.argv.slice(2);
if (!uri || !dbName) throw new Error('usage: bare-server.ts <mongodb uri> <database>');

const client = await mongoose.mongo.MongoClient.connect(uri);
const db = client.db(dbName);
let calls: RecordedCall[] = [];

async function list(): Promise<unknown> {
  let last: unknown = null;
  for (const call of calls) {
    const [a, b] = call.args as [Record<string, unknown>, Record<string, unknown>];
    const collection = db.collection(call.collection);
    if (call.method === 'find') last = await collection.find(a, b).toArray();
    else if (call.method === 'findOne') last = await collection.findOne(a, b);
    else throw new Error(`bare server replays find and findOne, not ${call.method}`);
  }
  return last;
}

const http = createServer((req, res) => {
  if (req.url !== '/list') {
    res.writeHead(404).end();
    return;
  }
  list().then(
    (docs) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(EJSON.stringify({ items: docs }, { relaxed: true }));
    },
    (error: Error) => res.writeHead(500).end(error.message),
  );
});
const io = new Server(http);
io.on('connection', (socket) => {
  socket.on('session:ping', (ack: (reply: unknown) => void) => ack({ ok: true }));
});
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
send({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` });

process.once('message', (line) => {
  calls = replayable(parseRecorded(String(line)));
  send({ ok: true });
});
process.once('disconnect', () => {
  io.close();
  client.close().finally(() => process.exit(0));
});
