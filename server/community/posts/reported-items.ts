import { Types } from 'mongoose';
import type { Page, PageQuery } from '../../../shared/api/common.ts';
import type { ReportedItem } from '../../../shared/api/community.ts';
import type { UserDirectory } from '../../accounts/user-directory.ts';
import { AppError } from '../../infra/errors.ts';
import type { Logger } from '../../infra/logger.ts';
import { type Actor, peopleOf, personIn, reportFields } from '../shared.ts';
import type { PostModels, ReportDoc } from './models.ts';

/** A reported post (commentId null) or comment. */
export interface ItemKey {
  postId: string;
  commentId: string | null;
}

const oid = (id: string) => new Types.ObjectId(id);
const keyOf = (r: { postId: unknown; commentId?: unknown }) =>
  `${String(r.postId)}:${r.commentId ? String(r.commentId) : ''}`;
const itemFilter = (item: ItemKey) => ({
  postId: oid(item.postId),
  commentId: item.commentId ? oid(item.commentId) : null,
});

function badCursor(): AppError {
  return new AppError('INVALID_INPUT', 'invalid query', {
    cursor: ['is not a cursor of this list'],
  });
}

/**
 * The moderation queue by reported item (issue 18): one entry per post or comment however
 * many reported it, so two reports are one decision. The open view is oldest item first
 * (by its first open report: whoever reported first has waited longest); the resolved
 * view is newest first. The cursor is the anchoring report's id, so pages never repeat.
 */
export class ReportedItems {
  readonly #m: PostModels;
  readonly #users: UserDirectory;
  readonly #logger: Logger | undefined;

  constructor(models: PostModels, users: UserDirectory, logger?: Logger) {
    this.#m = models;
    this.#users = users;
    this.#logger = logger;
  }

