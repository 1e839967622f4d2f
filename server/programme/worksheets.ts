import { Types } from 'mongoose';
import type { Page, PageQuery } from '../../shared/api/common.ts';
import {
  type Tool,
  toolContentSchemas,
  type Worksheet,
  type WorksheetCreate,
  type WorksheetPatch,
  type WorksheetSummary,
} from '../../shared/api/programme/worksheets.ts';
import { findPage, type SortSpec } from '../infra/api/paging.ts';
import { fieldsOf } from '../infra/api/validation.ts';
import { AppError } from '../infra/errors.ts';
import type { ProgrammeModels, WorksheetDoc } from './models.ts';

const RECENTLY_EDITED_FIRST: SortSpec = { field: 'updatedAt', kind: 'date', direction: -1 };

function summaryOf(doc: WorksheetDoc): WorksheetSummary {
  return {
    id: String(doc._id),
    tool: doc.tool as Tool,
    title: doc.title ?? null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

function worksheetOf(doc: WorksheetDoc): Worksheet {
  return { ...summaryOf(doc), content: doc.content as Worksheet['content'] };
}

/** Another member's worksheet and one that does not exist answer the same: not found. */
function notFound(): AppError {
  return new AppError('NOT_FOUND', 'no such worksheet');
}

/**
 * A member's private worksheets. Every query is scoped to the owner, and there is no
 * other way in: no role, admin included, reads someone else's answers. Nothing here logs.
 */
export class WorksheetService {
  readonly #models: ProgrammeModels;

  constructor(models: ProgrammeModels) {
    this.#models = models;
  }

  list(
    ownerId: string,
    query: PageQuery & { tool?: Tool | undefined },
  ): Promise<Page<WorksheetSummary>> {
    const filter: Record<string, unknown> = { ownerId: new Types.ObjectId(ownerId) };
    if (query.tool) filter.tool = query.tool;
    return findPage(this.#models.Worksheet, filter, RECENTLY_EDITED_FIRST, query, summaryOf, {
      content: 0,
    });
  }

  async create(ownerId: string, input: WorksheetCreate): Promise<Worksheet> {
    const created = await this.#models.Worksheet.create({
      ownerId,
      tool: input.tool,
      title: input.title ?? null,
      content: input.content,
    });
    return worksheetOf(created.toObject() as WorksheetDoc);
  }

  async get(ownerId: string, id: string): Promise<Worksheet> {
    const doc = await this.#models.Worksheet.findOne({ _id: id, ownerId }).lean<WorksheetDoc>();
    if (!doc) throw notFound();
    return worksheetOf(doc);
  }

  async update(ownerId: string, id: string, patch: WorksheetPatch): Promise<Worksheet> {
    const existing = await this.#models.Worksheet.findOne({ _id: id, ownerId }, { tool: 1 }).lean<
      Pick<WorksheetDoc, '_id' | 'tool'>
    >();
    if (!existing) throw notFound();
    const set: Record<string, unknown> = {};
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.content !== undefined) {
      // The tool is fixed at creation, so the content is checked against that tool's schema.
      const parsed = toolContentSchemas[existing.tool as Tool].safeParse(patch.content);
      if (!parsed.success) {
        const fields = Object.fromEntries(
          Object.entries(fieldsOf(parsed.error)).map(([key, messages]) => [
            key === '_' ? 'content' : `content.${key}`,
            messages,
          ]),
        );
        throw new AppError('INVALID_INPUT', 'invalid body', fields);
      }
      set.content = parsed.data;
    }
    const doc = await this.#models.Worksheet.findOneAndUpdate(
      { _id: id, ownerId },
      { $set: set },
      { returnDocument: 'after' },
    ).lean<WorksheetDoc>();
    if (!doc) throw notFound();
    return worksheetOf(doc);
  }

  async remove(ownerId: string, id: string): Promise<void> {
    const result = await this.#models.Worksheet.deleteOne({ _id: id, ownerId });
    if (result.deletedCount !== 1) throw notFound();
  }

  /** "Download my data": every worksheet in full. */
  async exportFor(ownerId: string): Promise<Worksheet[]> {
    const docs = await this.#models.Worksheet.find({ ownerId })
      .sort({ createdAt: 1 })
      .lean<WorksheetDoc[]>();
    return docs.map(worksheetOf);
  }

  /** Account deletion: worksheets are the member's own, so they go entirely. */
  async eraseFor(ownerId: string): Promise<void> {
    await this.#models.Worksheet.deleteMany({ ownerId });
  }
}
