import type { Connection } from 'mongoose';
import { accountModels } from './accounts/models.ts';
import { seedAccounts } from './accounts/seed.ts';
import { seedCommunity } from './community/seed.ts';
import type { Logger } from './infra/logger.ts';
import { seedDirectory } from './meetings/directory/seed.ts';
import { seedProgramme } from './programme/seed.ts';
import { seedSupport } from './support/seed.ts';
import { withDemoTraining } from './training/credentials/seed.ts';
import { seedTraining } from './training/seed.ts';

/**
 * The demo community: one account per role, then each feature's demo records. Runs on
 * `npm run seed` and when `npm start` finds an empty database outside production.
 */
export async function seedDemoCommunity(connection: Connection, logger: Logger): Promise<void> {
  // Hosting is training-gated: every demo facilitator and partner staff member is trained.
  const context = await withDemoTraining(await seedAccounts(connection));
  // Partners first: the directory's in-service meetings and partner staff point at them.
  await seedProgramme(context);
  await seedDirectory(context);
  await seedCommunity(context);
  await seedSupport(context);
  await seedTraining(context);
  logger.info('demo community created (accounts: <role>@haven.local, password haven-demo)');
}

export async function isEmpty(connection: Connection): Promise<boolean> {
  return (await accountModels(connection).User.estimatedDocumentCount()) === 0;
}
