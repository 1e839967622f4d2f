import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type Model, Types } from 'mongoose';
import {
  havenVideoPath,
  isVideoContentType,
  type UploadedVideo,
  VIDEO_CONTENT_TYPES,
  type VideoContentType,
} from '../../shared/training/videos.ts';
import { AppError } from '../infra/errors.ts';
import type { VideoDoc } from './models.ts';

/** The folder under HAVEN_DATA_DIR that holds uploaded training videos. */
export const VIDEOS_FOLDER = 'training-videos';

/** The default size cap (TRAINING_VIDEO_MAX_MB in the README's configuration table). */
export const DEFAULT_VIDEO_MAX_BYTES = 500 * 1024 * 1024;

const EXTENSIONS: Record<VideoContentType, string> = { 'video/mp4': 'mp4', 'video/webm': 'webm' };

/** An upload in progress: `.upload-<id>-<random>.part`, renamed to `<id>.<ext>` once synced. */
const PART = /^\.upload-[a-f0-9]{24}-[a-f0-9]{8}\.part$/;
const STORED = /^([a-f0-9]{24})\.(mp4|webm)$/;

/** Bytes a file must start with to be what its type says: enough for both checks below. */
const HEAD_BYTES = 8;

/**
 * Whether a file's first bytes are those of its declared type: an MP4 (ISO base media file)
 * opens with a box whose type, at offset 4, is `ftyp`; a WebM (Matroska) with the EBML
 * magic number 1A 45 DF A3.
 */
export function looksLike(contentType: VideoContentType, head: Uint8Array): boolean {
  if (contentType === 'video/mp4')
    return head.length >= 8 && Buffer.from(head.subarray(4, 8)).toString('latin1') === 'ftyp';
  return (
    head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3
  );
}

/** `video/mp4; codecs="avc1"` → `video/mp4`. */
function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const megabytes = (bytes: number) => Math.floor(bytes / (1024 * 1024));

function tooLarge(maxBytes: number): AppError {
  const limit =
    maxBytes >= 1024 * 1024
      ? `${megabytes(maxBytes)} MB`
      : `${maxBytes.toLocaleString('en')} bytes`;
  return new AppError('INVALID_INPUT', 'the video is too large', {
    size: [`must be at most ${limit}`],
  });
}

/** Makes a rename (or an unlink) in `dir` durable: the directory's entry is on disk too. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeAll(handle: FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

/**
 * Reads a request's body into `write`, one chunk at a time: the request is piped into a
 * sink that takes the next chunk only when `write` is done, so a slow disk slows the upload
 * instead of filling memory. The request is never destroyed here (a refusal still gets its
 * answer); an aborted upload rejects.
 */
function receiveBody(req: IncomingMessage, write: (chunk: Buffer) => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        write(chunk).then(() => callback(), callback);
      },
    });
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      req.off('error', onAborted);
      req.off('close', onClose);
      req.unpipe(sink);
      if (error) reject(error);
      else resolve();
    };
    const onAborted = () =>
      settle(new AppError('INVALID_INPUT', 'the upload was interrupted before it ended'));
    const onClose = () => {
      if (!req.complete) onAborted();
    };
    sink.on('finish', () => settle());
    sink.on('error', (error) => settle(error));
    req.on('error', onAborted);
    req.on('close', onClose);
    req.pipe(sink);
  });
}

export interface StoredVideo {
  id: string;
  contentType: VideoContentType;
  size: number;
  /** The file's name in `VideoStore.dir`. */
  fileName: string;
}

/**
 * Uploaded training videos (docs/training.md, "Uploaded videos"): files on disk under
 * `<HAVEN_DATA_DIR>/training-videos/`, one document each in `training_videos`.
 *
 * Nothing acknowledged is lost: the body streams into a temporary file in the same folder,
 * which is fsynced, renamed to its final name, and the folder fsynced, before the document
 * is inserted and the upload answered. A refused, failed or aborted upload removes what it
 * wrote; a crash mid-upload leaves at most a `.part` file (or a file without its document,
 * between the rename and the insert), which `sweep()` removes at the next start.
 */
export class VideoStore {
  readonly dir: string;
  readonly maxBytes: number;
  readonly #Video: Model<VideoDoc>;
  readonly #now: () => number;

