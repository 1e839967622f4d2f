import { Types } from 'mongoose';
import type { Page, PageQuery } from '../../../shared/api/common.ts';
import type { Report } from '../../../shared/api/community.ts';
import type { UserDirectory } from '../../accounts/user-directory.ts';
import { findPageWith, type SortSpec } from '../../infra/api/paging.ts';
import { AppError } from '../../infra/errors.ts';
import { type Actor, peopleOf, personIn, reportFields } from '../shared.ts';
import type { PostModels, ReportDoc } from './models.ts';

const OLDEST_FIRST: SortSpec = { field: '_id', kind: 'id', direction: 1 };

const oid = (id: string) => new Types.ObjectId(id);
const targetKey = (r: Pick<ReportDoc, 'postId' | 'commentId'>) =>
  `${r.postId}:${r.commentId ?? ''}`;

/** Moderation of reported posts and comments; the routes admit moderators and admins only. */
export class ReportService {
  readonly #m: PostModels;
  readonly #users: UserDirectory;

  constructor(models: PostModels, users: UserDirectory) {
    this.#m = models;
    this.#users = users;
  }

  /** Oldest first: whoever reported first has waited longest. */
  async list(query: PageQuery & { status: 'open' | 'resolved' }): Promise<Page<Report>> {
    return findPageWith(this.#m.Report, { status: query.status }, OLDEST_FIRST, query, (docs) =>
      this.#views(docs as ReportDoc[]),
    );
  }

  /**
   * `hide` hides the post or comment and resolves every open report about it; `dismiss`
   * resolves this report only (others may give reasons this one did not). Resolving twice
   * is INVALID_TRANSITION: the conditional update lets only one moderator decide.
   */
  async resolve(actor: Actor, id: string, action: 'hide' | 'dismiss'): Promise<Report> {
    await this.#notAbout(actor, id);
    const resolution = {
      status: 'resolved',
      action,
      resolvedBy: oid(actor.id),
      resolvedAt: new Date(),
    };
    const report = await this.#m.Report.findOneAndUpdate(
      { _id: oid(id), status: 'open' },
      { $set: resolution },
      { returnDocument: 'after' },
    ).lean();
    if (!report) {
      if (await this.#m.Report.exists({ _id: oid(id) }))
        throw new AppError('INVALID_TRANSITION', 'this report was already resolved');
      throw new AppError('NOT_FOUND', 'no such report');
    }
    if (action === 'hide') {
      if (report.commentId)
        await this.#m.Comment.updateOne({ _id: report.commentId }, { $set: { status: 'hidden' } });
      else await this.#m.Post.updateOne({ _id: report.postId }, { $set: { status: 'hidden' } });
      await this.#m.Report.updateMany(
        { postId: report.postId, commentId: report.commentId, status: 'open' },
        { $set: resolution },
      );
    }
    return (await this.#views([report as ReportDoc]))[0] as Report;
  }

  /** Nobody decides a report about their own words, as advisors and the board do not. */
  async #notAbout(actor: Actor, id: string): Promise<void> {
    const report = await this.#m.Report.findById(oid(id), { postId: 1, commentId: 1 }).lean();
    if (!report) return;
    const content = report.commentId
      ? await this.#m.Comment.findById(report.commentId, { authorId: 1 }).lean()
      : await this.#m.Post.findById(report.postId, { authorId: 1 }).lean();
    if (content?.authorId && String(content.authorId) === actor.id)
      throw new AppError('FORBIDDEN', 'another moderator decides reports about your own words');
  }

  async #views(reports: ReportDoc[]): Promise<Report[]> {
    const commentIds = reports.flatMap((r) => (r.commentId ? [r.commentId] : []));
    const [posts, comments, open] = await Promise.all([
      this.#m.Post.find({ _id: { $in: reports.map((r) => r.postId) } }).lean(),
      this.#m.Comment.find({ _id: { $in: commentIds } }).lean(),
      this.#m.Report.aggregate<{
        _id: { postId: Types.ObjectId; commentId: Types.ObjectId | null };
        n: number;
      }>([
        { $match: { postId: { $in: reports.map((r) => r.postId) }, status: 'open' } },
        { $group: { _id: { postId: '$postId', commentId: '$commentId' }, n: { $sum: 1 } } },
      ]),
    ]);
    const postOf = new Map(posts.map((p) => [String(p._id), p]));
    const commentOf = new Map(comments.map((c) => [String(c._id), c]));
    const openOn = new Map(open.map((o) => [targetKey(o._id), o.n]));
    const people = await peopleOf(this.#users, [
      ...posts.map((p) => p.authorId),
      ...comments.map((c) => c.authorId),
    ]);
    return reports.map((r) => {
      const post = postOf.get(String(r.postId));
      const comment = r.commentId ? commentOf.get(String(r.commentId)) : undefined;
      const content = r.commentId ? comment : post;
      return {
        ...reportFields(r),
        openReportsOnTarget: openOn.get(targetKey(r)) ?? 0,
        target: {
          type: r.commentId ? 'comment' : 'post',
          postId: String(r.postId),
          commentId: r.commentId ? String(r.commentId) : null,
          title: post?.title ?? null,
          body: content?.body ?? null,
          author: personIn(people, content?.authorId),
          status: content ? content.status : 'deleted',
        },
      };
    });
  }
}
