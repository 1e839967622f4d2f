import type { Socket as NetSocket } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { inOneWrite } from '../../../server/infra/one-write.ts';
import { clientId, groupWith, must, oneNode, openChatSocket } from '../chat/helpers.ts';

type Writes = NetSocket & {
  _write(chunk: unknown, encoding: string, cb: () => void): void;
  _writev(chunks: Array<{ chunk: unknown }>, cb: () => void): void;
};

/** What goes down a client's socket, one string per write. */
function watchWrites(redis: Redis): string[] {
  const stream = redis.stream as Writes;
  const writes: string[] = [];
  const write = stream._write.bind(stream);
  const writev = stream._writev.bind(stream);
  stream._write = (chunk, encoding, cb) => {
    writes.push(String(chunk));
    write(chunk, encoding, cb);
  };
  stream._writev = (chunks, cb) => {
    writes.push(chunks.map((c) => String(c.chunk)).join(''));
    writev(chunks, cb);
  };
  return writes;
}

describe('Redis commands sent in one write', () => {
  const clients: Redis[] = [];
  const open = async () => {
    const redis = new Redis('redis://127.0.0.1:6379');
    clients.push(redis);
    await redis.ping();
    return redis;
  };
  afterAll(() => {
    for (const c of clients) c.disconnect();
  });

  it('sends what it issues in one write, and each command gets its own reply', async () => {
    const redis = await open();
    const key = `one-write-test:${process.pid}`;
    await redis.set(key, 'v');
    const writes = watchWrites(redis);
    const replies = inOneWrite(redis, () =>
      Promise.all([redis.get(key), redis.exists(key), redis.set(`${key}:b`, '2', 'EX', 10)]),
    );
    expect(await replies).toEqual(['v', 1, 'OK']);
    expect(writes).toHaveLength(1);
    // Without it, the same three are three writes.
    await Promise.all([redis.get(key), redis.exists(key), redis.get(`${key}:b`)]);
    expect(writes).toHaveLength(4);
    await redis.del(key, `${key}:b`);
  });

  it('leaves commands to ioredis’s own queue while it is not connected', async () => {
    const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
    clients.push(redis);
    const reply = inOneWrite(redis, () => redis.ping());
    expect(await reply).toBe('PONG');
  });
});

describe('a chat line’s checks in Redis', () => {
  const node = oneNode({ chatSendLimit: 1000 });

  it('go in one write: the limit, the first-attempt claim and the marks', async () => {
    const { groupId, founder } = await groupWith(node.a, ['Ana']);
    const socket = await openChatSocket(node.a, founder.client);
    const redis = node.a.redis.client as Redis;
    const writes = watchWrites(redis);
    const id = clientId();
    await must(socket, 'chat:send', { groupId, clientId: id, text: 'Hello all' });
    const withClaim = writes.filter((w) => w.includes(`chat-claim:`) && w.includes(id));
    expect(withClaim).toHaveLength(1);
    const [write] = withClaim as [string];
    expect(write).toMatch(/evalsha/i);
    expect(write).toMatch(/mget/i);
  });
});