  async list(query: PageQuery & { status: 'open' | 'resolved' }): Promise<Page<ReportedItem>> {
    const open = query.status === 'open';
    if (query.cursor && !/^[a-f0-9]{24}$/.test(query.cursor)) throw badCursor();
    const groups = await this.#m.Report.aggregate<{
      _id: { postId: Types.ObjectId; commentId: Types.ObjectId | null };
      anchor: Types.ObjectId;
    }>([
      { $match: { status: query.status } },
      {
        $group: {
          _id: { postId: '$postId', commentId: '$commentId' },
          anchor: open ? { $min: '$_id' } : { $max: '$_id' },
        },
      },
      ...(query.cursor
        ? [{ $match: { anchor: { [open ? '$gt' : '$lt']: oid(query.cursor) } } }]
        : []),
      { $sort: { anchor: open ? 1 : -1 } },
      { $limit: query.limit + 1 },
    ]);
    const shown = groups.slice(0, query.limit);
    const keys = shown.map((g) => ({
      postId: String(g._id.postId),
      commentId: g._id.commentId ? String(g._id.commentId) : null,
    }));
    const items = await this.#views(keys, query.status);
    const last = shown.at(-1);
    return {
      items,
      nextCursor: groups.length > query.limit && last ? String(last.anchor) : null,
    };
  }

  /**
   * `hide` hides the item; both actions resolve every open report on it. Nothing open is
   * INVALID_TRANSITION (another moderator decided first), no report at all NOT_FOUND.
   */
  async decide(actor: Actor, item: ItemKey, action: 'hide' | 'dismiss'): Promise<ReportedItem> {
    await this.#notAbout(actor, item);
    const filter = itemFilter(item);
    const resolution = {
      status: 'resolved',
      action,
      resolvedBy: oid(actor.id),
      resolvedAt: new Date(),
    };
    const open = await this.#m.Report.find({ ...filter, status: 'open' }, { _id: 1 }).lean();
    if (open.length === 0) {
      if (await this.#m.Report.exists(filter))
        throw new AppError('INVALID_TRANSITION', 'these reports were already resolved');
      throw new AppError('NOT_FOUND', 'no report about this');
    }
    const ids = open.map((r) => r._id);
    // Only the reports still open: a moderator deciding at the same moment changes none twice.
    await this.#m.Report.updateMany({ _id: { $in: ids }, status: 'open' }, { $set: resolution });
    if (action === 'hide') await this.#setStatus(item, 'hidden');
    this.#logger?.info(
      { event: `moderation:${action}`, actorId: actor.id, ...item, reports: ids.length },
      'reported item decided',
    );
    const [view] = await this.#views([item], 'resolved', ids);
    return view as ReportedItem;
  }

  /**
   * Undoes a hide: the item shows again, and the reports the hide resolved open again
   * (the decision is taken back, so the item waits in the queue for another).
   */
  async unhide(actor: Actor, item: ItemKey): Promise<ReportedItem> {
    await this.#notAbout(actor, item);
    const content = await this.#content(item);
    if (!content) throw new AppError('NOT_FOUND', 'no such post or comment');
    if (content.status !== 'hidden') throw new AppError('INVALID_TRANSITION', 'it is not hidden');
    await this.#setStatus(item, 'visible');
    await this.#m.Report.updateMany(
      { ...itemFilter(item), status: 'resolved', action: 'hide' },
      { $set: { status: 'open', action: null, resolvedBy: null, resolvedAt: null } },
    );
    this.#logger?.info({ event: 'moderation:unhide', actorId: actor.id, ...item }, 'hide undone');
    const [view] = await this.#views([item], 'open');
    return view as ReportedItem;
  }

  #content(item: ItemKey) {
    return item.commentId
      ? this.#m.Comment.findOne(
          { _id: oid(item.commentId), postId: oid(item.postId) },
          { authorId: 1, status: 1 },
        ).lean()
      : this.#m.Post.findById(oid(item.postId), { authorId: 1, status: 1 }).lean();
  }

  async #setStatus(item: ItemKey, status: 'hidden' | 'visible'): Promise<void> {
    if (item.commentId)
      await this.#m.Comment.updateOne({ _id: oid(item.commentId) }, { $set: { status } });
    else await this.#m.Post.updateOne({ _id: oid(item.postId) }, { $set: { status } });
  }

  /** Nobody decides about their own words, as with single reports (reports.ts). */
  async #notAbout(actor: Actor, item: ItemKey): Promise<void> {
    const content = await this.#content(item);
    if (content?.authorId && String(content.authorId) === actor.id)
      throw new AppError('FORBIDDEN', 'another moderator decides reports about your own words');
  }

  /** Each item with its reports of `status` (or exactly `ids`), newest first. */
  async #views(
    keys: ItemKey[],
    status: 'open' | 'resolved',
    ids?: Types.ObjectId[],
  ): Promise<ReportedItem[]> {
    if (keys.length === 0) return [];
    const reports = (await this.#m.Report.find(
      ids ? { _id: { $in: ids } } : { status, $or: keys.map(itemFilter) },
    )
      .sort({ _id: -1 })
      .lean()) as ReportDoc[];
    const byItem = new Map<string, ReportDoc[]>();
    for (const report of reports) {
      const list = byItem.get(keyOf(report)) ?? [];
      list.push(report);
      byItem.set(keyOf(report), list);
    }
    const commentIds = keys.flatMap((k) => (k.commentId ? [oid(k.commentId)] : []));
    const [posts, comments] = await Promise.all([
      this.#m.Post.find({ _id: { $in: keys.map((k) => oid(k.postId)) } }).lean(),
      this.#m.Comment.find({ _id: { $in: commentIds } }).lean(),
    ]);
    const postOf = new Map(posts.map((p) => [String(p._id), p]));
    const commentOf = new Map(comments.map((c) => [String(c._id), c]));
    const people = await peopleOf(this.#users, [
      ...posts.map((p) => p.authorId),
      ...comments.map((c) => c.authorId),
    ]);
    return keys.map((key) => {
      const post = postOf.get(key.postId);
      const content = key.commentId ? commentOf.get(key.commentId) : post;
      const list = byItem.get(keyOf(key)) ?? [];
      return {
        target: {
          type: key.commentId ? 'comment' : 'post',
          postId: key.postId,
          commentId: key.commentId,
          title: post?.title ?? null,
          body: content?.body ?? null,
          author: personIn(people, content?.authorId),
          status: content ? content.status : 'deleted',
        },
        count: list.length,
        reports: list.map(reportFields),
      };
    });
  }
}
