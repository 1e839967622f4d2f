import type { Response } from 'express';
import { idParams } from '../../shared/api/common.ts';
import { VIDEO_CONTENT_TYPES, videoUploadResponse } from '../../shared/training/videos.ts';
import type { ApiRoutes } from '../infra/api/routes.ts';
import { AppError } from '../infra/errors.ts';
import type { StoredVideo, VideoStore } from './videos.ts';

const AUTHORS = ['trainer', 'admin'] as const;

/**
 * Members' own browsers may keep a video but must ask again before each use (`no-cache`
 * with Last-Modified: a cheap 304), so a signed-out browser on a shared computer cannot
 * replay it; `private` keeps it out of shared caches.
 */
const VIDEO_CACHE = 'private, no-cache';

/**
 * Sends the file with the `send` module (through res.sendFile): Range and If-Range, 206
 * with Content-Range, 416 for a range outside the file, HEAD, 304. Resolves once answered.
 */
function sendVideo(res: Response, dir: string, video: StoredVideo): Promise<void> {
  return new Promise((resolve, reject) => {
    res.sendFile(
      video.fileName,
      {
        root: dir,
        dotfiles: 'deny',
        acceptRanges: true,
        lastModified: true,
        cacheControl: false,
        headers: {
          'Content-Type': video.contentType,
          'Cache-Control': VIDEO_CACHE,
          'X-Content-Type-Options': 'nosniff',
        },
      },
      (error?: Error & { status?: number; code?: string }) => {
        if (!error) return resolve();
        // The member closed the page or seeked elsewhere mid-answer: nothing more to say.
        if (res.headersSent || error.code === 'ECONNABORTED') return resolve();
        if (error.status === 416 || error.status === 412) {
          // send set Content-Range: bytes */<size> already; the body is Haven's error shape.
          for (const header of ['Content-Type', 'Last-Modified', 'ETag']) res.removeHeader(header);
          res.set('Cache-Control', 'no-store');
          res
            .status(error.status)
            .json(
              new AppError(
                'INVALID_INPUT',
                error.status === 416
                  ? 'the requested range is not in the video'
                  : 'the video does not match the precondition',
                error.status === 416
                  ? { range: [`must be within the video's ${video.size} bytes`] }
                  : undefined,
              ).toBody(),
            );
          return resolve();
        }
        // The document exists but its file does not: answered as a missing video.
        if (error.status === 404 || error.code === 'ENOENT')
          return reject(new AppError('NOT_FOUND', 'no such video'));
        reject(error);
      },
    );
  });
}

/** Uploaded training videos: trainers and admins upload, members watch (videos.ts). */
export function mountVideoRoutes(api: ApiRoutes, videos: VideoStore): void {
  api.post(
    '/training/videos',
    {
      summary:
        'Upload a training video (trainers and admins): the raw MP4 or WebM file as the body, with its Content-Type',
      tag: 'training',
      auth: AUTHORS,
      consumes: VIDEO_CONTENT_TYPES,
      response: videoUploadResponse,
    },
    async ({ user, req, res }) => {
      try {
        return { video: await videos.receive(req, user.id) };
      } catch (error) {
        // Refused before the body ended: answer now, discard the rest, and end the
        // connection after the answer rather than read a body we have no use for.
        if (!req.complete) {
          res.set('Connection', 'close');
          req.resume();
        }
        throw error;
      }
    },
  );

  api.get(
    '/training/videos/:id',
    {
      summary: 'An uploaded training video (signed-in members), with range requests',
      tag: 'training',
      auth: 'user',
      params: idParams,
      produces: VIDEO_CONTENT_TYPES,
    },
    async ({ params, res }) => sendVideo(res, videos.dir, await videos.find(params.id)),
  );
}
