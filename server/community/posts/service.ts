import { Types } from 'mongoose';
import type { Page } from '../../../shared/api/common.ts';
import type {
  Comment,
  CreatePostInput,
  Post,
  PostListQuery,
  ReportInput,
} from '../../../shared/api/community.ts';
import type { UserDirectory } from '../../accounts/user-directory.ts';
import { findPageWith, type SortSpec } from '../../infra/api/paging.ts';
import { AppError } from '../../infra/errors.ts';
import {
  type Actor,
  indexesReady,
  isDuplicateKey,
  isStaff,
  peopleOf,
  personIn,
} from '../shared.ts';
import type { CommentDoc, PostDoc, PostModels } from './models.ts';

const NEWEST_FIRST: SortSpec = { field: 'createdAt', kind: 'date', direction: -1 };

const oid = (id: string) => new Types.ObjectId(id);
/** A thread shows this many comments; enough for a post, bounded for the response. */
const MAX_COMMENTS = 500;

/** Hidden content is seen only by its author (marked hidden) and site staff. */
const canSee = (actor: Actor, doc: { status: string; authorId: Types.ObjectId }) =>
  doc.status === 'visible' || String(doc.authorId) === actor.id || isStaff(actor);

export class PostService {
  readonly #m: PostModels;
  readonly #users: UserDirectory;

  constructor(models: PostModels, users: UserDirectory) {
    this.#m = models;
    this.#users = users;
  }

