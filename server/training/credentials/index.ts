import type { Connection } from 'mongoose';
import type { UserDirectory } from '../../accounts/user-directory.ts';
import type { FeatureContext } from '../../infra/api/feature.ts';
import { Certificates } from './certificates.ts';
import { CourseCompletions, FacilitatorGrants } from './completion.ts';
import { credentialModels } from './models.ts';
import { TrainingRecords } from './records.ts';
import { mountCredentialRoutes } from './routes.ts';
import { TrainingPolicy } from './settings.ts';

/**
 * Training records, certificates, the facilitator grant and the training policy
 * (docs/training.md, "Records, certificates and gated hosting"). Built once with the
 * shared services, because the directory and the live room read `records` to gate hosting;
 * `completions.courseCompleted` is what the course feature's completion hook calls.
 */
export function trainingCredentials(
  connection: Connection,
  users: UserDirectory,
  options: { rolesChanged?: (userId: string) => void; now?: () => number } = {},
) {
  const models = credentialModels(connection);
  const records = new TrainingRecords(models);
  const policy = new TrainingPolicy(models);
  const certificates = new Certificates(models, users);
  const grants = new FacilitatorGrants(records, users, options.rolesChanged ?? (() => {}));
  const completions = new CourseCompletions({
    records,
    certificates,
    policy,
    grants,
    users,
    ...(options.now ? { now: options.now } : {}),
  });
  return { models, records, policy, certificates, grants, completions };
}
export type TrainingCredentials = ReturnType<typeof trainingCredentials>;

export function mountTrainingCredentials(
  ctx: FeatureContext,
  credentials: TrainingCredentials,
): void {
  mountCredentialRoutes(ctx.api, credentials, ctx.publicUrl);
  ctx.accountData.register('trainingRecord', {
    export: (userId) => credentials.records.exportFor(userId),
    erase: (userId) => credentials.records.eraseFor(userId),
  });
  ctx.accountData.register('certificates', {
    export: (userId) => credentials.certificates.exportFor(userId),
    erase: (userId) => credentials.certificates.eraseFor(userId),
  });
}
