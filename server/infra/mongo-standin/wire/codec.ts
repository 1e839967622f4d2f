import { serialize } from 'bson';
import { decodeDocument } from '../bson-decode.ts';
import type { Doc } from '../types.ts';

/** MongoDB wire protocol framing (https://www.mongodb.com/docs/manual/reference/mongodb-wire-protocol/). */

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

const HEADER = 16;
const FLAG_CHECKSUM_PRESENT = 1 << 0;
const FLAG_MORE_TO_COME = 1 << 1;
/** maxMessageSizeBytes advertised in hello. */
export const MAX_MESSAGE_BYTES = 48_000_000;

export type Request =
  | { kind: 'msg'; requestId: number; body: Doc; moreToCome: boolean }
  | { kind: 'query'; requestId: number; collection: string; query: Doc }
  | { kind: 'unsupported'; requestId: number; opCode: number };

export class WireFormatError extends Error {}

function readCString(buf: Buffer, at: number): [string, number] {
  const end = buf.indexOf(0, at);
  if (end < 0) throw new WireFormatError('unterminated cstring');
  return [buf.toString('utf8', at, end), end + 1];
}

function readDoc(buf: Buffer, at: number, limit: number): [Doc, number] {
  if (at + 5 > limit) throw new WireFormatError('truncated document');
  const size = buf.readInt32LE(at);
  if (size < 5 || at + size > limit) throw new WireFormatError('invalid document length');
  return [decodeDocument(buf.subarray(at, at + size)), at + size];
}

/** Decodes one complete message (`msg` includes the 16-byte header). */
export function decodeMessage(msg: Buffer): Request {
  const requestId = msg.readInt32LE(4);
  const opCode = msg.readInt32LE(12);
  if (opCode === OP_MSG) {
    const flags = msg.readUInt32LE(HEADER);
    const end = flags & FLAG_CHECKSUM_PRESENT ? msg.length - 4 : msg.length;
    let at = HEADER + 4;
    let body: Doc | null = null;
    const sequences: [string, Doc[]][] = [];
    while (at < end) {
      const kind = msg[at];
      at += 1;
      if (kind === 0) {
        [body, at] = readDoc(msg, at, end);
      } else if (kind === 1) {
        const size = msg.readInt32LE(at);
        const stop = at + size;
        if (size < 5 || stop > end) throw new WireFormatError('invalid document sequence length');
        const [identifier, docsStart] = readCString(msg, at + 4);
        let pos = docsStart;
        const docs: Doc[] = [];
        while (pos < stop) {
          let doc: Doc;
          [doc, pos] = readDoc(msg, pos, stop);
          docs.push(doc);
        }
        sequences.push([identifier, docs]);
        at = stop;
      } else {
        throw new WireFormatError(`unknown OP_MSG section kind ${String(kind)}`);
      }
    }
    if (!body) throw new WireFormatError('OP_MSG without a body section');
    // Document sequences (insert's `documents`, update's `updates`...) are command arguments.
    for (const [id, docs] of sequences) body[id] = docs;
    return { kind: 'msg', requestId, body, moreToCome: (flags & FLAG_MORE_TO_COME) !== 0 };
  }
  if (opCode === OP_QUERY) {
    const [collection, at] = readCString(msg, HEADER + 4);
    const [query] = readDoc(msg, at + 8, msg.length);
    return { kind: 'query', requestId, collection, query };
  }
  return { kind: 'unsupported', requestId, opCode };
}

let nextRequestId = 1;

function header(totalLength: number, responseTo: number, opCode: number): Buffer {
  const h = Buffer.allocUnsafe(HEADER);
  h.writeInt32LE(totalLength, 0);
  h.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  h.writeInt32LE(responseTo, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

export function encodeOpMsg(responseTo: number, doc: Doc): Buffer {
  const body = serialize(doc);
  const total = HEADER + 4 + 1 + body.length;
  const flagsAndKind = Buffer.alloc(5); // flagBits 0, section kind 0
  return Buffer.concat([header(total, responseTo, OP_MSG), flagsAndKind, body], total);
}

/** The legacy reply format, only used to answer the OP_QUERY handshake. */
export function encodeOpReply(responseTo: number, doc: Doc): Buffer {
  const body = serialize(doc);
  const fixed = Buffer.alloc(20); // responseFlags, cursorID (int64), startingFrom
  fixed.writeInt32LE(1, 16); // numberReturned
  const total = HEADER + fixed.length + body.length;
  return Buffer.concat([header(total, responseTo, OP_REPLY), fixed, body], total);
}