  async create(actor: Actor, input: CreatePostInput): Promise<Post> {
    const post = await this.#m.Post.create({
      ...input,
      url: input.url ?? null,
      authorId: oid(actor.id),
    });
    return (await this.#postViews(actor, [post.toObject()]))[0] as Post;
  }

  /** Newest first; hidden posts never appear in the feed, not even for their author. */
  async list(actor: Actor, query: PostListQuery): Promise<Page<Post>> {
    const filter: Record<string, unknown> = { status: 'visible' };
    if (query.point) filter.point = query.point;
    if (query.kind) filter.kind = query.kind;
    return findPageWith(this.#m.Post, filter, NEWEST_FIRST, query, (docs) =>
      this.#postViews(actor, docs as PostDoc[]),
    );
  }

  async get(actor: Actor, id: string): Promise<{ post: Post; comments: Comment[] }> {
    const post = await this.#m.Post.findById(id).lean();
    if (!post || !canSee(actor, post)) throw new AppError('NOT_FOUND', 'no such post');
    const comments = (
      await this.#m.Comment.find({ postId: post._id })
        .sort({ createdAt: 1, _id: 1 })
        .limit(MAX_COMMENTS)
        .lean()
    ).filter((c) => canSee(actor, c));
    const people = await peopleOf(
      this.#users,
      comments.map((c) => c.authorId),
    );
    return {
      post: (await this.#postViews(actor, [post]))[0] as Post,
      comments: comments.map((c) => this.#commentView(actor, c, people)),
    };
  }

  /** Only the author deletes (moderators hide instead); the thread goes with the post. */
  async delete(actor: Actor, id: string): Promise<void> {
    const post = await this.#m.Post.findById(id).lean();
    if (!post || !canSee(actor, post)) throw new AppError('NOT_FOUND', 'no such post');
    if (String(post.authorId) !== actor.id)
      throw new AppError('FORBIDDEN', 'only the author can delete a post');
    await this.#removePosts([post._id]);
  }

  async comment(actor: Actor, postId: string, body: string): Promise<Comment> {
    const post = await this.#visiblePost(postId);
    const comment = await this.#m.Comment.create({
      postId: post._id,
      authorId: oid(actor.id),
      body,
    });
    const people = await peopleOf(this.#users, [actor.id]);
    return this.#commentView(actor, comment.toObject(), people);
  }

  async deleteComment(actor: Actor, postId: string, commentId: string): Promise<void> {
    const comment = await this.#m.Comment.findOne({
      _id: oid(commentId),
      postId: oid(postId),
    }).lean();
    if (!comment || !canSee(actor, comment)) throw new AppError('NOT_FOUND', 'no such comment');
    if (String(comment.authorId) !== actor.id)
      throw new AppError('FORBIDDEN', 'only the author can delete a comment');
    await this.#removeComments([comment._id]);
  }

  /** One report per member and target (409 CONFLICT the second time, whatever its outcome). */
  async report(
    actor: Actor,
    postId: string,
    commentId: string | null,
    input: ReportInput,
  ): Promise<{ id: string; status: 'open' }> {
    const post = await this.#visiblePost(postId);
    if (commentId) {
      const comment = await this.#m.Comment.exists({
        _id: oid(commentId),
        postId: post._id,
        status: 'visible',
      });
      if (!comment) throw new AppError('NOT_FOUND', 'no such comment');
    }
    await indexesReady(this.#m.Report);
    try {
      const report = await this.#m.Report.create({
        postId: post._id,
        commentId: commentId ? oid(commentId) : null,
        reporterId: oid(actor.id),
        reason: input.reason,
        note: input.note ?? null,
      });
      return { id: String(report._id), status: 'open' };
    } catch (error) {
      if (isDuplicateKey(error)) throw new AppError('CONFLICT', 'you already reported this');
      throw error;
    }
  }

  async exportFor(userId: string) {
    const me = oid(userId);
    const [posts, comments, reports] = await Promise.all([
      this.#m.Post.find({ authorId: me }).lean(),
      this.#m.Comment.find({ authorId: me }).lean(),
      this.#m.Report.find({ reporterId: me }).lean(),
    ]);
    return {
      posts: posts.map((p) => ({
        id: String(p._id),
        kind: p.kind,
        point: p.point,
        title: p.title,
        body: p.body,
        url: p.url,
        status: p.status,
        createdAt: p.createdAt.toISOString(),
      })),
      comments: comments.map((c) => ({
        id: String(c._id),
        postId: String(c.postId),
        body: c.body,
        status: c.status,
        createdAt: c.createdAt.toISOString(),
      })),
      reportsFiled: reports.map((r) => ({
        id: String(r._id),
        postId: String(r.postId),
        commentId: r.commentId ? String(r.commentId) : null,
        reason: r.reason,
        note: r.note,
        status: r.status,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }

  /**
   * Their posts and comments are deleted (their words are theirs, and the threads under
   * their posts go with them); reports they filed or resolved stay, anonymised.
   */
  async eraseFor(userId: string): Promise<void> {
    const me = oid(userId);
    await this.#removePosts(await this.#m.Post.distinct('_id', { authorId: me }));
    await this.#removeComments(await this.#m.Comment.distinct('_id', { authorId: me }));
    await this.#m.Report.updateMany({ reporterId: me }, { $set: { reporterId: null } });
    await this.#m.Report.updateMany({ resolvedBy: me }, { $set: { resolvedBy: null } });
  }

  /** Reports about deleted words are closed, so moderators are not asked about nothing. */
  async #removePosts(ids: Types.ObjectId[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#closeReports({ postId: { $in: ids } });
    await this.#m.Comment.deleteMany({ postId: { $in: ids } });
    await this.#m.Post.deleteMany({ _id: { $in: ids } });
  }

  async #removeComments(ids: Types.ObjectId[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#closeReports({ commentId: { $in: ids } });
    await this.#m.Comment.deleteMany({ _id: { $in: ids } });
  }

  async #closeReports(filter: Record<string, unknown>): Promise<void> {
    await this.#m.Report.updateMany(
      { ...filter, status: 'open' },
      { $set: { status: 'resolved', action: 'content-deleted', resolvedAt: new Date() } },
    );
  }

  async #visiblePost(id: string): Promise<PostDoc> {
    const post = await this.#m.Post.findOne({ _id: oid(id), status: 'visible' }).lean();
    if (!post) throw new AppError('NOT_FOUND', 'no such post');
    return post as PostDoc;
  }

  async #postViews(actor: Actor, posts: PostDoc[]): Promise<Post[]> {
    const counts = await this.#m.Comment.aggregate<{ _id: Types.ObjectId; n: number }>([
      { $match: { postId: { $in: posts.map((p) => p._id) }, status: 'visible' } },
      { $group: { _id: '$postId', n: { $sum: 1 } } },
    ]);
    const countOf = new Map(counts.map((c) => [String(c._id), c.n]));
    const people = await peopleOf(
      this.#users,
      posts.map((p) => p.authorId),
    );
    return posts.map((p) => ({
      id: String(p._id),
      kind: p.kind,
      title: p.title,
      body: p.body,
      url: p.url ?? null,
      point: p.point,
      author: personIn(people, p.authorId),
      createdAt: p.createdAt.toISOString(),
      commentCount: countOf.get(String(p._id)) ?? 0,
      status: p.status,
      mine: String(p.authorId) === actor.id,
    }));
  }

  #commentView(actor: Actor, c: CommentDoc, people: Awaited<ReturnType<typeof peopleOf>>): Comment {
    return {
      id: String(c._id),
      body: c.body,
      author: personIn(people, c.authorId),
      createdAt: c.createdAt.toISOString(),
      status: c.status,
      mine: String(c.authorId) === actor.id,
    };
  }
}
