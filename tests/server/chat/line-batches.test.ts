import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LineBatches } from '../../../server/chat/line-batches.ts';
import { line } from '../../client/chat/fixtures.ts';

function recorder() {
  const sent: Array<[string, string[]]> = [];
  const batches = new LineBatches((room, lines) =>
    sent.push([room, lines.map((l) => l.text ?? '')]),
  );
  return { sent, batches };
}

describe('a group’s lines sent together when they are ready together', () => {
  it('sends the lines of one turn as one batch per room, in order, on the next turn', async () => {
    const { sent, batches } = recorder();
    batches.add('a', line(1));
    batches.add('b', line(2));
    batches.add('a', line(3));
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toEqual([
      ['a', ['line 1', 'line 3']],
      ['b', ['line 2']],
    ]);
  });

  it('sends a line alone when it is alone in its turn', async () => {
    const { sent, batches } = recorder();
    batches.add('a', line(1));
    await nextTurn();
    batches.add('a', line(2));
    await nextTurn();
    expect(sent).toEqual([
      ['a', ['line 1']],
      ['a', ['line 2']],
    ]);
  });

  it('flushes a room at once for what must follow its lines, and only that room', async () => {
    const { sent, batches } = recorder();
    batches.add('a', line(1));
    batches.add('b', line(2));
    batches.flush('a');
    expect(sent).toEqual([['a', ['line 1']]]);
    await nextTurn();
    expect(sent).toEqual([
      ['a', ['line 1']],
      ['b', ['line 2']],
    ]);
    batches.flush('a');
    expect(sent).toHaveLength(2);
  });
});
