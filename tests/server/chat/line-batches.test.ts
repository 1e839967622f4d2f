import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LineBatches } from '../../../server/chat/line-batches.ts';
import { line } from '../../client/chat/fixtures.ts';

/** A LineBatches on a clock the test moves, recording what it sends. */
function recorder() {
  const sent: Array<[string, string[]]> = [];
  let t = 1_000;
  const batches = new LineBatches(
    (room, lines) => sent.push([room, lines.map((l) => l.text ?? '')]),
    () => t,
  );
  return { sent, batches, at: (ms: number) => (t = ms) };
}

describe('a group’s lines sent together when they come close together', () => {
  it('sends a line after a quiet spell at once, alone', async () => {
    const { sent, batches, at } = recorder();
    batches.add('a', line(1));
    expect(sent).toEqual([['a', ['line 1']]]);
    at(1_100);
    batches.add('a', line(2));
    expect(sent).toEqual([
      ['a', ['line 1']],
      ['a', ['line 2']],
    ]);
  });

  it('holds lines close behind another to the end of the turn, one batch per room, in order', async () => {
    const { sent, batches, at } = recorder();
    batches.add('a', line(1));
    at(1_002);
    batches.add('a', line(2));
    at(1_004);
    batches.add('b', line(3));
    at(1_006);
    batches.add('a', line(4));
    expect(sent).toEqual([['a', ['line 1']]]);
    await nextTurn();
    expect(sent).toEqual([
      ['a', ['line 1']],
      ['a', ['line 2', 'line 4']],
      ['b', ['line 3']],
    ]);
  });

  it('never lets a line overtake its room’s waiting lines, even after a quiet spell', async () => {
    const { sent, batches, at } = recorder();
    batches.add('a', line(1));
    at(1_001);
    batches.add('a', line(2));
    at(2_000);
    batches.add('a', line(3));
    expect(sent).toEqual([['a', ['line 1']]]);
    await nextTurn();
    expect(sent).toEqual([
      ['a', ['line 1']],
      ['a', ['line 2', 'line 3']],
    ]);
  });

  it('flushes a room at once for what must follow its lines, and only that room', async () => {
    const { sent, batches, at } = recorder();
    batches.add('a', line(1));
    at(1_001);
    batches.add('a', line(2));
    batches.add('b', line(3));
    batches.flush('a');
    expect(sent).toEqual([
      ['a', ['line 1']],
      ['a', ['line 2']],
    ]);
    await nextTurn();
    expect(sent.at(-1)).toEqual(['b', ['line 3']]);
    batches.flush('a');
    expect(sent).toHaveLength(3);
  });
});
