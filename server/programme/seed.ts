import type { SeedContext } from '../infra/seed-context.ts';

/** Demo records for this feature; see server/seed.ts. */
export async function seedProgramme(_ctx: SeedContext): Promise<void> {}
