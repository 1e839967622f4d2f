import type { SeedContext } from '../../infra/seed-context.ts';
import { credentialModels } from './models.ts';
import { TrainingRecords } from './records.ts';

/** The demo's records, over the seed's own connection. */
export const demoTrainingRecords = (ctx: Pick<SeedContext, 'connection'>) =>
  new TrainingRecords(credentialModels(ctx.connection));

/**
 * Every demo member who runs meetings has completed facilitator training, as hosting now
 * requires: the demo facilitator, and whoever a later seed creates as a facilitator or as
 * partner staff (their createUser is wrapped here, so the directory's and programme's seeds
 * stay as they are). Courses are the course feature's seed; these records stand for
 * training done before Haven kept records, so they carry the track and no courses.
 */
export async function withDemoTraining(ctx: SeedContext): Promise<SeedContext> {
  const records = demoTrainingRecords(ctx);
  await records.markTrackComplete(ctx.people.facilitator, 'foundations');
  await records.markTrackComplete(ctx.people.facilitator, 'facilitator');
  await records.markTrackComplete(ctx.people.champion, 'champion');
  const createUser: SeedContext['createUser'] = async (fields) => {
    const id = await ctx.createUser(fields);
    if (fields.roles?.includes('facilitator') || fields.partnerId)
      await records.markTrackComplete(id, 'facilitator');
    return id;
  };
  return { ...ctx, createUser };
}
