import { EventEmitter } from 'node:events';
import { Types } from 'mongoose';
import type { PublicUser } from '../../shared/api/accounts.ts';
import type { ChatGroupSummary, ChatMessage } from '../../shared/chat/schemas.ts';
import type { UserDirectory } from '../accounts/user-directory.ts';
import type { GroupService } from '../community/groups/service.ts';
import { type Actor, indexesReady, isDuplicateKey, isStaff } from '../community/shared.ts';
import { AppError } from '../infra/errors.ts';
import { chatSummaries } from './chat-list.ts';
import type { Contacts } from './contacts.ts';
import { eraseLines, exportLines } from './line-data.ts';
import { readPage, searchLines } from './line-reads.ts';
import {
  mentionable,
  type ReplyRef,
  refreshExcerpts,
  replyFollows,
  replyRef,
} from './line-refs.ts';
import { lineViews } from './line-views.ts';
import { insertEach, LineWrites } from './line-writes.ts';
import type { ChatMessageDoc, ChatModels } from './models.ts';
import type { ChatModeration } from './moderation.ts';
import { moveReadMarker } from './read-markers.ts';
import type { EarlyDelivery, SendInput } from './send-claims.ts';
import {
  groupFactsOf,
  namesFor,
  readSendFacts,
  type SendFacts,
  type SendFactsCache,
} from './send-facts.ts';

/**
 * The rules of group chat, whatever edge calls them: only a group's members read or write
 * in it; a retried send returns the line first stored; a line is edited by its sender and
 * deleted by its sender or a moderator, keeping a tombstone; reactions, read markers and
 * unread counts. Delivery is the socket layer's (socket.ts).
 */

const DEFAULT_PAGE = 50;
/** Distinct emoji on one line at most (a bound on the document, not a taste). */
const MAX_REACTIONS = 20;

const oid = (id: string) => new Types.ObjectId(id);

type Names = Map<string, PublicUser>;

export interface Place {
  kind: 'group' | 'private';
  role: 'moderator' | 'member';
  /** The spacing of this writer's new lines (0: none; moderators and conversations). */
  slowModeSeconds: number;
}

export class ChatService {
  readonly #m: ChatModels;
  readonly #groups: GroupService;
  readonly #users: UserDirectory;
  readonly moderation: ChatModeration;
  readonly contacts: Contacts;
  /** What sends read of members and groups, kept on this node (send-facts.ts). */
  readonly #facts: SendFactsCache | undefined;
  readonly #sources: Parameters<typeof readSendFacts>[0];
  /** New lines, written together when they come close together (line-writes.ts). */
  readonly #writes: LineWrites<ChatMessageDoc>;
  /** Lines changed by another line's change (a reply's excerpt), for the socket layer. */
  readonly changes = new EventEmitter<{
    updated: [line: ChatMessage];
    /** A follow-up that failed after its change was stored (the socket layer logs it). */
    failed: [error: Error, event: string];
  }>();

  constructor(
    models: ChatModels,
    groups: GroupService,
    users: UserDirectory,
    moderation: ChatModeration,
    contacts: Contacts,
    facts?: (read: (userId: string, groupId: string) => Promise<SendFacts>) => SendFactsCache,
  ) {
    this.#m = models;
    this.#groups = groups;
    this.#users = users;
    this.moderation = moderation;
    this.contacts = contacts;
    this.#sources = { groups, moderation, users };
    this.#writes = new LineWrites(insertEach<ChatMessageDoc>(models.Message.collection));
    this.#facts = facts?.((userId, groupId) => readSendFacts(this.#sources, userId, groupId));
  }

