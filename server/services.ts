import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { AccountDataRegistry } from './accounts/account-data.ts';
import { AdminTwoFactorPolicy } from './accounts/admin-two-factor.ts';
import { accountModels } from './accounts/models.ts';
import { AccountService } from './accounts/service.ts';
import { SessionService } from './accounts/sessions.ts';
import { UserDirectory } from './accounts/user-directory.ts';
import { contactModels } from './chat/contact-models.ts';
import { Contacts } from './chat/contacts.ts';
import { chatModels } from './chat/models.ts';
import { ChatModeration } from './chat/moderation.ts';
import { ChatReports } from './chat/reports.ts';
import { SendFactsCache } from './chat/send-facts.ts';
import { ChatService } from './chat/service.ts';
import { groupModels } from './community/groups/models.ts';
import { GroupService } from './community/groups/service.ts';
import { type ChangeMarks, createChangeMarks } from './infra/change-marks.ts';
import { directoryModels } from './meetings/directory/models.ts';
import { DirectoryService } from './meetings/directory/service.ts';
import { trainingCredentials } from './training/credentials/index.ts';

/**
 * The services more than one edge needs (REST routes and socket handlers), built once by
 * createApp and handed to both. Features used by REST alone build theirs in their mount.
 */
export function buildServices(
  connection: Connection,
  options: {
    redis?: Redis | undefined;
    limitsNamespace?: string;
    /** Closes a member's open sockets after a role grant, so they reconnect with it. */
    rolesChanged?: (userId: string) => void;
  } = {},
) {
  const accountData = new AccountDataRegistry();
  const models = accountModels(connection);
  const adminTwoFactor = new AdminTwoFactorPolicy(connection);
  // Changes that copies kept per node depend on move these (change-marks.ts).
  const marks = createChangeMarks(options.redis, options.limitsNamespace ?? 'haven');
  const sessions = new SessionService(models, { adminTwoFactor, marks });
  const users = new UserDirectory(models, marks);
  const groups = new GroupService(groupModels(connection), users, marks);
  const chat = chatService(connection, groups, users, marks, options);
  // The directory and the live room read the training record to gate hosting.
  const training = trainingCredentials(connection, users, {
    ...(options.rolesChanged ? { rolesChanged: options.rolesChanged } : {}),
  });
  return {
    accountData,
    accountModels: models,
    marks,
    sessions,
    adminTwoFactor,
    accounts: new AccountService(models, sessions, accountData, marks),
    users,
    directory: new DirectoryService(directoryModels(connection), users, training.records),
    training,
    groups,
    chat,
    chatReports: new ChatReports(chatModels(connection), groups, users, chat),
  };
}

export type Services = ReturnType<typeof buildServices>;

function chatService(
  connection: Connection,
  groups: GroupService,
  users: UserDirectory,
  marks: ChangeMarks,
  options: { redis?: Redis | undefined; limitsNamespace?: string },
) {
  const models = chatModels(connection);
  const moderation = new ChatModeration(
    models,
    groups,
    options.redis,
    options.limitsNamespace ?? 'haven',
    marks,
  );
  const contacts = new Contacts({ ...models, ...contactModels(connection) }, groups, users);
  return new ChatService(
    models,
    groups,
    users,
    moderation,
    contacts,
    (read) => new SendFactsCache(marks, read),
  );
}
