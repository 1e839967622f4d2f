import {
  type CrisisLine,
  GENERAL_COUNTRY,
  type SupportCountry,
  type SupportResources,
  type SupportSettings,
  type SupportSettingsInput,
  supportSettingsBody,
} from '../../shared/api/support.ts';
import { AppError } from '../infra/errors.ts';
import type { SupportModels, SupportSettingsDoc } from './models.ts';

/** Mongoose leaves absent optional fields out; this keeps any `null` it may add out too. */
function lineOf(line: CrisisLine): CrisisLine {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(line)) {
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out as CrisisLine;
}

const view = (doc: SupportSettingsDoc): SupportSettings => ({
  country: doc._id,
  crisisLines: doc.crisisLines.map(lineOf),
  donationUrl: doc.donationUrl ?? null,
  updatedAt: doc.updatedAt.toISOString(),
});

export class SupportService {
  readonly #m: SupportModels;

  constructor(models: SupportModels) {
    this.#m = models;
  }

  /**
   * The country's own lines, or the general list's when it has none (then `fallback`). With
   * no general list either (a fresh deployment), the answer is empty and the client says to
   * call the local emergency number.
   */
  async resources(country: SupportCountry = GENERAL_COUNTRY): Promise<SupportResources> {
    const keys = country === GENERAL_COUNTRY ? [GENERAL_COUNTRY] : [country, GENERAL_COUNTRY];
    const docs = (await this.#m.SupportSettings.find({
      _id: { $in: keys },
    }).lean()) as SupportSettingsDoc[];
    const own = docs.find((d) => d._id === country);
    const general = docs.find((d) => d._id === GENERAL_COUNTRY);
    const hasOwnLines = Boolean(own && own.crisisLines.length > 0);
    const lines = (hasOwnLines ? own?.crisisLines : general?.crisisLines) ?? [];
    return {
      country,
      crisisLines: lines.map(lineOf),
      donationUrl: own?.donationUrl ?? general?.donationUrl ?? null,
      fallback: country !== GENERAL_COUNTRY && !hasOwnLines,
    };
  }

  /** Every country's settings, the general list first (`*` sorts before letters). */
  async list(): Promise<SupportSettings[]> {
    const docs = (await this.#m.SupportSettings.find({})
      .sort({ _id: 1 })
      .lean()) as SupportSettingsDoc[];
    return docs.map(view);
  }

  /** A full replace (or a first save): one atomic upsert, so two admins saving never mix lists. */
  async replace(country: SupportCountry, input: SupportSettingsInput): Promise<SupportSettings> {
    // Parsed again here too: the seed calls this directly, and must obey the API's rules.
    const { crisisLines, donationUrl } = supportSettingsBody.parse(input);
    const doc = await this.#m.SupportSettings.findOneAndUpdate(
      { _id: country },
      { $set: { crisisLines, donationUrl } },
      { upsert: true, returnDocument: 'after', runValidators: true },
    ).lean();
    if (!doc) throw new AppError('INTERNAL', 'support settings were not saved');
    return view(doc as SupportSettingsDoc);
  }

  async remove(country: SupportCountry): Promise<void> {
    if (country === GENERAL_COUNTRY)
      throw new AppError('INVALID_INPUT', 'invalid path', {
        country: ['the general list cannot be deleted'],
      });
    const { deletedCount } = await this.#m.SupportSettings.deleteOne({ _id: country });
    if (deletedCount === 0) throw new AppError('NOT_FOUND', 'no settings for this country');
  }
}