  /**
   * `created` is false when a retry found the line already stored. `gate` is the caller's
   * own check (the sender's rate limit), run beside the reads here: every check that does
   * not depend on another is one round trip together, and nothing is stored unless all pass.
   * With `early`, a group line whose first attempt it is (send-claims.ts) is shown before
   * its write finishes; `shown` then says the caller need not broadcast it again.
   */
  async send(
    actor: Actor,
    input: SendInput,
    gate: Promise<void> = Promise.resolve(),
    early?: EarlyDelivery,
  ): Promise<{ message: ChatMessage; created: boolean; shown: boolean }> {
    // First, in the caller's tick: the marks go to Redis beside the limit and the claim.
    const facts = this.#facts?.of(actor.id, input.groupId);
    const reply = replyRef(this.#m, input.groupId, input.replyTo);
    // Names are read with the checks: a line can only be shown once it has its sender's.
    const names = Promise.all([reply, facts]).then(
      ([r, known]) =>
        namesFor(this.#users, actor.id, r?.senderId ? String(r.senderId) : null, known),
      () => new Map<string, PublicUser>(),
    );
    const [place, passed, replyTo, people, claimed] = await Promise.allSettled([
      facts
        ? facts.then((f) => this.#decide(actor, input.groupId, 'write', f))
        : this.#placeOf(actor, input.groupId, 'write'),
      gate,
      reply,
      names,
      early?.claimed ?? false,
    ]);
    // The place first, so an outsider learns nothing from a reply's or a limit's answer.
    if (place.status === 'rejected') throw place.reason;
    const { kind, slowModeSeconds } = place.value;
    const groupId = oid(input.groupId);
    const senderId = oid(actor.id);
    // A retry of a stored line (its ack was lost) gets it back, whatever the limits say now.
    const firstAttempt = claimed.status === 'fulfilled' && claimed.value === true;
    if (!firstAttempt && (passed.status === 'rejected' || slowModeSeconds > 0)) {
      const original = await this.#stored(groupId, senderId, input.clientId);
      if (original) return { message: original, created: false, shown: false };
    }
    for (const outcome of [passed, replyTo, people])
      if (outcome.status === 'rejected') throw outcome.reason;
    // Last, so that a send refused for anything else leaves the member's slot.
    if (slowModeSeconds > 0)
      await this.moderation.spaceLine(actor.id, input.groupId, slowModeSeconds);
    // Two people in a conversation need no @: the other is told of every line.
    const mentions =
      kind === 'group'
        ? await mentionable(
            { groups: this.#groups, moderation: this.moderation, users: this.#users },
            input,
            input.mentions ?? [],
            actor.id,
          )
        : [];
    await indexesReady(this.#m.Message);
    // The whole document, written by the driver: every field is already checked (the
    // payload's schema, the reply and mentions above), and skipping mongoose's document
    // machinery takes about a millisecond of CPU off each line (bench:chat's profile).
    const doc: ChatMessageDoc = {
      _id: new Types.ObjectId(),
      kind,
      groupId,
      senderId,
      clientId: input.clientId,
      text: input.text,
      replyTo: (replyTo as PromiseFulfilledResult<ReplyRef | null>).value,
      mentions,
      reactions: [],
      createdAt: new Date(),
      editedAt: null,
      deletedAt: null,
    };
    const message = await this.#view(doc, (people as PromiseFulfilledResult<Names>).value);
    const showing = early && kind === 'group' && firstAttempt ? early : undefined;
    showing?.show(message);
    const stored = await this.#store(doc, message, showing);
    if (stored.created && doc.replyTo) await this.#follow(() => replyFollows(this.#m, doc));
    return stored;
  }

  /**
   * No look-up before the insert: the unique index finds a retry (below), and a first send,
   * by far the common case, saves a round trip.
   */
  async #store(
    doc: ChatMessageDoc,
    message: ChatMessage,
    shownBy?: EarlyDelivery,
  ): Promise<{ message: ChatMessage; created: boolean; shown: boolean }> {
    const shown = shownBy !== undefined;
    try {
      await this.#writes.write(doc);
      return { message, created: true, shown };
    } catch (error) {
      // Shown, but not stored under this id: its members take it back.
      shownBy?.withdraw(message);
      // A retry, or two racing: the unique index kept the first, and each gets it back.
      if (!isDuplicateKey(error)) throw error;
      const original = await this.#stored(doc.groupId, doc.senderId, doc.clientId);
      if (!original) throw error;
      // Members who just took back the copy see the line that stands for it again.
      shownBy?.show(original);
      return { message: original, created: false, shown };
    }
  }

  async #stored(
    groupId: Types.ObjectId,
    senderId: Types.ObjectId | null,
    clientId: string,
  ): Promise<ChatMessage | null> {
    const stored = await this.#m.Message.findOne({ groupId, senderId, clientId }).lean();
    return stored ? this.#view(stored as ChatMessageDoc) : null;
  }

  /**
   * Newest first `before` a line (or from the newest); with `after`, the lines since it,
   * oldest first, for catching up after a reconnect.
   */
  async history(
    actor: Actor,
    query: {
      groupId: string;
      before?: string | undefined;
      after?: string | undefined;
      limit?: number | undefined;
    },
    /** Runs once the reader may read, before the lines are read (socket.ts: its rooms). */
    placed?: (place: Place) => Promise<unknown>,
  ): Promise<{ messages: ChatMessage[]; more: boolean }> {
    await placed?.(await this.#placeOf(actor, query.groupId, 'read'));
    return readPage(this.#m, this.#users, query, DEFAULT_PAGE);
  }

  async edit(actor: Actor, messageId: string, text: string): Promise<ChatMessage> {
    const message = await this.#find(messageId);
    await this.#placeOf(actor, String(message.groupId), 'write');
    if (String(message.senderId) !== actor.id)
      throw new AppError('FORBIDDEN', 'only its sender can edit a message');
    if (message.deletedAt) throw new AppError('INVALID_TRANSITION', 'this message was deleted');
    const updated = await this.#m.Message.findOneAndUpdate(
      { _id: message._id, deletedAt: null },
      { $set: { text, editedAt: new Date() } },
      { new: true },
    ).lean();
    if (!updated) throw new AppError('INVALID_TRANSITION', 'this message was deleted');
    await this.#repliesFollow(updated as ChatMessageDoc);
    return this.#view(updated as ChatMessageDoc);
  }

  /**
   * After a line's change is stored: its replies' excerpts follow it. Its failure (the
   * database away) fails nothing already stored, and is told for the log.
   */
  #repliesFollow(line: ChatMessageDoc): Promise<void> {
    return this.#follow(() => refreshExcerpts(this.#m, line._id));
  }

  async #follow(change: () => Promise<ChatMessageDoc[]>): Promise<void> {
    try {
      const changed = await change();
      if (changed.length === 0) return;
      for (const line of await lineViews(this.#users, changed)) this.changes.emit('updated', line);
    } catch (error) {
      this.changes.emit('failed', error as Error, 'chat:replies');
    }
  }

  /** By its sender, or a moderator of the group: the text goes, the line's place stays. */
  async delete(actor: Actor, messageId: string): Promise<ChatMessage> {
    const message = await this.#find(messageId);
    const place = await this.#placeOf(actor, String(message.groupId), 'read');
    if (String(message.senderId) !== actor.id && place.role !== 'moderator')
      throw new AppError('FORBIDDEN', 'only its sender or a moderator can delete a message');
    return this.#tombstone(message);
  }

  /**
   * The text goes, the line's place stays (a second time changes nothing). The caller has
   * decided who may: `delete` above, or the report queue (reports.ts).
   */
  async tombstone(messageId: string): Promise<ChatMessage> {
    return this.#tombstone(await this.#find(messageId));
  }

  async #tombstone(message: ChatMessageDoc): Promise<ChatMessage> {
    const updated = await this.#m.Message.findOneAndUpdate(
      { _id: message._id },
      {
        $set: {
          text: null,
          deletedAt: message.deletedAt ?? new Date(),
          reactions: [],
          mentions: [],
        },
      },
      { returnDocument: 'after' },
    ).lean();
    await this.#repliesFollow(updated as ChatMessageDoc);
    return this.#view(updated as ChatMessageDoc);
  }

  async react(actor: Actor, messageId: string, emoji: string, on: boolean): Promise<ChatMessage> {
    const message = await this.#find(messageId);
    await this.#placeOf(actor, String(message.groupId), 'write');
    if (message.deletedAt) throw new AppError('INVALID_TRANSITION', 'this message was deleted');
    const me = oid(actor.id);
    const reactions = message.reactions.map((r) => ({ emoji: r.emoji, userIds: [...r.userIds] }));
    const existing = reactions.find((r) => r.emoji === emoji);
    if (on && !existing && reactions.length >= MAX_REACTIONS)
      throw new AppError('CONFLICT', 'this message has as many kinds of reaction as it can');
    if (on) {
      if (!existing) reactions.push({ emoji, userIds: [me] });
      else if (!existing.userIds.some((id) => id.equals(me))) existing.userIds.push(me);
    } else if (existing) existing.userIds = existing.userIds.filter((id) => !id.equals(me));
    const kept = reactions.filter((r) => r.userIds.length > 0);
    // Compare-and-set on the reactions read above, so two members reacting at once both count.
    const updated = await this.#m.Message.findOneAndUpdate(
      { _id: message._id, reactions: message.reactions },
      { $set: { reactions: kept } },
      { new: true },
    ).lean();
    if (!updated) return this.react(actor, messageId, emoji, on);
    return this.#view(updated as ChatMessageDoc);
  }

  /** Lines of the group with these words (all of them), newest first; deleted lines never. */
  async search(actor: Actor, groupId: string, q: string, limit = 20): Promise<ChatMessage[]> {
    await this.#placeOf(actor, groupId, 'read');
    return searchLines(this.#m, this.#users, groupId, q, limit);
  }

  /** The chat's settings as its members see them (a conversation has none: 0). */
  async settings(actor: Actor, groupId: string): Promise<{ slowModeSeconds: number }> {
    const place = await this.#placeOf(actor, groupId, 'read');
    if (place.kind === 'private') return { slowModeSeconds: 0 };
    const { slowModeSeconds } = await this.moderation.termsOf(actor.id, groupId);
    return { slowModeSeconds };
  }

  /** Moves the member's read marker forward (never back) to `messageId`. */
  async markRead(actor: Actor, groupId: string, messageId: string): Promise<void> {
    await this.#placeOf(actor, groupId, 'read');
    const message = await this.#m.Message.exists({ _id: oid(messageId), groupId: oid(groupId) });
    if (!message) throw new AppError('NOT_FOUND', 'no such message in this group');
    await moveReadMarker(this.#m, actor.id, groupId, messageId);
  }

  /** The member's chats with their unread counts (chat-list.ts). */
  summaries(actor: Actor): Promise<ChatGroupSummary[]> {
    return chatSummaries(this.#m, this.#groups, this.contacts, this.moderation, actor);
  }

  /** A member's own lines, for "download my data". */
  exportFor(userId: string) {
    return exportLines(this.#m, userId);
  }

  /** With the account: their lines become tombstones from "a deleted member". */
  eraseFor(userId: string): Promise<void> {
    return eraseLines(this.#m, userId);
  }

  /**
   * Where a line is read or written, and may the actor: a group (membership, then its
   * moderators' restrictions, moderation.ts), or else a private conversation (contacts.ts:
   * either of the two reads it; only contacts who blocked nobody write).
   */
  async #placeOf(actor: Actor, id: string, need: 'read' | 'write'): Promise<Place> {
    return this.#decide(actor, id, need, await groupFactsOf(this.#sources, actor.id, id));
  }

  /** The rules of `#placeOf` on facts read now or kept (send-facts.ts). */
  async #decide(
    actor: Actor,
    id: string,
    need: 'read' | 'write',
    facts: Pick<SendFacts, 'group'>,
  ): Promise<Place> {
    const { group } = facts;
    if (group === null) {
      await this.contacts.access(actor, id, need);
      return { kind: 'private', role: 'member', slowModeSeconds: 0 };
    }
    if (!group.member)
      throw new AppError('FORBIDDEN', 'join the group to read and write in its chat');
    // Site staff's roles come with the request (a role change closes their sockets).
    const role = group.groupModerator || isStaff(actor) ? 'moderator' : 'member';
    if (need === 'write') await this.moderation.mayWrite(actor, id, role, group.terms);
    else await this.moderation.mayRead(actor, id, role, group.terms);
    const slowModeSeconds = role === 'moderator' ? 0 : group.terms.slowModeSeconds;
    return { kind: 'group', role, slowModeSeconds };
  }

  async #find(messageId: string): Promise<ChatMessageDoc> {
    const message = await this.#m.Message.findById(messageId).lean();
    if (!message) throw new AppError('NOT_FOUND', 'no such message');
    return message as ChatMessageDoc;
  }

  #view(doc: ChatMessageDoc, people?: Map<string, PublicUser>): Promise<ChatMessage> {
    return lineViews(this.#users, [doc], people).then((views) => views[0] as ChatMessage);
  }
}
