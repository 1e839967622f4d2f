import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { AccountDataRegistry } from '../../accounts/account-data.ts';
import type { UserDirectory } from '../../accounts/user-directory.ts';
import type { Logger } from '../logger.ts';
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
  /** Prefix for this deployment's rate-limit keys in Redis (tests give each server its own). */
  limitsNamespace: string;
  /** The address people use (PUBLIC_URL), for links in files that leave Haven (calendar files). */
  publicUrl: string | undefined;
  /**
   * Ends a member's open sockets on every node: they carry who the member was when opened
   * (roles, partner), and reconnect as who they are now.
   */
  closeMemberSockets: (userId: string) => void;
  /** For decisions worth a trace (moderation): ids and event names only. */
  logger?: Logger | undefined;
}
