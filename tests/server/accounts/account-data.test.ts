import { describe, expect, it } from 'vitest';
import { AccountDataRegistry } from '../../../server/accounts/account-data.ts';

describe('AccountDataRegistry', () => {
  it('erases with every feature even when one fails, then says so', async () => {
    const registry = new AccountDataRegistry();
    const erased: string[] = [];
    const feature = (name: string, fail = false) => ({
      export: async () => null,
      erase: async (userId: string) => {
        if (fail) throw new Error(`${name} is away`);
        erased.push(`${name}:${userId}`);
      },
    });
    registry.register('first', feature('first'));
    registry.register('broken', feature('broken', true));
    registry.register('last', feature('last'));
    await expect(registry.eraseAll('u1')).rejects.toThrow('broken is away');
    expect(erased).toEqual(['first:u1', 'last:u1']);
  });
});
