import { EventEmitter } from 'node:events';
import { Types } from 'mongoose';
import type {
  ChatLineReport,
  ChatReport,
  ChatReportInput,
  ChatReportScope,
  ResolveChatReportInput,
} from '../../shared/api/chat-reports.ts';
import type { Page, PageQuery } from '../../shared/api/common.ts';
import type { ChatMessage } from '../../shared/chat/schemas.ts';
import type { UserDirectory } from '../accounts/user-directory.ts';
import type { GroupService } from '../community/groups/service.ts';
import {
  type Actor,
  indexesReady,
  isDuplicateKey,
  isStaff,
  reportFields,
} from '../community/shared.ts';
import { afterCursor, findPageWith, pageFrom, type SortSpec } from '../infra/api/paging.ts';
import { AppError } from '../infra/errors.ts';
import type { ChatModels, ChatReportDoc } from './models.ts';
import type { ChatService } from './service.ts';

/**
 * Reports of chat lines and the queue they make. Any member of a line's group reports
 * it (not their own, not a deleted one); the group's moderators see their groups' reports
 * and site staff see every group's, without having to join (docs/chat.md). A private line
 * (docs/contacts.md) is reported by the other member and seen by site staff only. Resolving acts
 * on the line (delete) or its sender (mute, ban), or dismisses, and closes every open
 * report on that line. Delivery is the socket layer's: it listens to `changes`.
 */

const OLDEST_FIRST: SortSpec = { field: '_id', kind: 'id', direction: 1 };
const oid = (id: string) => new Types.ObjectId(id);
const ownWords = (r: Pick<ChatReportDoc, 'reason' | 'note' | 'createdAt'>): ChatLineReport => ({
  reason: r.reason,
  note: r.note ?? null,
  createdAt: r.createdAt.toISOString(),
});

export type ChatReportEvents = {
  /** A line was deleted from the queue: members' screens drop its text. */
  updated: [message: ChatMessage];
  /** A member was banned from the queue: their sockets leave the group's room. */
  banned: [userId: string, groupId: string];
};

export class ChatReports {
  readonly #m: ChatModels;
  readonly #groups: GroupService;
  readonly #users: UserDirectory;
  readonly #chat: ChatService;
  readonly changes = new EventEmitter<ChatReportEvents>();

  constructor(models: ChatModels, groups: GroupService, users: UserDirectory, chat: ChatService) {
    this.#m = models;
    this.#groups = groups;
    this.#users = users;
    this.#chat = chat;
  }

