import type { z } from 'zod';
import type {
  TrainingSettings,
  trainingSettingsPatchBody,
} from '../../../shared/training/credentials.ts';
import type { CredentialModels } from './models.ts';

/** The organisation has one training policy; its document has a fixed id. */
const SETTINGS_ID = 'organisation';

export const DEFAULT_TRAINING_SETTINGS: TrainingSettings = {
  autoGrantFacilitator: false,
  facilitatorCourseIds: [],
};

/**
 * The organisation's training policy (admins only). No organisation-wide settings record
 * existed before training, and support's settings are per country, so training keeps its own.
 */
export class TrainingPolicy {
  readonly #models: CredentialModels;

  constructor(models: CredentialModels) {
    this.#models = models;
  }

  async get(): Promise<TrainingSettings> {
    const found = await this.#models.TrainingSettings.findById(SETTINGS_ID).lean();
    if (!found) return { ...DEFAULT_TRAINING_SETTINGS };
    return {
      autoGrantFacilitator: found.autoGrantFacilitator,
      facilitatorCourseIds: [...found.facilitatorCourseIds],
    };
  }

  async update(patch: z.infer<typeof trainingSettingsPatchBody>): Promise<TrainingSettings> {
    const set: Partial<TrainingSettings> = {};
    if (patch.autoGrantFacilitator !== undefined)
      set.autoGrantFacilitator = patch.autoGrantFacilitator;
    if (patch.facilitatorCourseIds !== undefined)
      set.facilitatorCourseIds = [...new Set(patch.facilitatorCourseIds)];
    await this.#models.TrainingSettings.updateOne(
      { _id: SETTINGS_ID },
      { $set: set },
      { upsert: true },
    );
    return this.get();
  }
}
