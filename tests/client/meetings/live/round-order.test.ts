import { describe, expect, it } from 'vitest';
import { moved } from '../../../../client/src/features/meetings/live/components/RoundOrder.tsx';

describe('arranging the check-in order by hand', () => {
  it('moves one person a place earlier or later, and never past either end', () => {
    const order = ['fran', 'ana', 'ben'];
    expect(moved(order, 1, -1)).toEqual(['ana', 'fran', 'ben']);
    expect(moved(order, 1, 1)).toEqual(['fran', 'ben', 'ana']);
    expect(moved(order, 0, -1)).toBe(order);
    expect(moved(order, 2, 1)).toBe(order);
    expect(order).toEqual(['fran', 'ana', 'ben']);
  });
});
