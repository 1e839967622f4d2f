import type { SeedContext } from '../infra/seed-context.ts';

/** Demo records for this feature; see server/seed.ts. */
export async function seedDirectory(_ctx: SeedContext): Promise<void> {}