  /** One open report per member and line: a second answers the first, whatever it said. */
  async report(actor: Actor, input: ChatReportInput): Promise<{ id: string; status: 'open' }> {
    const message = await this.#m.Message.findById(input.messageId).lean();
    if (!message) throw new AppError('NOT_FOUND', 'no such message');
    const groupId = String(message.groupId);
    // Members who may read the line (a banned member reads nothing) may report it; a private
    // line, the other member of its conversation (it then goes to site staff only).
    if (message.kind === 'private') await this.#chat.contacts.access(actor, groupId, 'read');
    else {
      const role = await this.#groups.roleIn(actor, groupId);
      if (!role) throw new AppError('FORBIDDEN', 'join the group to report its lines');
      await this.#chat.moderation.mayRead(actor, groupId, role);
    }
    if (String(message.senderId) === actor.id)
      throw new AppError('INVALID_TRANSITION', 'you cannot report your own line');
    if (message.deletedAt) throw new AppError('INVALID_TRANSITION', 'this message was deleted');
    const key = { messageId: message._id, reporterId: oid(actor.id), status: 'open' as const };
    await indexesReady(this.#m.Report);
    try {
      const report = await this.#m.Report.create({
        ...key,
        groupId: message.groupId,
        lineSenderId: message.senderId,
        reason: input.reason,
        note: input.note ?? null,
      });
      return { id: String(report._id), status: 'open' };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const open = await this.#m.Report.findOne(key, { _id: 1 }).lean();
      if (!open) throw error;
      return { id: String(open._id), status: 'open' };
    }
  }

  /**
   * Whose reports the actor sees: every group's, the groups they moderate, or none (an
   * answer, not a refusal: the browser asks on every page to show the Moderation link).
   */
  async scope(actor: Actor): Promise<ChatReportScope> {
    return { all: isStaff(actor), groups: await this.#groups.moderatedBy(actor.id) };
  }

  /** Oldest first: whoever reported first has waited longest. */
  async list(
    actor: Actor,
    query: PageQuery & { status: 'open' | 'resolved' },
  ): Promise<Page<ChatReport>> {
    const scope = await this.scope(actor);
    if (!scope.all && scope.groups.length === 0)
      throw new AppError('FORBIDDEN', 'only moderators see reports of chat lines');
    // Reports on their own lines go to the others (reports made before the sender was kept
    // have none, and show).
    const filter: Record<string, unknown> = {
      status: query.status,
      lineSenderId: { $ne: oid(actor.id) },
    };
    if (!scope.all) filter.groupId = { $in: scope.groups.map((g) => oid(g.id)) };
    if (query.status === 'open') return this.#openByLine(filter, query);
    return findPageWith(this.#m.Report, filter, OLDEST_FIRST, query, (docs) =>
      this.#views(docs as ChatReportDoc[]),
    );
  }

  /**
   * One entry per reported line (issue 18): the line's oldest open report anchors it, so
   * the order is the one by report and the cursor (the anchor's id, as the per-report
   * list's) never repeats or skips a line, even as more reports come in.
   */
  async #openByLine(filter: Record<string, unknown>, query: PageQuery): Promise<Page<ChatReport>> {
    const after = afterCursor(OLDEST_FIRST, query.cursor)._id;
    const lines = await this.#m.Report.aggregate<{ _id: Types.ObjectId; anchor: Types.ObjectId }>([
      { $match: filter },
      { $group: { _id: '$messageId', anchor: { $min: '$_id' } } },
      ...(after ? [{ $match: { anchor: after } }] : []),
      { $sort: { anchor: 1 } },
      { $limit: query.limit + 1 },
    ]);
    const { items: anchors, nextCursor } = pageFrom(
      lines.map((l) => ({ _id: l.anchor })),
      query.limit,
      OLDEST_FIRST,
      (l) => l._id,
    );
    const docs = await this.#m.Report.find({ _id: { $in: anchors } }).lean();
    const byId = new Map(docs.map((d) => [String(d._id), d as ChatReportDoc]));
    // A report resolved between the two reads drops out (the next read shows the line's state).
    const found = anchors.flatMap((id) => byId.get(String(id)) ?? []);
    return { items: await this.#views(found), nextCursor };
  }

  /**
   * Acts, then closes every open report on the line. The report is claimed first with a
   * conditional update, so two moderators cannot both act (the second gets
   * INVALID_TRANSITION); an action the rules refuse (muting a moderator) reopens it.
   */
  async resolve(actor: Actor, id: string, input: ResolveChatReportInput): Promise<ChatReport> {
    const found = await this.#m.Report.findById(id).lean();
    if (!found) throw new AppError('NOT_FOUND', 'no such report');
    const groupId = String(found.groupId);
    await this.#mustModerate(actor, groupId);
    const line = await this.#m.Message.findById(found.messageId, { senderId: 1 }).lean();
    if (line?.senderId && String(line.senderId) === actor.id)
      throw new AppError('FORBIDDEN', 'another moderator decides reports of your own lines');
    const resolution = {
      status: 'resolved' as const,
      action: input.action,
      resolvedBy: oid(actor.id),
      resolvedAt: new Date(),
    };
    const claimed = await this.#m.Report.findOneAndUpdate(
      { _id: found._id, status: 'open' },
      { $set: resolution },
      { returnDocument: 'after' },
    ).lean();
    if (!claimed) throw new AppError('INVALID_TRANSITION', 'this report was already resolved');
    try {
      await this.#act(actor, found, input);
    } catch (error) {
      await this.#m.Report.updateOne(
        { _id: found._id, status: 'resolved', resolvedAt: resolution.resolvedAt },
        { $set: { status: 'open', action: null, resolvedBy: null, resolvedAt: null } },
      );
      throw error;
    }
    await this.#m.Report.updateMany(
      { messageId: found.messageId, status: 'open' },
      { $set: resolution },
    );
    return (await this.#views([claimed as ChatReportDoc]))[0] as ChatReport;
  }

  async #act(actor: Actor, report: ChatReportDoc, input: ResolveChatReportInput): Promise<void> {
    const groupId = String(report.groupId);
    if (input.action === 'dismiss') return;
    if (input.action === 'delete') {
      this.changes.emit('updated', await this.#chat.tombstone(String(report.messageId)));
      return;
    }
    const message = await this.#m.Message.findById(report.messageId, {
      senderId: 1,
      kind: 1,
    }).lean();
    // A private conversation has no group to be muted or banned in; the member can block.
    if (message?.kind === 'private')
      throw new AppError('INVALID_INPUT', 'a private line can be deleted or the report dismissed');
    if (!message?.senderId)
      throw new AppError('INVALID_TRANSITION', 'the line’s sender deleted their account');
    const senderId = String(message.senderId);
    await this.#chat.moderation.applyRestriction(
      actor,
      groupId,
      senderId,
      input.action,
      input.minutes,
    );
    if (input.action === 'ban') this.changes.emit('banned', senderId, groupId);
  }

  /** The group's moderators (members), or site staff whether or not they joined it. */
  async #mustModerate(actor: Actor, groupId: string): Promise<void> {
    if (isStaff(actor)) return;
    const role = await this.#groups.roleIn(actor, groupId).catch(() => null);
    if (role !== 'moderator')
      throw new AppError('FORBIDDEN', 'only the group’s moderators can act on its reports');
  }

  /** The reports a member made (their own words: reason and note). */
  async exportFor(userId: string) {
    const mine = await this.#m.Report.find({ reporterId: oid(userId) })
      .sort({ _id: 1 })
      .lean();
    return mine.map((r) => ({
      id: String(r._id),
      groupId: String(r.groupId),
      messageId: String(r.messageId),
      reason: r.reason,
      note: r.note,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  /** Reports they made or resolved stay for the group's safety, without them. */
  async eraseFor(userId: string): Promise<void> {
    const me = oid(userId);
    await this.#m.Report.updateMany({ reporterId: me }, { $set: { reporterId: null, note: null } });
    await this.#m.Report.updateMany({ resolvedBy: me }, { $set: { resolvedBy: null } });
    await this.#m.Report.updateMany({ lineSenderId: me }, { $set: { lineSenderId: null } });
  }

  /** Lines, their senders' names and their groups' names are looked up now. */
  async #views(reports: ChatReportDoc[]): Promise<ChatReport[]> {
    const messageIds = reports.map((r) => r.messageId);
    const [messages, groupNames, open] = await Promise.all([
      this.#m.Message.find(
        { _id: { $in: messageIds } },
        { kind: 1, groupId: 1, senderId: 1, text: 1, createdAt: 1, deletedAt: 1 },
      ).lean(),
      this.#groups.namesOf(reports.map((r) => String(r.groupId))),
      this.#m.Report.find(
        { messageId: { $in: messageIds }, status: 'open' },
        { messageId: 1, reason: 1, note: 1, createdAt: 1 },
      )
        .sort({ _id: -1 })
        .lean(),
    ]);
    const messageOf = new Map(messages.map((m) => [String(m._id), m]));
    const openOn = new Map<string, ChatLineReport[]>();
    for (const o of open) {
      const onLine = openOn.get(String(o.messageId)) ?? [];
      onLine.push(ownWords(o));
      openOn.set(String(o.messageId), onLine);
    }
    const senders = messages.flatMap((m) => (m.senderId ? [String(m.senderId)] : []));
    const people = await this.#users.publicUsers(senders);
    return reports.map((r) => {
      const message = messageOf.get(String(r.messageId));
      const senderId = message?.senderId ? String(message.senderId) : null;
      return {
        ...reportFields(r),
        openReportsOnLine: openOn.get(String(r.messageId))?.length ?? 0,
        reports: r.status === 'open' ? (openOn.get(String(r.messageId)) ?? []) : [ownWords(r)],
        line: {
          id: String(r.messageId),
          kind: message?.kind ?? 'group',
          groupId: String(r.groupId),
          groupName: groupNames.get(String(r.groupId)) ?? null,
          senderId,
          senderName: senderId ? (people.get(senderId)?.displayName ?? null) : null,
          text: message?.text ?? null,
          createdAt: message ? message.createdAt.toISOString() : null,
          deleted: !message || message.deletedAt !== null,
        },
      };
    });
  }
}
