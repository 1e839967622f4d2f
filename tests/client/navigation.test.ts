import { describe, expect, it } from 'vitest';
import { currentFor } from '../../client/src/components/NavLink.tsx';

describe('current link', () => {
  it('marks the page itself, and its section from inside it', () => {
    expect(currentFor('/meetings', '/meetings')).toBe('page');
    expect(currentFor('/meetings/abc', '/meetings')).toBe('true');
    expect(currentFor('/meetingsx', '/meetings')).toBeUndefined();
    expect(currentFor('/groups', '/')).toBeUndefined();
  });
});
