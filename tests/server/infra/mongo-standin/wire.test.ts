import { once } from 'node:events';
import { connect as netConnect, type Socket } from 'node:net';
import { deserialize, ObjectId, serialize } from 'bson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MongoStandin } from '../../../../server/infra/mongo-standin/index.ts';
import { makeTempDir, removeDir, startMongoStandin } from './helpers.ts';

/** Raw wire-protocol checks for paths the driver exercises only implicitly. */

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;
const MORE_TO_COME = 2;

let dir: string;
let standin: MongoStandin;
let socket: Socket;
let requestId = 1;
let pending = Buffer.alloc(0);

function header(length: number, opCode: number): Buffer {
  const h = Buffer.alloc(16);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(requestId++, 4);
  h.writeInt32LE(opCode, 12);
  return h;
}

function opMsg(body: object, sequences: [string, object[]][] = [], flags = 0): Buffer {
  const parts: Uint8Array[] = [Buffer.from([0]), serialize(body)];
  for (const [id, docs] of sequences) {
    const payload = Buffer.concat([Buffer.from(`${id}\0`), ...docs.map((d) => serialize(d))]);
    const size = Buffer.alloc(4);
    size.writeInt32LE(payload.length + 4, 0);
    parts.push(Buffer.from([1]), size, payload);
  }
  const flagBuf = Buffer.alloc(4);
  flagBuf.writeUInt32LE(flags, 0);
  const rest = Buffer.concat([flagBuf, ...parts]);
  return Buffer.concat([header(16 + rest.length, OP_MSG), rest]);
}

function opQuery(collection: string, query: object): Buffer {
  const rest = Buffer.concat([
    Buffer.alloc(4),
    Buffer.from(`${collection}\0`),
    Buffer.from([0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]), // numberToSkip 0, numberToReturn -1
    serialize(query),
  ]);
  return Buffer.concat([header(16 + rest.length, OP_QUERY), rest]);
}

async function readReply(): Promise<{
  opCode: number;
  responseTo: number;
  doc: Record<string, unknown>;
}> {
  while (pending.length < 4 || pending.length < pending.readInt32LE(0)) {
    const [chunk] = (await once(socket, 'data')) as [Buffer];
    pending = Buffer.concat([pending, chunk]);
  }
  const len = pending.readInt32LE(0);
  const msg = pending.subarray(0, len);
  pending = pending.subarray(len);
  const opCode = msg.readInt32LE(12);
  const docStart = opCode === OP_MSG ? 21 : 36;
  return { opCode, responseTo: msg.readInt32LE(8), doc: deserialize(msg.subarray(docStart)) };
}

beforeAll(async () => {
  dir = await makeTempDir('mongo-standin-wire');
  standin = await startMongoStandin({ dataDir: dir });
  socket = netConnect(standin.port, standin.host);
  await once(socket, 'connect');
});

afterAll(async () => {
  socket?.destroy();
  await standin?.close();
  await removeDir(dir);
});

describe('mongo stand-in wire protocol', () => {
  it('answers the legacy OP_QUERY handshake with an OP_REPLY', async () => {
    const id = requestId;
    const req = opQuery('admin.$cmd', {
      isMaster: 1,
      helloOk: true,
      client: {},
      compression: ['zstd'],
    });
    socket.write(req);
    const reply = await readReply();
    expect(reply.opCode).toBe(OP_REPLY);
    expect(reply.responseTo).toBe(id);
    expect(reply.doc).toMatchObject({ ok: 1, ismaster: true, helloOk: true, maxWireVersion: 21 });
    expect(reply.doc).not.toHaveProperty('compression');
  });

  it('reads document sequences (kind 1 sections) and assigns missing _ids', async () => {
    socket.write(
      opMsg({ insert: 'seq', $db: 'standin_wire' }, [['documents', [{ a: 1 }, { a: 2 }]]]),
    );
    expect((await readReply()).doc).toMatchObject({ n: 2, ok: 1 });
    socket.write(opMsg({ find: 'seq', filter: {}, sort: { a: 1 }, $db: 'standin_wire' }));
    const found = (await readReply()).doc as {
      cursor: { firstBatch: { _id: unknown; a: number }[] };
    };
    expect(found.cursor.firstBatch.map((d) => d.a)).toEqual([1, 2]);
    expect(found.cursor.firstBatch.every((d) => d._id instanceof ObjectId)).toBe(true);
  });

  it('does not answer moreToCome (w:0) requests but still applies them in order', async () => {
    socket.write(
      opMsg({ insert: 'quiet', $db: 'standin_wire' }, [['documents', [{ q: 1 }]]], MORE_TO_COME),
    );
    const id = requestId;
    socket.write(opMsg({ count: 'quiet', $db: 'standin_wire' }));
    const reply = await readReply();
    expect(reply.responseTo).toBe(id);
    expect(reply.doc).toMatchObject({ n: 1, ok: 1 });
  });

  it('reports errors in mongod shape', async () => {
    socket.write(opMsg({ getMore: 12345, collection: 'seq', $db: 'standin_wire' }));
    expect((await readReply()).doc).toEqual({
      ok: 0,
      errmsg: 'cursor id 12345 not found',
      code: 43,
      codeName: 'CursorNotFound',
    });
    socket.write(opMsg({ create: 'seq', $db: 'standin_wire' }));
    expect((await readReply()).doc).toMatchObject({ ok: 0, code: 48, codeName: 'NamespaceExists' });
  });
});
