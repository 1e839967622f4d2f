import { describe, expect, it } from 'vitest';
import { type SendFacts, SendFactsCache } from '../../../server/chat/send-facts.ts';
import { createChangeMarks, markOf } from '../../../server/infra/change-marks.ts';

/**
 * The per-node copy of what sends read (server/chat/send-facts.ts), on the in-process marks
 * (Haven without Redis); tests/server/chat/send-facts.test.ts runs it on two nodes and Redis.
 */

const facts = (n: number): SendFacts => ({
  group: { member: true, groupModerator: false, terms: { restriction: null, slowModeSeconds: n } },
  sender: undefined,
});

function counted() {
  const reads: string[] = [];
  let version = 0;
  const read = async (userId: string, groupId: string) => {
    reads.push(`${userId}:${groupId}`);
    return facts(version);
  };
  return { reads, read, bump: () => version++ };
}

describe('the facts a node keeps for sends', () => {
  it('answers from its copy until a mark of the group or of the member moves', async () => {
    const marks = createChangeMarks(undefined, 'test');
    const db = counted();
    const cache = new SendFactsCache(marks, db.read);
    expect(await cache.of('u1', 'g1')).toEqual(facts(0));
    db.bump();
    expect(await cache.of('u1', 'g1')).toEqual(facts(0));
    expect(db.reads).toHaveLength(1);
    await marks.move(markOf.group('g1'));
    expect(await cache.of('u1', 'g1')).toEqual(facts(1));
    db.bump();
    await marks.move(markOf.user('u1'));
    expect(await cache.of('u1', 'g1')).toEqual(facts(2));
    // Another member's mark leaves this copy alone.
    await marks.move(markOf.user('u2'));
    expect(await cache.of('u1', 'g1')).toEqual(facts(2));
    expect(db.reads).toHaveLength(3);
  });

  it('keeps at most its size, dropping the least recently used', async () => {
    const marks = createChangeMarks(undefined, 'test');
    const db = counted();
    const cache = new SendFactsCache(marks, db.read, 2);
    await cache.of('u1', 'g');
    await cache.of('u2', 'g');
    await cache.of('u1', 'g');
    await cache.of('u3', 'g');
    expect(cache.size).toBe(2);
    await cache.of('u1', 'g');
    expect(db.reads).toEqual(['u1:g', 'u2:g', 'u3:g']);
    await cache.of('u2', 'g');
    expect(db.reads).toEqual(['u1:g', 'u2:g', 'u3:g', 'u2:g']);
  });

  it('drops everything when marks may have moved unseen, even a read under way', async () => {
    const listeners: Array<() => void> = [];
    const inner = createChangeMarks(undefined, 'test');
    const marks = { ...inner, onLost: (listener: () => void) => listeners.push(listener) };
    let release = () => {};
    let started = 0;
    const db = counted();
    const cache = new SendFactsCache(marks, async (userId, groupId) => {
      started++;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return db.read(userId, groupId);
    });
    const first = cache.of('u1', 'g1');
    await expect.poll(() => started).toBe(1);
    for (const lost of listeners) lost();
    release();
    expect(await first).toEqual(facts(0));
    expect(cache.size).toBe(0);
    const second = cache.of('u1', 'g1');
    await expect.poll(() => started).toBe(2);
    release();
    await second;
    expect(cache.size).toBe(1);
    for (const lost of listeners) lost();
    expect(cache.size).toBe(0);
  });
});
