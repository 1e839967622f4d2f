import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { AccountDataRegistry } from '../../accounts/account-data.ts';
import type { UserDirectory } from '../../accounts/user-directory.ts';
import type { ApiRoutes } from './routes.ts';

/** What a feature folder gets to mount its routes: nothing more, so features stay independent. */
export interface FeatureContext {
  api: ApiRoutes;
  connection: Connection;
  /** Register how to export and erase what the feature stores about a member. */
  accountData: AccountDataRegistry;
  /** Other members as anyone may see them (privacy applied). */
  users: UserDirectory;
  redisClient: Redis | undefined;
}
