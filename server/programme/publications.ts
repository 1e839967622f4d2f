import type { Page } from '../../shared/api/common.ts';
import type {
  Block,
  Publication,
  PublicationInput,
  PublicationQuery,
  PublicationSummary,
} from '../../shared/api/programme/publications.ts';
import { findPage, type SortSpec } from '../infra/api/paging.ts';
import { AppError } from '../infra/errors.ts';
import type { ProgrammeModels, PublicationDoc } from './models.ts';

const BY_PROGRAMME_ORDER: SortSpec = { field: 'sortKey', kind: 'string', direction: 1 };

function summaryOf(doc: PublicationDoc): PublicationSummary {
  return {
    slug: doc.slug,
    title: doc.title,
    summary: doc.summary,
    kind: doc.kind as PublicationSummary['kind'],
    point: (doc.point ?? null) as PublicationSummary['point'],
    language: doc.language as PublicationSummary['language'],
    updatedAt: doc.updatedAt.toISOString(),
  };
}

function blockOf(block: PublicationDoc['body'][number]): Block {
  if (block.type === 'list') return { type: 'list', items: [...(block.items ?? [])] };
  return { type: block.type as 'heading' | 'paragraph' | 'quote', text: block.text ?? '' };
}

/** The organisation's library: public, read-only over the API (the seed or an editor writes it). */
export class PublicationService {
  readonly #models: ProgrammeModels;

  constructor(models: ProgrammeModels) {
    this.#models = models;
  }

  async list(query: PublicationQuery): Promise<Page<PublicationSummary>> {
    const filter: Record<string, unknown> = {};
    if (query.point) filter.point = query.point === 'general' ? null : Number(query.point);
    if (query.language) filter.language = query.language;
    if (query.kind) filter.kind = query.kind;
    return findPage(this.#models.Publication, filter, BY_PROGRAMME_ORDER, query, summaryOf, {
      body: 0,
    });
  }

  async get(slug: string): Promise<Publication> {
    const doc = await this.#models.Publication.findOne({ slug }).lean<PublicationDoc>();
    if (!doc) throw new AppError('NOT_FOUND', 'no such publication');
    const siblings = await this.#models.Publication.find(
      { group: doc.group, slug: { $ne: doc.slug } },
      { slug: 1, language: 1 },
    )
      .sort({ language: 1 })
      .lean<Array<Pick<PublicationDoc, 'slug' | 'language'>>>();
    return {
      ...summaryOf(doc),
      body: doc.body.map(blockOf),
      translations: siblings.map((s) => ({
        language: s.language as Publication['language'],
        slug: s.slug,
      })),
    };
  }

  /** Adds or replaces a publication by slug (used by the demo seed). */
  async upsert(input: PublicationInput): Promise<void> {
    const sortKey = `${input.point ?? 0}:${input.slug}`;
    await this.#models.Publication.updateOne(
      { slug: input.slug },
      { $set: { ...input, sortKey } },
      { upsert: true },
    );
  }
}