  constructor(options: {
    dataDir: string;
    maxBytes?: number | undefined;
    Video: Model<VideoDoc>;
    now?: (() => number) | undefined;
  }) {
    this.dir = join(options.dataDir, VIDEOS_FOLDER);
    this.maxBytes = options.maxBytes ?? DEFAULT_VIDEO_MAX_BYTES;
    this.#Video = options.Video;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Stores the request's body as a video of `ownerId`'s. Refused with INVALID_INPUT, storing
   * nothing: a type other than MP4 or WebM (`fields.contentType`), a body over the cap
   * (`fields.size`, checked on Content-Length before reading and on the bytes as they come),
   * an empty body or one whose first bytes are not of its type (`fields.file`).
   */
  async receive(req: IncomingMessage, ownerId: string): Promise<UploadedVideo> {
    const contentType = mediaTypeOf(req.headers['content-type']);
    if (!isVideoContentType(contentType))
      throw new AppError('INVALID_INPUT', 'only MP4 and WebM videos are accepted', {
        contentType: [`must be ${VIDEO_CONTENT_TYPES.join(' or ')}`],
      });
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (declared > this.maxBytes) throw tooLarge(this.maxBytes);

    await mkdir(this.dir, { recursive: true });
    const id = new Types.ObjectId();
    const fileName = `${id}.${EXTENSIONS[contentType]}`;
    const finalPath = join(this.dir, fileName);
    const partPath = join(this.dir, `.upload-${id}-${randomBytes(4).toString('hex')}.part`);
    const handle = await open(partPath, 'wx', 0o600);
    let handleOpen = true;
    let renamed = false;
    try {
      const size = await this.#write(req, handle, contentType);
      await handle.sync();
      handleOpen = false;
      await handle.close();
      await rename(partPath, finalPath);
      renamed = true;
      await syncDir(this.dir);
      await this.#Video.create({
        _id: id,
        ownerId: new Types.ObjectId(ownerId),
        contentType,
        size,
        createdAt: new Date(this.#now()),
      });
      return { id: String(id), url: havenVideoPath(String(id)), contentType, size };
    } catch (error) {
      if (handleOpen) await handle.close().catch(() => {});
      await unlink(renamed ? finalPath : partPath).catch(() => {});
      if (renamed) await syncDir(this.dir).catch(() => {});
      throw error;
    }
  }

  async #write(
    req: IncomingMessage,
    handle: FileHandle,
    contentType: VideoContentType,
  ): Promise<number> {
    let size = 0;
    let head = Buffer.alloc(0);
    const refuse = () =>
      new AppError('INVALID_INPUT', 'the file is not the video its type says', {
        file: [`is not ${contentType === 'video/mp4' ? 'an MP4' : 'a WebM'} video`],
      });
    await receiveBody(req, async (chunk) => {
      size += chunk.length;
      if (size > this.maxBytes) throw tooLarge(this.maxBytes);
      if (head.length < HEAD_BYTES) {
        head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
        if (head.length >= HEAD_BYTES && !looksLike(contentType, head)) throw refuse();
      }
      await writeAll(handle, chunk);
    });
    if (size === 0)
      throw new AppError('INVALID_INPUT', 'the body is empty', { file: ['is empty'] });
    if (!looksLike(contentType, head)) throw refuse();
    return size;
  }

  /** The stored video `id`, or NOT_FOUND. */
  async find(id: string): Promise<StoredVideo> {
    const doc = await this.#Video.findById(id).lean<VideoDoc>();
    if (!doc || !isVideoContentType(doc.contentType))
      throw new AppError('NOT_FOUND', 'no such video');
    return {
      id: String(doc._id),
      contentType: doc.contentType,
      size: doc.size,
      fileName: `${doc._id}.${EXTENSIONS[doc.contentType]}`,
    };
  }

  /** Which of `ids` are stored videos (a course may name only those). */
  async existing(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const found = await this.#Video
      .find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } }, { _id: 1 })
      .lean<Array<Pick<VideoDoc, '_id'>>>();
    return new Set(found.map((doc) => String(doc._id)));
  }

  /** "Download my data": the videos the member uploaded (metadata; the files are course content). */
  async exportFor(userId: string) {
    const docs = await this.#Video
      .find({ ownerId: new Types.ObjectId(userId) })
      .sort({ createdAt: 1 })
      .lean<VideoDoc[]>();
    return docs.map((doc) => ({
      id: String(doc._id),
      url: havenVideoPath(String(doc._id)),
      contentType: doc.contentType,
      size: doc.size,
      createdAt: doc.createdAt.toISOString(),
    }));
  }

  /**
   * Account deletion: the videos stay (courses show them; they belong to the organisation's
   * courses, not to the trainer) and their uploader becomes nobody.
   */
  async eraseFor(userId: string): Promise<void> {
    await this.#Video.updateMany(
      { ownerId: new Types.ObjectId(userId) },
      { $set: { ownerId: null } },
    );
  }

  /**
   * At start-up: removes what a crash left behind, files older than `olderThanMs` (so an
   * upload another node of a cluster sharing the folder is writing right now is left alone):
   * `.part` files, and stored files whose document was never inserted. Returns what it removed.
   */
  async sweep(olderThanMs = 60 * 60 * 1000): Promise<{ parts: number; orphans: number }> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { parts: 0, orphans: 0 };
      throw error;
    }
    const before = Date.now() - olderThanMs;
    const old = async (name: string) => (await stat(join(this.dir, name))).mtimeMs < before;
    const parts = [];
    for (const name of names) if (PART.test(name) && (await old(name))) parts.push(name);
    const stored = names.flatMap((name) => {
      const match = STORED.exec(name);
      return match?.[1] ? [{ name, id: match[1] }] : [];
    });
    const known = await this.existing(stored.map((file) => file.id));
    const orphans = [];
    for (const file of stored)
      if (!known.has(file.id) && (await old(file.name))) orphans.push(file.name);
    for (const name of [...parts, ...orphans]) await unlink(join(this.dir, name)).catch(() => {});
    if (parts.length || orphans.length) await syncDir(this.dir);
    return { parts: parts.length, orphans: orphans.length };
  }
}
