// History pages in a group with a long past: `count` lines inserted straight into Haven's
// chat_messages collection (insertMany in batches through the bare driver, in the shape
// ChatService stores), then `chat:history` pages asked through members' sockets, one at a
// time, beside the same query through the bare driver.
import { performance } from 'node:perf_hooks';
import { type Connection, Types } from 'mongoose';
import type { Socket } from 'socket.io-client';
import { percentileSorted, sortedCopy } from './deliveries.ts';

const BATCH = 10_000;
const PAGE = 50;
/** The seeded lines span the past year, oldest first: ids grow with time, as Haven's do. */
const SPAN_MS = 365 * 86_400_000;
const WORDS = ['how', 'is', 'everyone', 'doing', 'tonight', 'thanks', 'for', 'the', 'meeting'];

export interface HistoryRow {
  page: string;
  side: 'Haven' | 'bare driver';
  n: number;
  p50: number;
  p95: number;
  errors: number;
}

/** Inserts the lines and returns the id of the one `depth` (0..1) of the way from the newest. */
export async function seedHistory(
  connection: Connection,
  groupId: string,
  senderIds: string[],
  count: number,
  depth: number,
  progress: (inserted: number) => void,
): Promise<string> {
  const collection = connection.collection('chat_messages');
  const group = new Types.ObjectId(groupId);
  const senders = senderIds.map((id) => new Types.ObjectId(id));
  const start = Date.now() - SPAN_MS - 86_400_000;
  const deepIndex = Math.max(0, Math.min(count - 1, Math.floor(count * (1 - depth))));
  let deepId = '';
  for (let first = 0; first < count; first += BATCH) {
    const docs = [];
    for (let i = first; i < Math.min(count, first + BATCH); i++) {
      const createdAt = new Date(start + Math.floor((i / count) * SPAN_MS));
      // An id from the line's own time (the driver would stamp them all with today).
      const _id = new Types.ObjectId(
        Types.ObjectId.generate(Math.floor(createdAt.getTime() / 1000)),
      );
      if (i === deepIndex) deepId = String(_id);
      docs.push({
        _id,
        groupId: group,
        senderId: senders[i % senders.length],
        clientId: `history-${i.toString(36).padStart(8, '0')}`,
        text: `${WORDS.slice(i % 5).join(' ')} (line ${i})`,
        replyTo: null,
        mentions: [],
        reactions: [],
        createdAt,
        editedAt: null,
        deletedAt: null,
      });
    }
    await collection.insertMany(docs, { ordered: false });
    progress(Math.min(count, first + BATCH));
  }
  return deepId;
}

type Ask = () => Promise<number>;

interface Series {
  page: string;
  side: HistoryRow['side'];
  ask: Ask;
  ms: number[];
  errors: number;
}

async function once(series: Series, measured: boolean): Promise<void> {
  const t0 = performance.now();
  try {
    const got = await series.ask();
    if (got !== PAGE) throw new Error(`a page of ${got} lines`);
    if (measured) series.ms.push(performance.now() - t0);
  } catch {
    series.errors++;
  }
}

const row = (s: Series): HistoryRow => {
  const sorted = sortedCopy(s.ms);
  return {
    page: s.page,
    side: s.side,
    n: s.ms.length,
    p50: percentileSorted(sorted, 50),
    p95: percentileSorted(sorted, 95),
    errors: s.errors,
  };
};

/**
 * The newest page and a page `before` a line deep in the past, `requests` times each, from
 * the members' sockets in turn (one member asking this often would meet the per-connection
 * limit, which is not what is measured here), beside the same find through the bare driver.
 * The four are asked in turn, one request at a time, so a pause of the database or of the
 * machine falls on all of them alike rather than on whichever ran first.
 */
export async function timeHistory(
  connection: Connection,
  sockets: Socket[],
  groupId: string,
  deepId: string,
  requests: number,
): Promise<HistoryRow[]> {
  let turn = 0;
  const viaSocket =
    (query: Record<string, unknown>): Ask =>
    async () => {
      const socket = sockets[turn++ % sockets.length] as Socket;
      const answer = await socket.timeout(30_000).emitWithAck('chat:history', query);
      if (!answer.ok) throw new Error(answer.error?.code);
      return answer.data.messages.length;
    };
  const collection = connection.collection('chat_messages');
  const group = new Types.ObjectId(groupId);
  const viaDriver =
    (filter: Record<string, unknown>): Ask =>
    async () =>
      (
        await collection
          .find({ groupId: group, ...filter })
          .sort({ _id: -1 })
          .limit(PAGE + 1)
          .toArray()
      ).length - 1;
  const newest = { groupId, limit: PAGE };
  const deep = { ...newest, before: deepId };
  const deepFilter = { _id: { $lt: new Types.ObjectId(deepId) } };
  const deepPage = '50 before a line deep in the past';
  const series: Series[] = [
    { page: 'newest 50', side: 'Haven', ask: viaSocket(newest), ms: [], errors: 0 },
    { page: 'newest 50', side: 'bare driver', ask: viaDriver({}), ms: [], errors: 0 },
    { page: deepPage, side: 'Haven', ask: viaSocket(deep), ms: [], errors: 0 },
    { page: deepPage, side: 'bare driver', ask: viaDriver(deepFilter), ms: [], errors: 0 },
  ];
  // Unmeasured rounds first (the JIT, the database's caches); errors there count all the same.
  for (let i = 0; i < 10; i++) for (const s of series) await once(s, false);
  for (let i = 0; i < requests; i++) for (const s of series) await once(s, true);
  return series.map(row);
}
