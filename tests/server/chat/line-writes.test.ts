import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { insertEach, LineWrites, type WriteMany } from '../../../server/chat/line-writes.ts';
import { clientId, groupWith, must, oneNode, openChatSocket, recordEvents } from './helpers.ts';

/** A LineWrites on a clock the test moves; each insert waits until the test settles it. */
function recorder() {
  const inserts: string[][] = [];
  const settle: Array<(outcomes: Array<Error | null>) => void> = [];
  const fail: Array<(error: Error) => void> = [];
  let t = 1_000;
  const writeMany: WriteMany<string> = (docs) => {
    inserts.push([...docs]);
    return new Promise((resolve, reject) => {
      settle.push(resolve);
      fail.push(reject);
    });
  };
  const writes = new LineWrites(writeMany, () => t);
  return { inserts, settle, fail, writes, at: (ms: number) => (t = ms) };
}

/** How each write came out, as it settles. */
const outcome = (p: Promise<void>) =>
  p.then(
    () => 'stored',
    (error: Error & { code?: number }) => `refused ${error.code ?? error.message}`,
  );

describe('chat lines written together when they come close together', () => {
  it('writes a line after a quiet spell at once, alone', async () => {
    const { inserts, settle, writes } = recorder();
    const stored = outcome(writes.write('line 1'));
    expect(inserts).toEqual([['line 1']]);
    settle[0]?.([null]);
    expect(await stored).toBe('stored');
  });

  it('holds lines close behind another for company, and writes them in one insert', async () => {
    const { inserts, settle, writes, at } = recorder();
    writes.write('line 1');
    settle[0]?.([null]);
    at(1_010);
    const second = outcome(writes.write('line 2'));
    at(1_015);
    const third = outcome(writes.write('line 3'));
    expect(inserts).toEqual([['line 1']]);
    await expect.poll(() => inserts.length, { interval: 5, timeout: 1_000 }).toBe(2);
    expect(inserts[1]).toEqual(['line 2', 'line 3']);
    settle[1]?.([null, null]);
    expect([await second, await third]).toEqual(['stored', 'stored']);
  });

  it('holds a line 50 ms behind another too: 20 lines a second go in pairs or more', async () => {
    const { inserts, settle, writes, at } = recorder();
    const first = outcome(writes.write('line 1'));
    settle[0]?.([null]);
    expect(await first).toBe('stored');
    // The insert's own bookkeeping ends in the microtasks after its lines settle.
    await new Promise(setImmediate);
    at(1_050);
    const second = outcome(writes.write('line 2'));
    expect(inserts).toEqual([['line 1']]);
    at(1_100);
    const third = outcome(writes.write('line 3'));
    await expect.poll(() => inserts.length, { interval: 5, timeout: 1_000 }).toBe(2);
    expect(inserts[1]).toEqual(['line 2', 'line 3']);
    settle[1]?.([null, null]);
    expect([await second, await third]).toEqual(['stored', 'stored']);
    // A tenth of a second of quiet after the last line, and the next goes alone, at once.
    at(1_200);
    writes.write('line 4');
    expect(inserts[2]).toEqual(['line 4']);
  });

  it('sends what comes while an insert is on its way together, as soon as it is done', async () => {
    const { inserts, settle, writes, at } = recorder();
    const first = outcome(writes.write('line 1'));
    // Quiet spells each, but the first insert has not answered: they wait for it.
    at(2_000);
    writes.write('line 2');
    at(3_000);
    writes.write('line 3');
    expect(inserts).toEqual([['line 1']]);
    settle[0]?.([null]);
    expect(await first).toBe('stored');
    await expect.poll(() => inserts.length, { interval: 5, timeout: 1_000 }).toBe(2);
    expect(inserts[1]).toEqual(['line 2', 'line 3']);
  });

  it('gives each line its own outcome, and fails a whole insert only when nothing is known', async () => {
    const { inserts, settle, fail, writes, at } = recorder();
    writes.write('line 1');
    at(1_010);
    const a = outcome(writes.write('a'));
    const b = outcome(writes.write('b'));
    const c = outcome(writes.write('c'));
    settle[0]?.([null]);
    await expect.poll(() => inserts.length, { interval: 5, timeout: 1_000 }).toBe(2);
    settle[1]?.([null, Object.assign(new Error('dup'), { code: 11000 }), null]);
    expect([await a, await b, await c]).toEqual(['stored', 'refused 11000', 'stored']);

    at(5_000);
    const lost = outcome(writes.write('d'));
    fail[2]?.(new Error('connection closed'));
    expect(await lost).toBe('refused connection closed');
  });
});

describe('chat lines written together, on the project’s database', () => {
  const node = oneNode({ chatSendLimit: 1000 });

  it('stores the others of an insert when one is a duplicate, and says which', async () => {
    const collection = node.a.mongo.connection.collection<{ _id: Types.ObjectId; key: string }>(
      'line_writes_probe',
    );
    await collection.createIndex({ key: 1 }, { unique: true });
    await collection.insertOne({ _id: new Types.ObjectId(), key: 'taken' });
    const outcomes = await insertEach(collection)([
      { _id: new Types.ObjectId(), key: 'first' },
      { _id: new Types.ObjectId(), key: 'taken' },
      { _id: new Types.ObjectId(), key: 'third' },
    ]);
    expect(outcomes.map((o) => (o ? (o as Error & { code?: number }).code : null))).toEqual([
      null,
      11000,
      null,
    ]);
    expect((await collection.find().toArray()).map((d) => d.key).sort()).toEqual([
      'first',
      'taken',
      'third',
    ]);
  });

  it('acks every line of a burst once, and a retry among new lines gets the original back', async () => {
    const { groupId, founder, members } = await groupWith(node.a, ['Ana']);
    const socket = await openChatSocket(node.a, founder.client);
    const ana = await openChatSocket(node.a, (members[0] as (typeof members)[0]).client);
    const heard = recordEvents(ana);
    const ids = Array.from({ length: 11 }, () => clientId());
    const say = (id: string, n: number) =>
      must(socket, 'chat:send', { groupId, clientId: id, text: `line ${n}` });
    // Sent at once: all but the first are close behind another, so they share inserts.
    const first = await Promise.all(ids.slice(0, 8).map((id, n) => say(id, n)));
    expect(first.map((a) => a.clientId)).toEqual(ids.slice(0, 8));
    // Then a retry of a stored line among new ones: the first goes at once, the rest are
    // held together, and the retry's duplicate key must not cost the new lines their place.
    const [a, retry, ...rest] = await Promise.all([
      say(ids[8] as string, 8),
      say(ids[3] as string, 3),
      say(ids[9] as string, 9),
      say(ids[10] as string, 10),
    ]);
    expect(retry?.id).toBe(first[3]?.id);
    expect([a, ...rest].map((line) => line?.clientId)).toEqual(ids.slice(8));
    const stored = await node.a.mongo.connection
      .collection('chat_messages')
      .find({ groupId: new Types.ObjectId(groupId) })
      .toArray();
    expect(stored.map((d) => d.clientId).sort()).toEqual([...ids].sort());
    // Shown while written, and stored: no line was taken back from the others.
    expect(heard).not.toContain('chat:withdrawn');
    expect(
      heard.filter((e) => e === 'chat:message' || e === 'chat:messages').length,
    ).toBeGreaterThan(0);
  });
});
